/**
 * The perception/VLM part of the Playwright test API (`window.__spatialMosaicTest.perception`) — also the entry the
 * browser benchmark can use to time the detector and depth per frame (`timeEngines`). Each call starts its own
 * worker and ends it, so engines never share a JS context and every run starts cold and comparable.
 */
import { proxy } from 'comlink';
import type { BackendPreference } from '../../src/core/backend/decideBackend';
import { decodeDepthPng, decodeRgbImage } from '../../src/core/image/decodeImage';
import type { Intrinsics, Mat4 } from '../../src/core/geometry/types';
import type { Mosaic } from '../../src/core/mosaic/types';
import { createStopFlag, transferFrame } from '../../src/runtime/clients';
import type { EngineStatus, PerceptionFrame, ProcessFrameResult } from '../../src/runtime/PerceptionApi';
import type { ReasonerAnswer, ReasonerEvent } from '../../src/runtime/ReasonerApi';
import { createPerceptionUnderTest, createReasonerUnderTest } from './clients';
import type { EngineCheckKind, EngineCheckResult } from './engineCheck';
import type { EngineTimingRequest, EngineTimingResult } from './perceptionUnderTest';

export interface RunFramesRequest {
  readonly imageUrls: readonly string[];
  /** 16-bit millimetre PNGs, one per image: with them and no poses, poses come from our odometry. */
  readonly depthUrls?: readonly string[];
  readonly poses?: readonly Mat4[];
  readonly intrinsics: Intrinsics;
  /** Test hook: WebGPU session creation fails, so the detector must fall back to wasm and say so. */
  readonly failWebgpu?: boolean;
  /** Test hook: the WebGPU device is lost after this many detector runs; the detector must move to wasm. */
  readonly loseWebgpuAfterRuns?: number;
  readonly modelsBaseUrl?: string;
}

export interface RunFramesResult {
  readonly results: ProcessFrameResult[];
  readonly engines: EngineStatus;
  readonly mosaic: Mosaic;
  /** byteLength of each frame's rgb buffer after sending: 0 = transferred. */
  readonly rgbBytesAfter: number[];
}

export interface AskVlmResult {
  readonly answer?: ReasonerAnswer;
  readonly error?: { readonly name: string; readonly message: string };
  readonly events: ReasonerEvent['status'][];
  readonly tokens: string[];
  readonly engines: EngineStatus;
}

export interface PerceptionTestApi {
  runFrames(request: RunFramesRequest): Promise<RunFramesResult>;
  engineCheck(kind: EngineCheckKind, modelsBaseUrl?: string): Promise<EngineCheckResult>;
  /** Per-frame detector/depth times in a fresh perception worker on this page's backend. */
  timeEngines(request: EngineTimingRequest): Promise<EngineTimingResult>;
  /**
   * A question through a fresh reasoner worker with the VLM on. `stopAfterTokens` interrupts after that many
   * streamed pieces; `stopAt` at the first event of that status or trace step name (e.g. 'model': while the VLM
   * loads), as the chat's Stop button does.
   */
  askVlm(
    mosaic: Mosaic,
    question: string,
    opts?: {
      readonly stopAfterTokens?: number;
      readonly stopAt?: string;
      readonly modelsBaseUrl?: string;
    },
  ): Promise<AskVlmResult>;
}

const withBase = (modelsBaseUrl: string | undefined) => (modelsBaseUrl ? { modelsBaseUrl } : {});

