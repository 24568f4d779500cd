/** A label's screen rectangle and how much it matters (higher wins a collision). */
export interface LabelRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly priority: number;
}

/**
 * Which labels to show so that none overlap: greedy by priority (selected, highlighted, then confident
 * objects first), each kept only if it does not touch one already kept. Returns a keep flag per input index.
 * O(n²) on purpose: scenes hold tens of objects, and this runs once per drawn frame, not per animation tick.
 */
export function declutter(rects: readonly LabelRect[], gap = 2): boolean[] {
  const order = rects.map((_, i) => i).sort((a, b) => rects[b].priority - rects[a].priority || a - b);
  const keep = new Array<boolean>(rects.length).fill(false);
  const kept: LabelRect[] = [];
  for (const i of order) {
    const r = rects[i];
    if (r.w === 0 && r.h === 0) continue; // not laid out (behind the camera)
    const hit = kept.some(
      (k) => r.x < k.x + k.w + gap && k.x < r.x + r.w + gap && r.y < k.y + k.h + gap && k.y < r.y + r.h + gap,
    );
    if (!hit) {
      keep[i] = true;
      kept.push(r);
    }
  }
  return keep;
}
