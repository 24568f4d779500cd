/**
 * Fusion accuracy on generated scenes, optionally with a simulated colour–depth offset (a Kinect-like depth
 * camera beside the colour one) and with that depth registered to colour, as realObjects.ts checks on real data.
 *   N=8 NOISES=clean,realistic npx tsx scripts/bench/colourDepthOffset.ts
 *   OPTS='{"depthCamera":{"offset":[0.025,0,0],"focalScale":1.11}}' NOISES=realistic [REGISTER=1] npx tsx scripts/bench/colourDepthOffset.ts
 * Prints one line per noise level: precision, recall, exact-count scenes, centroid error, and the worst side's
 * relative size error of each ground-truth object matched by label within 0.5 m.
 */
import { evaluateMosaic } from './evaluateMosaic';
import { MosaicBuilder } from '../../src/core/fusion/MosaicBuilder';
import { generateScene } from '../../src/core/synthetic/generateScene';
import { everyNth, SequenceFuser, type FrameSequence } from '../../src/core/pipeline';
import { syntheticSequence } from './syntheticSequence';
import { registerDepth } from '../../src/core/sequence/depthToColor';
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const n = Number(process.env.N ?? 8);
const extra = process.env.OPTS ? JSON.parse(process.env.OPTS) : {};
const noises = (process.env.NOISES ?? 'clean,realistic').split(',') as ('clean' | 'realistic')[];
for (const noise of noises) {
  let gt = 0,
    mo = 0,
    ma = 0,
    ex = 0,
    le = 0,
    lt = 0;
  const errs: number[] = [];
  const per: string[] = [];
  const sizeErr: number[] = [];
  for (let seed = 1; seed <= n; seed++) {
    const scene = generateScene({ seed, noise, ...extra });
    const b = new MosaicBuilder({ up: scene.groundTruth.up });
    const seq = syntheticSequence(scene);
    const dc = scene.depthCamera;
    const registered: FrameSequence =
      process.env.REGISTER && dc
        ? {
            ...seq,
            readFrame: async (i) => {
              const f = await seq.readFrame(i);
              const k = { transform: dc.depthToColor, depthIntrinsics: dc.intrinsics };
              return { ...f, depth: registerDepth(f.depth!, k, scene.intrinsics) };
            },
          }
        : seq;
    await new SequenceFuser(registered, b, { time: seq.time }).fuse(everyNth(seq.frameCount, 1), {
      strict: true,
    });
    const m = b.toMosaic();
    const s = evaluateMosaic(m, scene.groundTruth);
    gt += s.gtCount;
    mo += s.mosaicCount;
    ma += s.matched;
    if (s.gtCount === s.mosaicCount) ex++;
    le += s.labelCountsExact;
    lt += s.labelCountsTotal;
    errs.push(...s.centroidErrors);
    per.push(`${s.gtCount}/${s.mosaicCount}/${s.matched}`);
    for (const t of scene.groundTruth.objects) {
      let best: (typeof m.objects)[number] | undefined,
        bd = 0.5;
      for (const o of m.objects) {
        if (o.label !== t.label) continue;
        const d = Math.hypot(o.center[0] - t.center[0], o.center[1] - t.center[1], o.center[2] - t.center[2]);
        if (d < bd) {
          bd = d;
          best = o;
        }
      }
      if (!best) continue;
      const sd = (x: readonly number[]) => [Math.max(x[0], x[1]), Math.min(x[0], x[1]), x[2]];
      const a = sd(best.size),
        g = sd(t.size);
      sizeErr.push(Math.max(...[0, 1, 2].map((i) => Math.abs(a[i] - g[i]) / g[i])));
    }
  }
  console.log(
    `${noise}${process.env.REGISTER ? ' registered' : ''}: P ${(ma / mo).toFixed(3)} R ${(ma / gt).toFixed(3)} exact ${ex}/${n} labelCount ${(le / lt).toFixed(3)} centroid med ${(q(errs, 0.5) * 100).toFixed(2)} p90 ${(q(errs, 0.9) * 100).toFixed(2)} cm; worst-side size error med ${(q(sizeErr, 0.5) * 100).toFixed(0)}% p90 ${(q(sizeErr, 0.9) * 100).toFixed(0)}%  [${per.join(' ')}]`,
  );
}