const bytes = async (url: string): Promise<Uint8Array> => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}; run npx tsx scripts/prepare-e2e-models.ts`);
  return new Uint8Array(await res.arrayBuffer());
};

/**
 * `modelsBase` is the models base URL every call uses unless it names its own: the e2e build serves the tiny
 * stand-ins under /e2e-fixtures/models/ so that they never land in public/models/, where the app would use them.
 */
export function perceptionTestApi(backend: BackendPreference, modelsBase?: string): PerceptionTestApi {
  const withPerception = async <T>(
    fn: (api: ReturnType<typeof createPerceptionUnderTest>['api']) => Promise<T>,
  ): Promise<T> => {
    const client = createPerceptionUnderTest();
    try {
      await client.ready(60_000);
      return await fn(client.api);
    } finally {
      client.terminate();
    }
  };
  return {
    runFrames: (req) =>
      withPerception(async (api) => {
        await api.injectWebgpuFaults({
          failWebgpu: !!req.failWebgpu,
          ...(req.loseWebgpuAfterRuns !== undefined ? { loseWebgpuAfterRuns: req.loseWebgpuAfterRuns } : {}),
        });
        await api.configure({ backend, ...withBase(req.modelsBaseUrl ?? modelsBase) });
        await api.openScene({ name: 'e2e perception', up: [0, 0, 1] });
        const results: ProcessFrameResult[] = [];
        const rgbBytesAfter: number[] = [];
        for (let i = 0; i < req.imageUrls.length; i++) {
          const url = req.imageUrls[i];
          const rgb = decodeRgbImage(await bytes(url), url);
          const depthUrl = req.depthUrls?.[i];
          const frame: PerceptionFrame = {
            frame: i,
            time: i / 30,
            rgb,
            intrinsics: req.intrinsics,
            ...(depthUrl ? { depth: decodeDepthPng(await bytes(depthUrl), depthUrl) } : {}),
            ...(req.poses?.[i] ? { pose: req.poses[i] } : {}),
          };
          results.push(await api.processFrame(transferFrame(frame)));
          rgbBytesAfter.push(rgb.data.byteLength);
        }
        const mosaic = await api.mosaic();
        await api.closeScene();
        const { engines } = await api.capabilities(backend);
        return { results, engines: engines ?? { notices: [] }, mosaic, rgbBytesAfter };
      }),
    engineCheck: (kind, modelsBaseUrl) =>
      withPerception(async (api) => {
        await api.configure({ backend, ...withBase(modelsBaseUrl ?? modelsBase) });
        const r = await api.selfTest({ kind: 'engine', engine: kind });
        if (r.kind !== 'engine') throw new Error(`engine check answered ${r.kind}`);
        return r.result;
      }),
    timeEngines: (request) =>
      withPerception(async (api) => {
        await api.configure({ backend, ...withBase(modelsBase) });
        return api.timeEngines(request);
      }),
    async askVlm(mosaic, question, opts = {}) {
      const client = createReasonerUnderTest();
      const events: ReasonerEvent['status'][] = [];
      const tokens: string[] = [];
      try {
        await client.ready(60_000);
        const stop = createStopFlag();
        if (stop) await client.api.attachStopFlag(stop);
        await client.api.configure({
          backend,
          vlm: 'auto',
          ...withBase(opts.modelsBaseUrl ?? modelsBase),
        });
        const requestId = `e2e-vlm-${Date.now()}`;
        let stopped = false;
        const onEvent = (e: ReasonerEvent) => {
          events.push(e.status);
          const name = e.status === 'step' ? e.step.step : e.status;
          if (name === opts.stopAt && !stopped) {
            stopped = true;
            // The chat's Stop: the shared flag reaches a worker busy in a synchronous wasm generation loop,
            // the interrupt message reaches it between tasks.
            if (stop) Atomics.add(stop, 0, 1);
            void client.api.interrupt(requestId);
          }
          if (e.status !== 'token') return;
          tokens.push(e.text);
          if (tokens.length === opts.stopAfterTokens) void client.api.interrupt(requestId);
        };
        const result = await client.api.ask({ mosaic, question, requestId }, proxy(onEvent)).then(
          (answer) => ({ answer }),
          (e: Error) => ({ error: { name: e.name, message: e.message } }),
        );
        await new Promise((res) => setTimeout(res, 50));
        const { engines } = await client.api.capabilities(backend);
        return { ...result, events, tokens, engines: engines ?? { notices: [] } };
      } finally {
        client.terminate();
      }
    },
  };
}
