// The package's own reasoner worker script (dist-lib/browser/reasoner.worker.js), started by the default pool.
import { handleReasonerWorker } from './reasoner';

handleReasonerWorker();
