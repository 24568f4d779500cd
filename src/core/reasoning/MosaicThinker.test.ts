import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../mosaic/types';
import { AbortError } from '../abort';
import type { FramePerceiver, TextGenerator } from './interfaces';
import { MosaicThinker } from './MosaicThinker';
import { obj, testScene } from '../../../test/core/reasoning/testScene';

/** A perceiver over 100 frames where the tv is visible only in frames 40–60 (near where the couch was seen). */
function fakePerceiver(m: Mosaic, perceived: Set<number>): FramePerceiver & { calls: number[][] } {
  const calls: number[][] = [];
  return {
    calls,
    framesAvailable: () => Array.from({ length: 100 }, (_, i) => i),
    framesPerceived: () => [...perceived],
    async perceive(frames) {
      calls.push(frames);
      for (const f of frames) perceived.add(f);
      const first = frames.find((f) => f >= 40 && f <= 60);
      if (first !== undefined && !m.objects.some((o) => o.label === 'tv'))
        m.objects.push(obj('o2', 'tv', [0, -1, 1.2], [1.2, 0.08, 0.7], first));
    },
  };
}

const withoutTv = (): Mosaic => {
  const m = testScene();
  m.objects = m.objects.filter((o) => o.label !== 'tv');
  return m;
};

const DISTANCE_Q =
  'Measuring from the closest point of each object, what is the direct distance between the couch and the tv (in meters)?';

