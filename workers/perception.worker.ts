import { PerceptionService } from '../src/runtime/PerceptionService';
import { exposeService } from '../src/runtime/exposeService';
import { browserPerceptionEngines } from '../src/runtime/perception/browserEngines';
import { runEngineCheck } from '../src/runtime/perception/engineCheck';

exposeService(
  new PerceptionService({
    engines: browserPerceptionEngines,
    engineCheck: runEngineCheck,
    // Test hook target: the worker dies mid-frame, as on an out-of-memory kill; pending calls never answer.
    crash: () => self.close(),
  }),
);
