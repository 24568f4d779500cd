/**
 * The web detector's logic in Node: model bytes through the verified loader, device from the decision
 * table, WebGPU failure → wasm with a notice. The ONNX session is injected (onnxruntime-node stands in
 * for onnxruntime-web; the browser run itself belongs to the e2e suite).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import type { BackendCapabilities } from '../../core/backend/decideBackend';
import { decodeJpeg } from '../../core/image/jpeg';
import { defaultManifest } from '../models/defaultManifest';
import { ModelLoader, ModelUnavailableError } from '../models/modelLoader';
import type { FetchLike } from '../models/modelLoader';
import type { BackendNotice } from './types';
import type { YoloxSession } from './yoloxDetectorBase';
import { YoloxWebDetector } from './yoloxWeb';
import type { SessionFactory } from './yoloxWeb';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const modelFile = path.resolve(repoRoot, '../shared/models/yolox-nano/yolox_nano.onnx');
const frameFile = path.resolve(repoRoot, '../shared/data/icl-livingroom/image/00170.jpg');
const haveData = existsSync(modelFile) && existsSync(frameFile);
if (!haveData) console.warn(`skipping YOLOX web-detector tests: need ${modelFile} and ${frameFile}`);

// A real (hardware) adapter: Automatic never picks WebGPU on a fallback one.
const gpu: BackendCapabilities = {
  webgpu: true,
  shaderF16: false,
  fallbackAdapter: false,
  wasmThreads: true,
  node: false,
};

/** Serves the real model at /models/yolox-nano/yolox_nano.onnx, as Vite serves public/. */
function loader(): { loader: ModelLoader; asked: string[] } {
  const asked: string[] = [];
  const fetch: FetchLike = async (url) => {
    asked.push(url);
    return url === '/models/yolox-nano/yolox_nano.onnx'
      ? new Response(readFileSync(modelFile))
      : new Response('', { status: 404 });
  };
  return { loader: new ModelLoader({ manifest: defaultManifest, fetch, cache: null }), asked };
}

/** onnxruntime-node in place of onnxruntime-web; `webgpu` fails like a broken adapter would. */
const nodeFactory: SessionFactory = async (model, device) => {
  if (device === 'webgpu') throw new Error('no adapter: device lost');
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1 });
  return {
    run: async (data, dims) =>
      (await session.run({ images: new ort.Tensor('float32', data, dims) })).output.data as Float32Array,
    release: () => session.release(),
  };
};

describe.skipIf(!haveData)('YoloxWebDetector', () => {
  it('falls back from WebGPU to wasm with a visible notice, and still detects', async () => {
    const notices: BackendNotice[] = [];
    const { loader: l, asked } = loader();
    const detector = new YoloxWebDetector({
      loader: l,
      capabilities: gpu,
      createSession: nodeFactory,
      onNotice: (n) => notices.push(n),
    });
    const image = decodeJpeg(new Uint8Array(readFileSync(frameFile)), '00170.jpg');
    const [top] = await detector.detect(image);
    expect(asked).toEqual(['/models/yolox-nano/yolox_nano.onnx']);
    expect(detector.device).toBe('wasm');
    expect(notices).toEqual([
      {
        kind: 'backend-fallback',
        engine: 'yolox-nano',
        from: 'webgpu',
        to: 'wasm',
        reason: 'WebGPU session failed (no adapter: device lost): running on wasm',
      },
    ]);
    expect(top.label).toBe('chair');
    expect(top.score).toBeGreaterThan(0.75);
    await detector.dispose();
  });

  it('goes straight to wasm when the decision table says so, and uses WebGPU when it works', async () => {
    const devices: string[] = [];
    const fake: SessionFactory = async (_model, device): Promise<YoloxSession> => {
      devices.push(device);
      return { run: async () => new Float32Array(3549 * 85), release: async () => {} };
    };
    const wasmOnly = new YoloxWebDetector({
      loader: loader().loader,
      capabilities: { ...gpu, webgpu: false },
      createSession: fake,
    });
    await wasmOnly.load();
    const withGpu = new YoloxWebDetector({ loader: loader().loader, capabilities: gpu, createSession: fake });
    expect(await withGpu.detect({ width: 2, height: 2, data: new Uint8Array(12) })).toEqual([]);
    expect(devices).toEqual(['wasm', 'webgpu']);
    expect([wasmOnly.device, withGpu.device]).toEqual(['wasm', 'webgpu']);
  });

  it('reports a missing model file and can be retried after', async () => {
    const fetch: FetchLike = async () => new Response('', { status: 404 });
    const detector = new YoloxWebDetector({
      loader: new ModelLoader({ manifest: defaultManifest, fetch, cache: null, allowNetwork: true }),
      capabilities: gpu,
      createSession: nodeFactory,
    });
    // detect() loads on first use; its failure must reject detect() itself (and nothing else, unhandled)
    await expect(detector.detect({ width: 1, height: 1, data: new Uint8Array(3) })).rejects.toThrow(
      ModelUnavailableError,
    );
    await expect(detector.load()).rejects.toThrow(ModelUnavailableError);
    await expect(detector.load()).rejects.toThrow(
      /"yolox-nano" file "yolox_nano.onnx" is not at .* no Hub source/,
    );
  });
});
