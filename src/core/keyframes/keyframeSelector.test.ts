import { describe, expect, it } from 'vitest';
import { KeyframeSelector, poseDistance } from './keyframeSelector';

const W = 160;
const H = 120;

/** A deterministic pattern of square grey blocks (an LCG per seed): textured, sharp, never periodic. */
function blocks(seed: number, shiftX = 0, size = 8): Uint8Array {
  let s = seed >>> 0;
  const cols = W / size + 4;
  const values: number[] = [];
  for (let i = 0; i < cols * Math.ceil(H / size); i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    values.push(s >>> 24);
  }
  const out = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const v = values[Math.floor(y / size) * cols + Math.floor((x + shiftX) / size)];
      out.set([v, v, v], (y * W + x) * 3);
    }
  return out;
}

/** Horizontal box blur of radius r: what a fast pan does to a frame. */
function blurred(src: Uint8Array, r: number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let s = 0;
      let n = 0;
      for (let d = -r; d <= r; d++) {
        const xx = Math.min(W - 1, Math.max(0, x + d));
        s += src[(y * W + xx) * 3];
        n++;
      }
      const v = Math.round(s / n);
      out.set([v, v, v], (y * W + x) * 3);
    }
  return out;
}

const frame = (data: Uint8Array) => ({ width: W, height: H, data });
const translate = (x: number) => [1, 0, 0, x, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

describe('KeyframeSelector', () => {
  it('keeps the first frame, then drops frames too soon, unchanged, and keeps a new view', () => {
    const sel = new KeyframeSelector({ minIntervalMs: 300, maxIntervalMs: 4000 });
    const a = blocks(1);
    expect(sel.offer({ timeMs: 0, image: frame(a) })).toMatchObject({ keep: true, reason: 'first' });
    expect(sel.offer({ timeMs: 100, image: frame(blocks(2)) })).toMatchObject({
      keep: false,
      reason: 'too-soon',
    });
    expect(sel.offer({ timeMs: 500, image: frame(a) })).toMatchObject({
      keep: false,
      reason: 'redundant',
      change: 0,
    });
    const d = sel.offer({ timeMs: 900, image: frame(blocks(2)) });
    expect(d).toMatchObject({ keep: true, reason: 'novel' });
    expect(d.change).toBeGreaterThan(10);
    expect(sel.stats).toEqual({ seen: 4, kept: 2 });
  });

  it('novelty is against every remembered keyframe: returning to an earlier view is not new', () => {
    const sel = new KeyframeSelector();
    sel.offer({ timeMs: 0, image: frame(blocks(1)) });
    sel.offer({ timeMs: 1000, image: frame(blocks(2)) });
    expect(sel.offer({ timeMs: 2000, image: frame(blocks(1)) })).toMatchObject({
      keep: false,
      reason: 'redundant',
    });
  });

  it('refreshes a still view after maxIntervalMs', () => {
    const sel = new KeyframeSelector({ maxIntervalMs: 4000 });
    const a = blocks(3);
    sel.offer({ timeMs: 0, image: frame(a) });
    expect(sel.offer({ timeMs: 3999, image: frame(a) }).keep).toBe(false);
    expect(sel.offer({ timeMs: 4000, image: frame(a) })).toMatchObject({ keep: true, reason: 'refresh' });
  });

  it('drops a motion-blurred frame even when it differs, once it knows how sharp frames usually are', () => {
    const sel = new KeyframeSelector();
    const sharp = blocks(4);
    for (let i = 0; i < 7; i++) sel.offer({ timeMs: i * 50, image: frame(sharp) });
    const blur = sel.offer({ timeMs: 2000, image: frame(blurred(blocks(5), 6)) });
    expect(blur).toMatchObject({ keep: false, reason: 'blurry' });
    // The same new view, sharp, is kept.
    expect(sel.offer({ timeMs: 2100, image: frame(blocks(5)) })).toMatchObject({
      keep: true,
      reason: 'novel',
    });
  });

  it('with poses, camera motion makes a keyframe even when the image barely changes', () => {
    const sel = new KeyframeSelector({ minTranslation: 0.15 });
    const a = blocks(6);
    sel.offer({ timeMs: 0, image: frame(a), pose: translate(0) });
    expect(sel.offer({ timeMs: 1000, image: frame(a), pose: translate(0.1) })).toMatchObject({
      keep: false,
      reason: 'redundant',
      motion: { translation: 0.1, rotation: 0 },
    });
    expect(sel.offer({ timeMs: 2000, image: frame(a), pose: translate(0.2) })).toMatchObject({
      keep: true,
      reason: 'motion',
    });
  });

  it('a 1-pixel pan over 16-pixel texture is not new, a 24-pixel pan is', () => {
    const sel = new KeyframeSelector();
    sel.offer({ timeMs: 0, image: frame(blocks(7, 0, 16)) });
    expect(sel.offer({ timeMs: 1000, image: frame(blocks(7, 1, 16)) }).keep).toBe(false);
    expect(sel.offer({ timeMs: 2000, image: frame(blocks(7, 24, 16)) }).keep).toBe(true);
  });

  it('reset forgets the keyframes', () => {
    const sel = new KeyframeSelector();
    sel.offer({ timeMs: 0, image: frame(blocks(8)) });
    sel.reset();
    expect(sel.offer({ timeMs: 10, image: frame(blocks(8)) })).toMatchObject({ keep: true, reason: 'first' });
  });
});

describe('poseDistance', () => {
  it('measures translation and rotation angle between rigid poses', () => {
    // 90° about z, translated by (3, 4, 0).
    const rz = [0, -1, 0, 3, 1, 0, 0, 4, 0, 0, 1, 0, 0, 0, 0, 1];
    const d = poseDistance(translate(0), rz);
    expect(d.translation).toBeCloseTo(5, 9);
    expect(d.rotation).toBeCloseTo(Math.PI / 2, 9);
    expect(poseDistance(rz, rz).rotation).toBeCloseTo(0, 6);
  });
});
