import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../geometry/types';
import { floorFrame } from '../mosaic/floorFrame';
import type { Mosaic } from '../mosaic/types';
import { generateQuestions } from '../questions/generateQuestions';
import { groundTruthMosaic } from '../questions/groundTruthMosaic';
import { layoutRoom } from '../synthetic/layoutRoom';
import type { SceneGroundTruth } from '../synthetic/groundTruth';
import { MosaicThinker } from './MosaicThinker';

/**
 * One room, three worlds: the answers must not depend on how the world's axes are laid (z up, y down like ICL,
 * or tilted and turned like a 7-Scenes first camera). Objects follow the mosaic file contract: `center` in world
 * coordinates, `size` = [along the yawed e1, along the yawed e2, height] of `floorFrame(up)`, `yaw` about `up`.
 */
type M3 = readonly [Vec3, Vec3, Vec3];
const mul = (r: M3, v: Vec3): [number, number, number] => [
  r[0][0] * v[0] + r[0][1] * v[1] + r[0][2] * v[2],
  r[1][0] * v[0] + r[1][1] * v[1] + r[1][2] * v[2],
  r[2][0] * v[0] + r[2][1] * v[1] + r[2][2] * v[2],
];
const matMul = (a: M3, b: M3): M3 => {
  const col = (j: number): Vec3 => mul(a, [b[0][j], b[1][j], b[2][j]]);
  const [c0, c1, c2] = [col(0), col(1), col(2)];
  return [
    [c0[0], c1[0], c2[0]],
    [c0[1], c1[1], c2[1]],
    [c0[2], c1[2], c2[2]],
  ];
};
const rotX = (a: number): M3 => [
  [1, 0, 0],
  [0, Math.cos(a), -Math.sin(a)],
  [0, Math.sin(a), Math.cos(a)],
];
const rotY = (a: number): M3 => [
  [Math.cos(a), 0, Math.sin(a)],
  [0, 1, 0],
  [-Math.sin(a), 0, Math.cos(a)],
];
const rotZ = (a: number): M3 => [
  [Math.cos(a), -Math.sin(a), 0],
  [Math.sin(a), Math.cos(a), 0],
  [0, 0, 1],
];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** The z-up ground truth re-expressed in the world x' = R·x + t. */
function reexpress(gt: SceneGroundTruth, r: M3, t: Vec3): SceneGroundTruth {
  const up = mul(r, gt.up);
  const f = floorFrame(up);
  const add = (v: Vec3): [number, number, number] => [v[0] + t[0], v[1] + t[1], v[2] + t[2]];
  return {
    ...gt,
    up,
    room: { ...gt.room, origin: add(mul(r, gt.room.origin)) },
    objects: gt.objects.map((o) => {
      // The box's first axis in the z-up world, turned into the new one; yaw is its angle from e1 towards e2.
      const a1 = mul(r, [Math.cos(o.yaw), Math.sin(o.yaw), 0]);
      return { ...o, center: add(mul(r, o.center)), yaw: Math.atan2(dot(a1, f.e2), dot(a1, f.e1)) };
    }),
  };
}

function groundTruth(seed: number): SceneGroundTruth {
  const layout = layoutRoom(seed);
  return {
    seed,
    up: [0, 0, 1],
    room: { width: layout.width, depth: layout.depth, height: layout.height, origin: [0, 0, 0] },
    objects: layout.objects.map((o, i) => ({
      id: o.id,
      label: o.label,
      center: o.center,
      size: o.size,
      yaw: o.yaw,
      firstSeenFrame: i * 5,
      support: o.support,
    })),
    frameCount: layout.objects.length * 5,
  };
}

const WORLDS: Record<string, { r: M3; t: Vec3 }> = {
  'z up': { r: rotZ(0), t: [0, 0, 0] },
  // ICL-like: OpenCV-style, y down, with ICL's slight tilt (up ≈ [0, −1, −0.03]).
  'y down': { r: matMul(rotX(0.03), rotX(Math.PI / 2)), t: [0.4, 1.2, -2] },
  // 7-Scenes-like: the first camera's frame, pitched about 30° and turned.
  'tilted and turned': { r: matMul(rotZ(0.9), matMul(rotX(-2.1), rotY(0.35))), t: [-1.3, 0.6, 2.2] },
};

interface Asked {
  readonly question: string;
  readonly options?: string[];
  readonly question_type?: import('../questions/types').QuestionType;
}

/** The VSI-Bench questions of the scene plus free-form heights, sides, distances and left/right. */
function questionsOf(gt: SceneGroundTruth): Asked[] {
  const vsi: Asked[] = generateQuestions(gt, { seed: gt.seed, perType: 3 }).map((q) => ({
    question: q.question,
    question_type: q.question_type,
    ...(q.options ? { options: q.options } : {}),
  }));
  const counts = new Map<string, number>();
  for (const o of gt.objects) counts.set(o.label, (counts.get(o.label) ?? 0) + 1);
  const single = [...counts].filter(([, n]) => n === 1).map(([l]) => l);
  const free: Asked[] = [];
  for (const a of single.slice(0, 4)) {
    free.push({ question: `how tall is the ${a}?` }, { question: `how long is the ${a}?` });
    free.push({ question: `how wide is the ${a}?` });
  }
  for (let i = 0; i + 2 < single.length && i < 4; i++) {
    const [a, b, c] = [single[i], single[i + 1], single[i + 2]];
    free.push({ question: `how far is the ${a} from the ${b}?` });
    free.push({ question: `if I stand by the ${a} facing the ${b}, is the ${c} on my left or my right?` });
  }
  return free.concat(vsi);
}

const same = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) <= 0.03 * Math.max(Math.abs(a), Math.abs(b)) + 1e-9
    : a === b;

async function answers(m: Mosaic, qs: Asked[]): Promise<unknown[]> {
  const thinker = new MosaicThinker({ mosaic: m });
  const out: unknown[] = [];
  for (const q of qs) {
    const r = await thinker.ask(q);
    out.push(r.value ?? r.prediction);
  }
  return out;
}

describe('answers do not depend on the world frame', () => {
  for (const seed of [3, 11]) {
    it(`scene ${seed}: every question type, z up vs y down vs tilted and turned`, async () => {
      const base = groundTruth(seed);
      const qs = questionsOf(base);
      expect(qs.length).toBeGreaterThan(30);
      const reference = await answers(groundTruthMosaic(base), qs);
      const differ: string[] = [];
      for (const [name, w] of Object.entries(WORLDS)) {
        const gt = reexpress(base, w.r, w.t);
        const got = await answers(groundTruthMosaic(gt), qs);
        got.forEach((a, i) => {
          if (!same(a, reference[i]))
            differ.push(`${name}: ${qs[i].question} → ${String(a)} vs ${String(reference[i])}`);
        });
        // Ground truth generated in the re-expressed world is the same too (the question generator measures alike).
        const truths = generateQuestions(gt, { seed, perType: 3 });
        const baseTruths = generateQuestions(base, { seed, perType: 3 });
        truths.forEach((q, i) => {
          if (q.question !== baseTruths[i]?.question) differ.push(`${name} generated: ${q.question}`);
          else if (!same(q.ground_truth, baseTruths[i].ground_truth))
            differ.push(
              `${name} ground truth: ${q.question} → ${q.ground_truth} vs ${baseTruths[i].ground_truth}`,
            );
        });
      }
      if (process.env.INVARIANCE_SUMMARY)
        console.log(
          `scene ${seed}: ${qs.length} questions × ${Object.keys(WORLDS).length - 1} worlds, ${differ.length} differ`,
        );
      expect(differ).toEqual([]);
    });
  }
});
