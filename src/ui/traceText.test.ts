import { describe, expect, it } from 'vitest';
import type { TraceStep } from '../core/reasoning/trace';
import { describeStep, factsWords, kindWords, modelWords } from './traceText';

const steps: TraceStep[] = [
  { step: 'scene', name: 'Kitchen', objects: 3, keyframes: 1, ms: 4 },
  {
    step: 'model',
    detail:
      'VLM: none (/models/HuggingFaceTB/SmolVLM2-256M-Video-Instruct/ is not there and downloads are off (run npm run models, or allow downloads)); exact tools and the fallback answer',
  },
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
    const [scene, model, understand, coverage, perceive, tools, prompt, generate, answer] =
      steps.map(describeStep);
    // No model: what that means for the answer and how to add one; the raw report only under the fold.
    expect(model.detail).toBe(
      "No language model is installed, so the answer comes from the map's exact measurements. To add one, turn on " +
        '"Allow downloads from the Hugging Face Hub" in Settings (or install the models with npm run models).',
    );
    expect(model.detail).not.toMatch(/VLM|\/models\//);
    expect(model.lines).toEqual([steps[1].step === 'model' ? steps[1].detail : '']);
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

  it('says which model ran, or why none could', () => {
    expect(modelWords('VLM: SmolVLM2-256M-Video-Instruct (webgpu fp16)')).toBe(
      'The language model SmolVLM2-256M-Video-Instruct ran on the graphics card.',
    );
    expect(
      modelWords(
        'VLM: none (VLM failed to load (ModelLoadError: decoder.onnx: 404)); answering again without it',
      ),
    ).toBe(
      "The language model could not be loaded, so the question was answered again from the map's exact measurements.",
    );
    expect(modelWords('VLM: none (no reasoner host); exact tools and the fallback answer')).toBe(
      "No language model is available, so the answer comes from the map's exact measurements.",
    );
    expect(modelWords('Loading the model')).toBe('Loading the model');
  });

  it('puts computed facts into words, the exact figures left to the fold', () => {
    expect(factsWords(['count(bottle) = 2'])).toBe('Counted 2 bottles.');
    expect(factsWords(['count(piano) = 0'])).toBe('No piano in the map.');
    expect(
      factsWords([
        'count(chair) = 8',
        'count(cup) = 4',
        'count(bed) = 1',
        'count(tv) = 1',
        'count(sink) = 1',
      ]),
    ).toBe('Counted 8 chairs, 4 cups, 1 bed and 1 tv. (1 more figure below.)');
    expect(factsWords(['distance(bed, couch o4) = 0.42 m', 'distance(you, tv obj-3) = 2.10 m'])).toBe(
      'The bed and the couch are 0.42 m apart. The tv is 2.10 m from you.',
    );
    expect(factsWords(['angle(sink | at bed facing refrigerator) = -86° (+ = left)'])).toBe(
      'Standing at the bed facing the refrigerator, the sink is 86° to the right.',
    );
    expect(factsWords(['room_area = 95.7 m² (extent)'])).toBe('The room covers about 95.7 m².');
    // A fact of a shape not known is not guessed at: it stays in the details only.
    expect(factsWords(['route bed → sink: 1.2 m between them'])).toBe('');
  });

  it('spells task names out', () => {
    expect(kindWords('object_abs_distance')).toBe('object absolute distance');
    expect(kindWords('obj_appear_order')).toBe('object appearance order');
  });
});