describe('MosaicThinker', () => {
  it('answers directly when a tool result is the answer', async () => {
    const r = await new MosaicThinker({ mosaic: testScene() }).ask('How many chair(s) are in this room?');
    expect(r.prediction).toBe(2);
    expect(r.trace.map((s) => s.step)).toEqual(['understand', 'coverage', 'tools', 'answer']);
    expect(r.trace.at(-1)).toMatchObject({ source: 'tool' });
  });

  it('perceives more frames around where related objects were seen, then answers', async () => {
    const m = withoutTv();
    const perceived = new Set([0, 10, 20, 30, 70, 80, 90]);
    const p = fakePerceiver(m, perceived);
    const r = await new MosaicThinker({ mosaic: m, perceiver: p, budget: { framesPerIteration: 4 } }).ask(
      DISTANCE_Q,
    );
    // couch: seen at frames 45–50, so the kernel picks frames there (not uniformly over 0–99).
    expect(p.calls[0].every((f) => f >= 38 && f <= 57)).toBe(true);
    const perceive = r.trace.find((s) => s.step === 'perceive');
    expect(perceive).toMatchObject({ reason: 'kernel', objectsBefore: 6, objectsAfter: 7 });
    // couch y ∈ [2.55, 3.45], tv y ∈ [−1.04, −0.96], x ranges overlap, heights overlap → 3.51 m.
    expect(r.prediction).toBe(3.51);
  });

  it('asks an open-vocabulary detector for names no detector class covers, as they were asked', async () => {
    const prompts: (readonly string[] | undefined)[] = [];
    const p: FramePerceiver = {
      framesAvailable: () => [1, 2, 3, 4, 5, 6, 7, 8, 9],
      perceive: async (_frames, _signal, names) => void prompts.push(names),
    };
    const r = await new MosaicThinker({
      mosaic: testScene(),
      perceiver: p,
      budget: { maxIterations: 1 },
    }).ask('how far is the piano from the fridge?');
    // The fridge has a closed-set class (refrigerator): only the piano is a prompt.
    expect(prompts[0]).toEqual(['piano']);
    expect(r.trace.find((s) => s.step === 'perceive')).toMatchObject({ prompts: ['piano'] });
  });

  it('stops at the iteration budget and reports the unseen object', async () => {
    const m = withoutTv();
    const p: FramePerceiver = {
      framesAvailable: () => [1, 2, 3, 4, 5, 6, 7, 8, 9],
      perceive: async () => undefined,
    };
    const r = await new MosaicThinker({
      mosaic: m,
      perceiver: p,
      budget: { maxIterations: 2, framesPerIteration: 2 },
    }).ask('how far is the tv from the sofa?');
    expect(r.trace.filter((s) => s.step === 'perceive')).toHaveLength(2);
    expect(r.answer).toBe("I haven't seen a tv here.");
  });

  it('asks the VLM with the compact prompt when the tools cannot answer, streaming tokens', async () => {
    const prompts: string[] = [];
    const gen: TextGenerator = {
      async generate(prompt, o) {
        prompts.push(prompt);
        for (const t of ['It is ', 'a cosy ', 'living room.']) o.onToken?.(t);
        return 'It is a cosy living room.';
      },
    };
    const tokens: string[] = [];
    const r = await new MosaicThinker({ mosaic: testScene(), generator: gen }).ask(
      'what colour is the couch?',
      {
        onToken: (t) => tokens.push(t),
      },
    );
    expect(r.prediction).toBe('It is a cosy living room.');
    expect(tokens.join('')).toBe('It is a cosy living room.');
    expect(prompts.at(-1)).toContain('Question: what colour is the couch?');
    expect(prompts.at(-1)).toContain('couch');
    expect(r.trace.find((s) => s.step === 'prompt')).toBeTruthy();
  });

  it('parses the VLM reply into an option letter for benchmark questions', async () => {
    const gen: TextGenerator = { generate: async () => 'B. right' };
    const r = await new MosaicThinker({ mosaic: withoutTv(), generator: gen }).ask({
      question:
        'If I am standing by the couch and facing the tv, is the chair to the left or the right of the tv?',
      options: ['A. left', 'B. right'],
    });
    expect(r.prediction).toBe('B');
    expect(r.trace.at(-1)).toMatchObject({ source: 'vlm' });
  });

  it('honours an AbortSignal, before and during perception', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(
      new MosaicThinker({ mosaic: testScene() }).ask('how many chairs?', { signal: ac.signal }),
    ).rejects.toThrow(AbortError);
    const ac2 = new AbortController();
    const p: FramePerceiver = {
      framesAvailable: () => [1, 2, 3],
      perceive: async () => ac2.abort(),
    };
    await expect(
      new MosaicThinker({ mosaic: withoutTv(), perceiver: p }).ask(DISTANCE_Q, { signal: ac2.signal }),
    ).rejects.toThrow(AbortError);
  });

  it('perceives frames before a first sight so that appearance order is not decided by the sparse map', async () => {
    // Every 8th frame fused: the couch (truly first visible at 75) and the tv (at 78) both appear at 80.
    const m = testScene();
    const truth: Record<string, number> = { couch: 75, tv: 78 };
    for (const o of m.objects) if (o.label in truth) o.firstSeenFrame = 80;
    const perceived = new Set(Array.from({ length: 13 }, (_, i) => i * 8));
    const p: FramePerceiver = {
      framesAvailable: () => Array.from({ length: 100 }, (_, i) => i),
      framesPerceived: () => [...perceived],
      async perceive(frames) {
        for (const f of frames) {
          perceived.add(f);
          for (const o of m.objects)
            if (o.label in truth && f >= truth[o.label] && f < o.firstSeenFrame) o.firstSeenFrame = f;
        }
      },
    };
    const r = await new MosaicThinker({ mosaic: m, perceiver: p }).ask({
      question:
        'What will be the first-time appearance order of the following categories in the video: tv, couch, chair?',
      options: ['A. chair, tv, couch', 'B. chair, couch, tv', 'C. tv, chair, couch', 'D. couch, chair, tv'],
    });
    expect(r.prediction).toBe('B');
    const steps = r.trace.filter((s) => s.step === 'perceive');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((s) => s.step === 'perceive' && s.reason === 'first-sight')).toBe(true);
    // Only frames inside the gaps before first sights: 73–79 (couch, tv) and 9 (the first chair, at 10).
    const asked = steps.flatMap((s) => (s.step === 'perceive' ? s.frames : []));
    expect(asked.every((f) => (f > 72 && f < 80) || f === 9)).toBe(true);
  });
});
