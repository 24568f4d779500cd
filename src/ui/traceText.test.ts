import { describe, expect, it } from 'vitest';
import type { TraceStep } from '../core/reasoning/trace';
import { describeStep, kindWords } from './traceText';

const steps: TraceStep[] = [
  { step: 'scene', name: 'Kitchen', objects: 3, keyframes: 1, ms: 4 },
  { step: 'model', detail: 'VLM: none; exact tools and the fallback answer' },
  {
    step: 'understand',
    question: 'how tall is the fridge in feet?',
    parsed: {
      task: { kind: 'object_measure', label: 'refrigerator', measure: 'height' },
      via: 'pattern',
      unit: 'ft',
    },
    ms: 2,
  },
  { step: 'coverage', iteration: 1, missing: ['piano'], weak: [], ms: 0 },
  {
    step: 'perceive',
    iteration: 2,
    frames: [12, 40],
    reason: 'gaps',
    objectsBefore: 1,
    objectsAfter: 3,
    ms: 90,
  },
  { step: 'tools', status: 'answered', facts: ['height(refrigerator) = 1.85 m'], ms: 1 },
  { step: 'prompt', text: 'Objects:\nfridge', tokens: 120, images: 1, ms: 1 },
  { step: 'generate', output: ' 6 ft ', ms: 300 },
  { step: 'answer', prediction: 6.06, answer: 'The fridge is 6.06 ft tall.', source: 'tool' },
];

describe('describeStep', () => {
  it('says each step once, in words: no "[kind]" tag, no raw JSON', () => {
    for (const s of steps) {
      const { title, detail, lines } = describeStep(s);
      expect(title).not.toMatch(/[[\]{}]/);
      expect(detail).not.toMatch(/\[\w+( #\d+)?\]|[{}]/);
      expect(detail).not.toContain(title);
      expect(lines?.join('\n') ?? '').not.toMatch(/^\[\w+/);
    }
  });

  it('reads like a sentence a person follows', () => {
    const [scene, , understand, coverage, perceive, tools, prompt, generate, answer] =
      steps.map(describeStep);
    expect(scene).toEqual({
      title: 'Opened the scene',
      detail: '"Kitchen" read from storage: 3 objects, 1 keyframe.',
    });
    expect(understand.detail).toBe(
      'Object measure question about refrigerator, answered in ft (recognised from its wording).',
    );
    expect(coverage.detail).toBe('Not in the map: piano.');
    expect(perceive).toEqual({
      title: 'Looked at more frames (round 2)',
      detail: 'Frames 12, 40, from stretches of the recording not looked at yet: 1 object before, 3 after.',
    });
    expect(tools.lines).toEqual(['height(refrigerator) = 1.85 m']);
    expect(prompt.lines).toEqual(['Objects:', 'fridge']);
    expect(generate.detail).toBe('"6 ft"');
    expect(answer.detail).toBe('Computed from the 3D map.');
  });

  it('spells task names out', () => {
    expect(kindWords('object_abs_distance')).toBe('object absolute distance');
    expect(kindWords('obj_appear_order')).toBe('object appearance order');
  });
});
