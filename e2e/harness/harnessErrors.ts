import { registerTransferableError } from '../../src/runtime/errorTransfer';

/** Raised on purpose by `selfTest('throw')`, to prove a named error survives the worker boundary. */
export class SelfTestError extends Error {
  override name = 'SelfTestError';
}

// Both sides of the boundary import this module (the harness page and its workers), so the class is rebuilt.
registerTransferableError('SelfTestError', SelfTestError);
