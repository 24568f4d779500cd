import { describe, expect, it } from 'vitest';
import { MosaicBuilder } from './MosaicBuilder';
import type { Mosaic } from '../mosaic/types';
import { keyframeInput, streamScene } from '../synthetic/generateScene';
import { testRoom, viewOf } from '../../../test/core/fusion/testScenes';

/** The mosaic of a generated clean scene's frames up to `lastFrame`. */
function fuseGenerated(seed: number, lastFrame: number): Mosaic {
  const scene = streamScene({ seed, noise: 'clean' });
  const b = new MosaicBuilder({ up: [0, 0, 1] });
  for (const f of scene.frames()) {
    if (f.index > lastFrame) break;
    b.addKeyframe(keyframeInput(scene, f));
  }
  return b.toMosaic();
}

describe('MosaicBuilder association of overlapping and neighbouring detections', () => {
  it('a box lifted onto the surface another detection of the frame updates starts no object', () => {
    // A plant seen alone, then with a smaller "plant" box over its upper middle in every frame (a plant
    // half-hidden behind it whose visible box holds mostly the front plant's leaves).
    const room = testRoom([{ label: 'potted plant', center: [3, 3, 0.5], size: [0.4, 0.4, 1] }]);
    const b = new MosaicBuilder();
    for (let f = 0; f < 8; f++) {
      const v = viewOf(room, f, [3 + 0.1 * (f - 4), 1, 1.2], [3, 3, 0.5]);
      const [x0, y0, x1, y1] = v.detections[0].box;
      const w = x1 - x0,
        h = y1 - y0;
      const inner = {
        label: 'potted plant',
        score: 0.8,
        box: [x0 + 0.3 * w, y0, x1 - 0.3 * w, y0 + 0.5 * h] as const,
      };
      b.addKeyframe({
        ...v,
        detections:
          f < 3
            ? [v.detections[0]]
            : [v.detections[0], { ...inner, box: [...inner.box] as [number, number, number, number] }],
      });
    }
    expect(b.toMosaic().objects.map((o) => o.label)).toEqual(['potted plant']);
  });

  it('folds a one-view strip of wall beside a fridge into the fridge (generated scene 2)', () => {
    // Frame 46 boxes only the fridge's edge at the image border; its lift is the wall strip beside it.
    const fridges = fuseGenerated(2, 70).objects.filter((o) => o.label === 'refrigerator');
    expect(fridges).toHaveLength(1);
    expect(fridges[0].observations).toBeGreaterThan(20);
  });

  it('merges two instances marked apart by one wrong association once they fill the same box (generated scene 47)', () => {
    // In frames 1–3 the second laptop's box is lifted onto the first laptop (a wrong component), so the
    // first laptop's own detection starts another instance, marked seen apart; both then fill one box.
    expect(fuseGenerated(47, 30).objects.filter((o) => o.label === 'laptop')).toHaveLength(2);
  });

  it('keeps a cup seen only half-cut at the image border, whose top a table took in (generated scene 3)', () => {
    // Frames 50 and 51 show the cup as a 6–7 px strip at the left border; the table, lifted in earlier
    // frames, holds its points. Cups o23 and o24 are seen from frames 43 and 49.
    expect(fuseGenerated(3, 60).objects.filter((o) => o.label === 'cup')).toHaveLength(3);
  });
});
