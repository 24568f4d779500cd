import { describe, expect, it } from 'vitest';
import {
  folderSource,
  fuseWithDetections,
  hasSevenScenes,
  registeredSource,
  SEVEN_SCENES_DIR,
  sevenScenesUp,
} from '../../../scripts/bench/sevenScenes';
import { floorFrame } from '../mosaic/floorFrame';
import type { Detection } from '../perception/types';
import type { FileSource } from '../sequence/fileSource';
import { openSequence } from '../sequence/openSequence';
import { liftDetection } from './liftDetection';

/**
 * Small-object lifts on the real Kinect sequence (../shared/data/7scenes-redkitchen, read in place; skipped
 * when absent). The boxes are YOLOX-Nano's on these frames. Colour and depth are unregistered there: a
 * mug's box holds mostly the table behind it.
 */
const box = (label: string, b: [number, number, number, number], score = 0.7): Detection => ({
  label,
  score,
  box: b,
});

async function liftExtent(
  source: FileSource,
  frame: number,
  det: Detection,
): Promise<[number, number, number] | undefined> {
  const seq = await openSequence(source);
  const f = await seq.readFrame(frame);
  const l = liftDetection(det, f.depth!, seq.intrinsics, seq.poses![frame], floorFrame(sevenScenesUp()));
  if (!l) return undefined;
  const ext = [0, 1, 2].map((ax) => {
    let lo = Infinity,
      hi = -Infinity;
    for (let i = ax; i < l.points.length; i += 3)
      [lo, hi] = [Math.min(lo, l.points[i]), Math.max(hi, l.points[i])];
    return hi - lo;
  });
  return [Math.max(ext[0], ext[1]), Math.min(ext[0], ext[1]), ext[2]];
}

describe.skipIf(!hasSevenScenes())(`lifts on real Kinect frames (${SEVEN_SCENES_DIR})`, () => {
  it('lifts a mug against the table as a mug, not the table behind it (raw depth, frame 0)', async () => {
    // Before: 20 × 31 cm, the table top around the mug.
    const e = await liftExtent(folderSource(SEVEN_SCENES_DIR), 0, box('cup', [366, 164, 402, 202]));
    expect(e).toBeDefined();
    expect(e![0]).toBeLessThan(0.15);
    expect(e![2]).toBeGreaterThan(0.05);
    expect(e![2]).toBeLessThan(0.14);
  });

  it('gives no lift for a mug the sensor saw no depth of, rather than the table under it (frame 80)', async () => {
    // Before: a 16 × 15 × 1 cm "cup", the table top.
    expect(
      await liftExtent(folderSource(SEVEN_SCENES_DIR), 80, box('cup', [172, 392, 260, 480])),
    ).toBeUndefined();
  });

  it('lifts the mug at the image edge once depth is registered to colour (frame 27)', async () => {
    // Raw depth sits ~45 px right of the colour there (525 vs 585 px focal lengths): the box holds only table.
    const det = box('cup', [569, 343, 616, 395]);
    expect(await liftExtent(folderSource(SEVEN_SCENES_DIR), 27, det)).toBeUndefined();
    const e = await liftExtent(registeredSource(), 27, det);
    expect(e).toBeDefined();
    expect(e![0]).toBeLessThan(0.15);
    expect(e![2]).toBeGreaterThan(0.05);
  });

  it('lifts two magazines on the table from what rises above it, not the table top in the box (frame 96)', async () => {
    // YOLOX's box around the two overlapping magazines; registered depth. Before: 34 × 39 × 3 cm, the
    // table top at the box's edges (the magazines rise 1–2 cm, less than the support layer's band).
    const e = await liftExtent(registeredSource(), 96, box('book', [283, 313, 421, 411], 0.5));
    expect(e).toBeDefined();
    expect(e![0]).toBeLessThan(0.32);
    expect(e![1]).toBeLessThan(0.27);
    expect(e![2]).toBeLessThan(0.04);
  });

  it('shows no chair it saw only as a strip at the image edge (raw depth, frames 52–54)', async () => {
    // The chair at the table's end, cut by the right image border in each view; before: a 26 × 8 × 37 cm chair.
    const frames: [number, Detection[]][] = [
      [52, [box('dining table', [8, 232, 640, 479], 0.75), box('chair', [559, 215, 640, 301], 0.72)]],
      [53, [box('dining table', [3, 237, 640, 477], 0.82), box('chair', [590, 210, 640, 291], 0.47)]],
      [54, [box('dining table', [6, 249, 640, 476], 0.85), box('chair', [588, 226, 640, 305], 0.67)]],
    ];
    const objects = (await fuseWithDetections(folderSource(SEVEN_SCENES_DIR), frames)).objects;
    expect(objects.filter((o) => o.label === 'chair')).toEqual([]);
    // The table, cut by the border too, spans much of a table: it is shown.
    expect(objects.filter((o) => o.label === 'dining table')).toHaveLength(1);
  });

  it('fuses the first frames into a full-height chair behind the table and a mug-sized cup', async () => {
    const dets: Detection[][] = [
      [
        box('dining table', [204, 152, 637, 480]),
        box('chair', [420, 143, 549, 211]),
        box('cup', [366, 164, 402, 202]),
        box('chair', [173, 121, 307, 364]),
      ],
      [
        box('dining table', [205, 153, 637, 480]),
        box('chair', [425, 146, 556, 214]),
        box('cup', [371, 166, 406, 203]),
        box('chair', [180, 124, 313, 355]),
      ],
      [
        box('dining table', [225, 161, 640, 480]),
        box('chair', [436, 154, 569, 224]),
        box('cup', [381, 173, 418, 212]),
        box('chair', [187, 132, 321, 365]),
      ],
      [
        box('dining table', [241, 157, 638, 480]),
        box('cup', [399, 166, 435, 206]),
        box('chair', [451, 148, 587, 220]),
        box('chair', [204, 122, 338, 357]),
      ],
      [
        box('dining table', [254, 148, 638, 480]),
        box('chair', [466, 136, 606, 211]),
        box('chair', [213, 109, 350, 357]),
        box('cup', [411, 154, 453, 195]),
      ],
      [
        box('dining table', [278, 157, 637, 480]),
        box('chair', [486, 151, 632, 229]),
        box('cup', [433, 169, 475, 212]),
        box('chair', [224, 118, 366, 381]),
      ],
    ];
    const objects = (await fuseWithDetections(folderSource(SEVEN_SCENES_DIR), dets.entries())).objects;
    const chairs = objects.filter((o) => o.label === 'chair');
    expect(chairs).toHaveLength(2);
    // The far chair shows only its back above the table top; it stands on the floor (before: 26 cm tall).
    for (const c of chairs) expect(c.size[2]).toBeGreaterThan(0.7);
    const cup = objects.find((o) => o.label === 'cup');
    expect(cup).toBeDefined();
    // Per frame 10–11 cm; fused over 5 cm voxels 16 cm (before: 36 × 27 cm, the table around it).
    expect(Math.max(cup!.size[0], cup!.size[1])).toBeLessThan(0.2);
    const table = objects.find((o) => o.label === 'dining table');
    expect(table?.size[2]).toBeGreaterThan(0.6);
  });
});
