import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../../core/mosaic/types';
import type { ModelProgress } from '../../engines/models/progress';
import type { VisionLanguageModel } from '../../engines/vlm/types';
import { AbortError } from '../errors';
import type { ReasonerEvent } from '../ReasonerApi';
import { ReasonerService } from '../ReasonerService';
import type { VlmFactory } from './vlmConfig';

const probe = async () => ({
  caps: { webgpu: false, shaderF16: false, fallbackAdapter: false, wasmThreads: false, node: false },
  adapter: null,
  crossOriginIsolated: false,
  hardwareConcurrency: 2,
  context: 'worker' as const,
});

const chair = (id: string, x: number) => ({
  id,
  label: 'chair',
  center: [x, 2, 0.45] as [number, number, number],
  size: [0.6, 0.6, 0.9] as [number, number, number],
  yaw: 0,
  confidence: 0.9,
  firstSeenFrame: 0,
  observations: 3,
});
const MOSAIC = {
  schemaVersion: 1,
  up: [0, 0, 1],
  objects: [chair('a', 0), chair('b', 1.5)],
  trajectory: [],
} as unknown as Mosaic;

/** A VLM that streams "one two three …" word by word, honouring the abort signal between words. */
function fakeVlm(opts: { present?: boolean; failLoad?: boolean } = {}) {
  const calls = { available: 0, load: 0, generate: 0 };
  const factory: VlmFactory = {
    available: async () => {
      calls.available++;
      return opts.present === false ? '/models/x/ is not there' : null;
    },
    load: async (_config, onProgress) => {
      calls.load++;
      const ev = { model: 'vlm', file: 'onnx/decoder.onnx', loaded: 0, total: 10, source: 'local' as const };
      onProgress({ ...ev, status: 'initiate', progress: 0 });
      if (opts.failLoad) throw Object.assign(new Error('decoder.onnx: 404'), { name: 'ModelLoadError' });
      onProgress({ ...ev, status: 'done', loaded: 10, progress: 100 });
      const model: VisionLanguageModel = {
        modelId: 'test/Fake-VLM',
        backend: { device: 'wasm', dtype: 'q4', reason: 'test' },
        load: async () => undefined,
        async generate(g) {
          calls.generate++;
          let text = '';
          for (const w of ['one ', 'two ', 'three ', 'four']) {
            if (g.signal?.aborted) break;
            g.onToken?.(w);
            text += w;
            await new Promise((r) => setTimeout(r, 1));
          }
          return { text, tokens: 4, promptTokens: 0, imageTokens: 0, ms: 0, finishReason: 'eos' };
        },
        countTokens: (t: string) => t.split(/\s+/).length,
        interrupt: () => undefined,
        dispose: async () => undefined,
      };
      return model;
    },
  };
  return { factory, calls };
}

async function ask(service: ReasonerService, question: string) {
  const events: ReasonerEvent[] = [];
  const answer = await service.ask({ mosaic: MOSAIC, question }, (e) => void events.push(e));
  return { answer, events };
}

describe('ReasonerService with a VLM factory', () => {
  it('a tool answer never loads the VLM', async () => {
    const { factory, calls } = fakeVlm();
    const service = new ReasonerService({ probe, vlm: factory });
    const { answer } = await ask(service, 'How many chair(s) are in this room?');
    expect(answer.value).toBe(2);
    expect(calls.load).toBe(0);
  });

  it('a free-form question loads the VLM once, with model progress, streams its tokens and traces which VLM ran', async () => {
    const { factory, calls } = fakeVlm();
    const service = new ReasonerService({ probe, vlm: factory });
    const { answer, events } = await ask(service, 'What would be a good place to read a book?');
    const models = events
      .filter((e) => e.status === 'model')
      .map((e) => (e as { progress: ModelProgress }).progress.status);
    expect(models).toEqual(['initiate', 'done']);
    expect(calls.load).toBe(1);
    expect(answer.trace.find((s) => s.step === 'model')?.detail).toBe('VLM: Fake-VLM (wasm q4)');
    expect(answer.trace.map((s) => s.step)).toEqual(expect.arrayContaining(['generate', 'answer']));
    const tokens = events.flatMap((e) => (e.status === 'token' ? [e.text] : []));
    expect(tokens.join('')).toContain('one two three four');
    expect(events.at(-1)?.status).toBe('done');
    expect((await service.capabilities()).engines?.vlm).toBe('Fake-VLM (wasm q4)');
    await ask(service, 'Which corner is the coziest?');
    expect(calls.load).toBe(1);
  });

  it('without the VLM folder it answers with tools and the fallback, and says why in the trace', async () => {
    const { factory, calls } = fakeVlm({ present: false });
    const service = new ReasonerService({ probe, vlm: factory });
    const { answer } = await ask(service, 'What would be a good place to read a book?');
    expect(calls.load).toBe(0);
    expect(answer.trace[0]).toMatchObject({
      step: 'model',
      detail: expect.stringMatching(/none \(\/models\/x\/ is not there\)/),
    });
  });

  it('a VLM that fails to load gives a notice once and an honest fallback answer', async () => {
    const { factory, calls } = fakeVlm({ failLoad: true });
    const service = new ReasonerService({ probe, vlm: factory });
    const { answer } = await ask(service, 'What would be a good place to read a book?');
    expect(answer.answered).toBe(false);
    expect(answer.trace.find((s) => s.step === 'model')?.detail).toMatch(
      /VLM: none \(VLM failed to load \(ModelLoadError: decoder.onnx: 404\)\); answering again without it/,
    );
    await ask(service, 'Which corner is the coziest?');
    expect(calls.load).toBe(1);
    expect((await service.capabilities()).engines?.notices).toHaveLength(1);
  });

  it("vlm: 'off' never asks the factory; interrupt mid-stream rejects with AbortError", async () => {
    const off = fakeVlm();
    const service = new ReasonerService({ probe, vlm: off.factory });
    await service.configure({ vlm: 'off' });
    await ask(service, 'What would be a good place to read a book?');
    expect(off.calls).toEqual({ available: 0, load: 0, generate: 0 });

    const on = new ReasonerService({ probe, vlm: fakeVlm().factory });
    const tokens: string[] = [];
    const run = on.ask({ mosaic: MOSAIC, question: 'Which corner is the coziest?', requestId: 'q1' }, (e) => {
      if (e.status === 'token' && tokens.push(e.text) === 2) void on.interrupt('q1');
    });
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(tokens.length).toBeLessThan(4);
  });
});
