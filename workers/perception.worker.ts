import { PerceptionService } from '../src/runtime/PerceptionService';
import { exposeService } from '../src/runtime/exposeService';

exposeService(new PerceptionService());
