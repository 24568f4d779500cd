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

/**
 * A sequence file's JSON object, or a SequenceFormatError naming the file; `fail` throws one for a problem
 * found later. `expected` says what the object should hold.
 */
export function parseJsonObject(
  text: string,
  file: string,
  expected: string,
): { o: Record<string, unknown>; fail: (problem: string) => never } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SequenceFormatError(`${file}: not valid JSON (${oneLine((e as Error).message)})`);
  }
  const fail = (problem: string): never => {
    throw new SequenceFormatError(`${file}: ${problem}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    fail(`expected an object with ${expected}`);
  return { o: json as Record<string, unknown>, fail };
}
