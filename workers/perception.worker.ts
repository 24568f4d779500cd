import { PerceptionService } from '../src/runtime/PerceptionService';
import { exposeService } from '../src/runtime/exposeService';
import { browserPerceptionEngines } from '../src/runtime/perception/browserEngines';

exposeService(new PerceptionService({ engines: browserPerceptionEngines }));
