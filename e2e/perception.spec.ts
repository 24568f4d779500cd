import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { formatStep } from '../src/core/reasoning/trace';
import { backendOf, bootApp, E2E_MODELS, fixtureMosaic, shot } from './helpers';

// Real perception and the VLM in the app's workers, on both backends: YOLOX-Nano on ICL living-room frames
// (boxes as in Node), odometry + fusion from the frames' own depth, the tiny Transformers.js stand-ins loaded
// from the e2e models folder offline, a free-form question through the VLM in the reasoner worker, and the WebGPU → wasm
// fallback with its notice. Needs `npx tsx scripts/prepare-e2e-models.ts` before `vite build`.

const ICL = '/e2e-fixtures/icl';
const FRAMES = [160, 165, 170, 175, 180];
const name = (n: number) => String(n).padStart(5, '0');
// ICL-NUIM's intrinsics (public/e2e-fixtures/icl/intrinsics.json).
const INTRINSICS = { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 };

async function haveFixtures(page: Page): Promise<boolean> {
  const r = await page.request.get(`${ICL}/image/00170.jpg`);
  const m = await page.request.head(`${E2E_MODELS}yolox-nano/yolox_nano.onnx`);
  return r.ok() && m.ok();
}

/** Boots the app and sends ICL frame 170 alone (no depth, no pose) through the perception worker. */
async function perceiveFrame170(page: Page, info: TestInfo) {
  const { api } = await bootApp(page, info);
  const run = await api.evaluate((t, req) => t.perception.runFrames(req), {
    imageUrls: [`${ICL}/image/00170.jpg`],
    intrinsics: INTRINSICS,
  });
  const [r] = run.results;
  if (r.dropped) throw new Error('frame dropped');
  return { run, r };
}

test.beforeEach(async ({ page }) => {
  test.skip(!(await haveFixtures(page)), 'run `npx tsx scripts/prepare-e2e-models.ts` before `vite build`');
});

test('YOLOX-Nano in the perception worker finds the ICL armchair as in Node (frame 170)', async ({
  page,
}, info) => {
  const { run, r } = await perceiveFrame170(page, info);
  const device = backendOf(info);
  expect(r.sources?.detections).toEqual({ source: 'detector', engine: `YOLOX-Nano (${device})` });
  expect(run.engines.detector).toBe(`YOLOX-Nano (${device})`);
  expect(run.rgbBytesAfter).toEqual([0]); // transferred, not copied
  const top = r.detections?.[0];
  expect(top?.label).toBe('chair');
  expect(Math.abs((top?.score ?? 0) - 0.81)).toBeLessThan(0.03);
  [242, 135, 482, 429].forEach((v, i) => expect(Math.abs((top?.box[i] ?? 1e9) - v)).toBeLessThan(4));
  // The (tiny) depth model runs too: the frame brings no depth. Scaled by the chair's typical height, it is
  // what our odometry tracks on (no pose, no sensor depth), so the frame is placed in 3D.
  expect(r.timings.map((s) => s.stage).slice(0, 4)).toEqual(['validate', 'detect', 'depth', 'pose']);
  expect(r.sources?.depth).toMatchObject({ source: 'estimated', scale: 'object sizes' });
  expect(r.sources?.pose).toMatchObject({ source: 'odometry' });
  await shot(page, info, 'perception-yolox', {
    engine: run.engines.detector,
    detections: r.detections,
    timings: r.timings,
  });
});

