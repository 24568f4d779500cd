/**
 * "How do I get from the sofa to the fridge?", "directions from the bed to the door", "how can I walk to the
 * tv from the table" → {from, to}; undefined when the question is not a request for a route between two things.
 */
export function parseRouteRequest(question: string): { from: string; to: string } | undefined {
  const q = question
    .toLowerCase()
    .replace(/[?!.]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const lead =
    /^(?:(?:please\s+)?(?:tell me |show me |give me )?(?:how (?:do|can|would|should) (?:i|you|we|one) (?:get|go|walk|move|navigate|reach|travel|make (?:my|our) way)|how to (?:get|go|walk|navigate|reach)|(?:what(?:'s| is) the |a )?(?:route|way|path|directions?)|navigate|guide me|take me|walk me))\s+/;
  const m = lead.exec(q);
  if (!m) return undefined;
  const rest = q.slice(m[0].length);
  const a =
    /^from (?:the |a |my )?(.+?) (?:to|towards?|over to|into) (?:the |a |my )?(.+?)(?:,? please)?$/.exec(
      rest,
    );
  if (a) return { from: a[1], to: a[2] };
  const b = /^(?:to|towards?|over to) (?:the |a |my )?(.+?) from (?:the |a |my )?(.+)$/.exec(rest);
  if (b) return { from: b[2], to: b[1] };
  return undefined;
}
