/** A sequence folder that breaks the ARCHITECTURE.md contract; the message names the file and the problem. */
export class SequenceFormatError extends Error {
  override name = 'SequenceFormatError';
  readonly userFacing = true;
}

/** A parser's message (V8's JSON errors quote the input, newlines and all) made fit for a one-line error. */
export function oneLine(text: string, max = 120): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