test('frames with their own depth and no pose: YOLOX + RGB-D odometry + fusion in the worker', async ({
  page,
}, info) => {
  const { api } = await bootApp(page, info);
  const run = await api.evaluate((t, req) => t.perception.runFrames(req), {
    imageUrls: FRAMES.map((n) => `${ICL}/image/${name(n)}.jpg`),
    depthUrls: FRAMES.map((n) => `${ICL}/depth/${name(n)}.png`),
    intrinsics: INTRINSICS,
  });
  const done = run.results.filter((r) => !r.dropped);
  expect(done).toHaveLength(FRAMES.length);
  for (const r of done) {
    if (r.dropped) continue;
    expect(r.sources?.pose).toEqual({ source: 'odometry', tracked: true });
    expect(r.sources?.depth).toEqual({ source: 'frame' });
    expect(r.timings.map((s) => s.stage)).toEqual(['validate', 'detect', 'pose', 'fuse', 'persist']);
  }
  expect(run.mosaic.trajectory).toHaveLength(FRAMES.length);
  expect(run.mosaic.objects.map((o) => o.label)).toEqual(expect.arrayContaining(['chair']));
  const stage = (s: string) =>
    done.flatMap((r) => (r.dropped ? [] : r.timings.filter((x) => x.stage === s).map((x) => x.ms)));
  await shot(page, info, 'perception-odometry', {
    objects: run.mosaic.objects.map((o) => `${o.label} ${o.center.map((c) => c.toFixed(2)).join(',')}`),
    trajectory: run.mosaic.trajectory.length,
    detectMs: stage('detect').map((x) => Math.round(x)),
    poseMs: stage('pose').map((x) => Math.round(x)),
    fuseMs: stage('fuse').map((x) => Math.round(x)),
  });
});

test('no depth and no pose: Depth Anything (tiny) runs, scaled by object sizes when one is in view', async ({
  page,
}, info) => {
  const { run, r } = await perceiveFrame170(page, info);
  // The tiny stand-in is not a real depth model: its disparity may or may not fit; either way the source says,
  // and estimated depth is what our odometry then tracks on (the frame is placed: pose, fuse, persist).
  expect(['estimated', 'none']).toContain(r.sources?.depth.source);
  if (r.sources?.depth.source === 'estimated') {
    expect(r.sources.depth.scale).toBe('object sizes');
    expect(r.timings.map((s) => s.stage)).toEqual(['validate', 'detect', 'depth', 'pose', 'fuse', 'persist']);
    expect(r.sources.pose).toMatchObject({ source: 'odometry' });
  } else {
    expect(r.timings.map((s) => s.stage)).toEqual(['validate', 'detect', 'depth']);
  }
  expect(run.engines.depth).toMatch(new RegExp(`^Depth Anything V2 \\(${backendOf(info)} `));
  await shot(page, info, 'perception-depth', { sources: r.sources, engines: run.engines });
});

for (const kind of ['depth', 'open-vocab', 'vlm'] as const) {
  test(`tiny ${kind} model loads from the e2e models folder offline in a worker, runs and disposes`, async ({
    page,
    context,
  }, info) => {
    // Offline: anything that is not this origin (the Hub, a CDN for ORT's wasm) is refused and recorded.
    const outside: string[] = [];
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => {
      outside.push(route.request().url());
      return route.abort();
    });
    const { api } = await bootApp(page, info);
    const r = await api.evaluate((t, k) => t.perception.engineCheck(k), kind);
    expect(outside).toEqual([]);
    expect(r.backend.split(' ')[0]).toBe(backendOf(info));
    expect(r.progress[0]).toBe('initiate');
    expect(r.progress.at(-1)).toBe('ready');
    expect(r.disposed).toBe(true);
    if (kind === 'depth') {
      expect(r.depth?.dims).toEqual([72, 96]);
      expect(r.depth?.finite).toBe(true);
    }
    if (kind === 'open-vocab') {
      expect(r.detections?.length).toBeGreaterThan(0);
      for (const d of r.detections ?? []) expect(['chair', 'lamp']).toContain(d.label);
    }
    if (kind === 'vlm') {
      expect(r.vlm?.tokens).toBe(12);
      expect(r.vlm?.chunks).toBeGreaterThan(0);
      expect(r.vlm?.interrupted.finishReason).toBe('interrupted');
      expect(r.vlm?.interrupted.tokens).toBeLessThan(64);
      expect(r.vlm?.aborted.finishReason).toBe('aborted');
      expect(r.vlm?.aborted.tokens).toBeLessThan(64);
      expect(r.vlm?.countAfterDispose).toBe('EngineNotLoadedError');
    }
    await shot(page, info, `perception-engine-${kind}`, r);
  });
}

