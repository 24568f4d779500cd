import { expose, proxy, wrap } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelProgress, ModelProgressCallback } from '../../engines/models/progress';
import { installErrorTransfer } from '../errorTransfer';
import type { PerceptionApi, PerceptionFrame } from '../PerceptionApi';
import { PerceptionService } from '../PerceptionService';
import type { DetectorEngine } from './engines';

// The page's progress bars hear about every model load in the perception worker, whichever call caused it:
// here through real comlink over a MessageChannel, as between the page and the worker.
const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((ch) => (ch.port1.close(), ch.port2.close())));

function fakeYolox(): DetectorEngine {
  let loaded = false;
  return {
    async load(progress?: ModelProgressCallback) {
      if (loaded) return;
      const f = { model: 'yolox-nano', file: 'yolox_nano.onnx', total: 1000 };
      progress?.({ ...f, status: 'initiate', source: 'local', loaded: 0, progress: 0 });
      progress?.({ ...f, status: 'progress', loaded: 500, progress: 50 });
      progress?.({ ...f, status: 'done', source: 'local', loaded: 1000, progress: 100 });
      progress?.({
        status: 'ready',
        model: f.model,
        file: '',
        files: [f.file],
        loaded: 1000,
        total: 1000,
        progress: 100,
      });
      loaded = true;
    },
    detect: async () => [],
    label: () => 'YOLOX-Nano (wasm)',
    dispose: async () => undefined,
  };
}

const K = { width: 8, height: 8, fx: 8, fy: 8, cx: 4, cy: 4 };
const frame: PerceptionFrame = {
  frame: 0,
  time: 0,
  rgb: { width: 8, height: 8, data: new Uint8Array(8 * 8 * 3) },
  intrinsics: K,
};

describe('watchModels', () => {
  it('forwards the model events of a keyframe to the watcher in order, with bytes', async () => {
    installErrorTransfer();
    const ch = new MessageChannel();
    channels.push(ch);
    const service = new PerceptionService({ engines: { detector: fakeYolox } });
    expose(service, ch.port1 as unknown as Parameters<typeof expose>[1]);
    const api = wrap<PerceptionApi>(ch.port2 as unknown as Parameters<typeof wrap>[0]);
    const seen: ModelProgress[] = [];
    await api.watchModels(proxy((e: ModelProgress) => void seen.push(e)));
    const r = await api.processFrame(frame);
    expect(r.dropped).toBe(false);
    await new Promise((res) => setTimeout(res, 20)); // proxied callbacks are messages of their own
    expect(seen.map((e) => e.status)).toEqual(['initiate', 'progress', 'done', 'ready']);
    expect(seen[1]).toMatchObject({ file: 'yolox_nano.onnx', loaded: 500, total: 1000 });
    // Already loaded: nothing more on the next frame.
    await api.processFrame({ ...frame, frame: 1 });
    await new Promise((res) => setTimeout(res, 20));
    expect(seen).toHaveLength(4);
  });
});
