// The e2e build's perception worker: the product service behind the harness's test hooks (../perceptionUnderTest).
import '../harnessErrors';
import { exposeService } from '../../../src/runtime/exposeService';
import { createBrowserPerceptionEngines } from '../../../src/runtime/perception/browserEngines';
import { runEngineCheck } from '../engineCheck';
import { PerceptionUnderTest } from '../perceptionUnderTest';
import { faultySessions } from '../webgpuFaults';

exposeService(
  new PerceptionUnderTest({
    engines: (faults) => createBrowserPerceptionEngines({ createSession: faultySessions(faults) }),
    engineCheck: runEngineCheck,
    // The worker dies mid-frame, as on an out-of-memory kill; pending calls never answer.
    crash: () => self.close(),
  }),
);
