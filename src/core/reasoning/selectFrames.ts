/**
 * Which frames to perceive next. Around frames where related objects were seen, a Gaussian temporal kernel
 * scores the unperceived frames (objects seen together in time tend to be near in space, and a weakly seen
 * object is best confirmed next to where it was seen); with no such seeds, the middles of the largest
 * unperceived gaps. Picks are spread out by suppressing neighbours of each pick.
 */
export interface FrameSelection {
  readonly frames: number[];
  readonly reason: 'kernel' | 'gaps';
}

export function selectFrames(
  available: readonly number[],
  perceived: ReadonlySet<number>,
  seeds: readonly number[],
  count: number,
  sigma = 6,
): FrameSelection {
  const candidates = available.filter((f) => !perceived.has(f));
  if (candidates.length === 0 || count <= 0) return { frames: [], reason: seeds.length ? 'kernel' : 'gaps' };
  const minSpacing = Math.max(1, Math.round(sigma / 2));
  if (seeds.length > 0) {
    const score = (f: number): number =>
      seeds.reduce((s, x) => s + Math.exp(-((f - x) ** 2) / (2 * sigma * sigma)), 0);
    const ranked = candidates.map((f) => ({ f, s: score(f) })).sort((a, b) => b.s - a.s || a.f - b.f);
    const picked: number[] = [];
    for (const r of ranked) {
      if (picked.length >= count || r.s < 1e-6) break;
      if (picked.every((p) => Math.abs(p - r.f) >= minSpacing)) picked.push(r.f);
    }
    if (picked.length > 0) return { frames: picked.sort((a, b) => a - b), reason: 'kernel' };
  }
  // Gap filling: repeatedly take the candidate farthest from anything perceived or picked.
  const taken = [...perceived];
  const picked: number[] = [];
  while (picked.length < count) {
    let best = -1;
    let bestD = -1;
    for (const f of candidates) {
      if (picked.includes(f)) continue;
      const d = taken.length ? Math.min(...taken.map((t) => Math.abs(t - f))) : Infinity;
      if (d > bestD) {
        bestD = d;
        best = f;
      }
    }
    if (best < 0) break;
    picked.push(best);
    taken.push(best);
  }
  return { frames: picked.sort((a, b) => a - b), reason: 'gaps' };
}
