/**
 * An error as a person reads it. The app's own errors are written to say what happened and what to do, so
 * their message is shown as it is, without the class name ("UnsupportedSequenceError: …"). A JavaScript
 * engine error (TypeError …) is a bug, not something the user did: it says so and what to try.
 */
const ENGINE_ERRORS = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'InternalError', 'EvalError']);

export function userMessage(e: unknown): string {
  const { name, message } =
    typeof e === 'object' && e !== null
      ? (e as { name?: unknown; message?: unknown })
      : { name: undefined, message: String(e) };
  // A message that itself starts with a class name (errors re-wrapped across a worker boundary).
  const text = String(message ?? '')
    .replace(/^([A-Z][A-Za-z]*(Error|Exception): )+/, '')
    .trim();
  if (typeof name === 'string' && ENGINE_ERRORS.has(name))
    return `Something went wrong inside the app (${text || name}). Reload the page and try again.`;
  return text || 'Something went wrong. Reload the page and try again.';
}
