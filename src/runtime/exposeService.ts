import { expose } from 'comlink';
import { installErrorTransfer } from './errorTransfer';

/** What a worker file calls: errors keep their name on the way out, then the service is exposed. */
export function exposeService(service: object): void {
  installErrorTransfer();
  expose(service);
}
