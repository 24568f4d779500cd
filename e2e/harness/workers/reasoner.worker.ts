// The e2e build's reasoner worker: the product service behind the harness's crash hook (../reasonerUnderTest).
import '../harnessErrors';
import { ReasonerService } from '../../../src/runtime/ReasonerService';
import { exposeService } from '../../../src/runtime/exposeService';
import { browserVlm } from '../../../src/runtime/vlm/browserVlm';
import { ReasonerUnderTest } from '../reasonerUnderTest';

exposeService(
  new ReasonerUnderTest(
    new ReasonerService({ tokenDelayMs: 15, vlm: browserVlm }),
    // The worker dies mid-question, as on an out-of-memory kill; pending calls never answer.
    () => self.close(),
  ),
);
