import { ReasonerService } from '../src/runtime/ReasonerService';
import { exposeService } from '../src/runtime/exposeService';

exposeService(new ReasonerService({ tokenDelayMs: 15 }));
