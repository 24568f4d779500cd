/** A sequence folder that breaks the ARCHITECTURE.md contract; the message names the file and the problem. */
export class SequenceFormatError extends Error {
  override name = 'SequenceFormatError';
  readonly userFacing = true;
}
