import { ReasonerService } from '../src/runtime/ReasonerService';
import { exposeService } from '../src/runtime/exposeService';
import { browserVlm } from '../src/runtime/vlm/browserVlm';

exposeService(new ReasonerService({ tokenDelayMs: 15, vlm: browserVlm }));
