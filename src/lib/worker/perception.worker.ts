// The package's own perception worker script (dist-lib/browser/perception.worker.js), started by the default pool.
import { handlePerceptionWorker } from './perception';

handlePerceptionWorker();
