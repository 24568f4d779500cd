// The package's own perception worker script (dist/browser/perception.worker.js), started by the default pool.
import { handlePerceptionWorker } from './perception';

handlePerceptionWorker();