test('the reasoner answers a free-form question through the tiny VLM, streamed, with a trace; Stop interrupts', async ({
  page,
}, info) => {
  const { api } = await bootApp(page, info);
  const mosaic = fixtureMosaic('vlm');
  const question = 'What would be a good place to read a book in this room?';
  const run = await api.evaluate((t, a) => t.perception.askVlm(a.mosaic, a.question), { mosaic, question });
  expect(run.error).toBeUndefined();
  expect(run.events).toContain('model');
  expect(run.events.filter((e) => e === 'token').length).toBeGreaterThan(1);
  expect(run.events.at(-1)).toBe('done');
  expect(run.engines.vlm).toMatch(new RegExp(`^SmolVLM2-256M-Video-Instruct \\(${backendOf(info)} `));
  const steps = run.answer?.trace.map((s) => s.step) ?? [];
  expect(steps).toEqual(
    expect.arrayContaining(['understand', 'tools', 'model', 'prompt', 'generate', 'answer']),
  );
  expect(run.answer?.answer).toBe(run.tokens.join('').trim());

  // Stop while the VLM loads (a fresh worker): the ask rejects at once with AbortError, nothing more streams.
  const stopped = await api.evaluate(
    (t, a) => t.perception.askVlm(a.mosaic, a.question, { stopAt: 'model' }),
    { mosaic, question },
  );
  expect(stopped.error?.name).toBe('AbortError');
  expect(stopped.events).not.toContain('done');
  expect(stopped.events).not.toContain('token');
  await shot(page, info, 'perception-vlm-answer', {
    vlm: run.engines.vlm,
    trace: run.answer?.trace.map((s) => formatStep(s).slice(0, 90)),
    answer: run.answer?.answer,
    stopped: stopped.error,
  });
});

test('a failed WebGPU session falls back to wasm with a notice', async ({ page }, info) => {
  test.skip(backendOf(info) !== 'webgpu', 'the fallback is from WebGPU');
  const { api } = await bootApp(page, info);
  const run = await api.evaluate((t, req) => t.perception.runFrames(req), {
    imageUrls: [`${ICL}/image/00170.jpg`],
    intrinsics: INTRINSICS,
    failWebgpu: true,
  });
  const [r] = run.results;
  if (r.dropped) throw new Error('frame dropped');
  expect(r.sources?.detections).toEqual({ source: 'detector', engine: 'YOLOX-Nano (wasm)' });
  expect(r.detections?.[0]?.label).toBe('chair');
  expect(run.engines.notices.join('\n')).toMatch(
    /YOLOX-Nano: WebGPU session failed .*forced.*: running on wasm/,
  );
  await shot(page, info, 'perception-fallback', { engines: run.engines, top: r.detections?.[0] });
});

test('timeEngines: per-frame detector and depth times in a worker (the browser benchmark entry)', async ({
  page,
}, info) => {
  test.skip(backendOf(info) !== 'wasm', 'timings are meaningful on wasm only here');
  const { api } = await bootApp(page, info);
  const r = await api.evaluate(
    (t, urls) => t.perception.timeEngines({ frameUrls: urls, engines: ['detector', 'depth'], warmup: 1 }),
    FRAMES.slice(0, 3).map((n) => `${ICL}/image/${name(n)}.jpg`),
  );
  expect(r.inputSize).toBe('640×480');
  expect(r.detector?.engine).toBe('YOLOX-Nano (wasm)');
  expect(r.detector?.perFrameMs).toHaveLength(3);
  expect(r.detector?.detections?.every((n) => n >= 1)).toBe(true);
  expect(r.depth?.perFrameMs).toHaveLength(3);
  await shot(page, info, 'perception-timing', r);
});
