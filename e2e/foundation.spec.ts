import { expect, test } from '@playwright/test';
import { formatStep } from '../src/core/reasoning/trace';
import { backendOf, bootApp, fixtureMosaic, reloadApp, shot } from './helpers';

// The foundation: the production build boots, both comlink workers answer, the RPC invariants hold (ordered
// progress ending at 100, AbortError on abort, named errors across the boundary, transferred frames, dropped
// frames when busy), and scenes round-trip through the real IndexedDB in a worker and in the page.

test('the app boots and both workers answer through comlink', async ({ page }, info) => {
  const { api, errors } = await bootApp(page, info);
  const pong = await api.evaluate((t) => t.ping());
  expect(pong).toEqual({
    perception: { pong: true, context: 'worker' },
    reasoner: { pong: true, context: 'worker' },
  });
  expect(errors).toEqual([]);
  await shot(page, info, 'boot', pong);
});

test('progress events arrive in order and end at 100%', async ({ page }, info) => {
  const { api } = await bootApp(page, info);
  const { result, events } = await api.evaluate((t) => t.progressRun(25));
  expect(result).toEqual({ kind: 'progress', steps: 25 });
  expect(events[0].status).toBe('initiate');
  const values = events.flatMap((e) => ('progress' in e ? [e.progress] : []));
  expect(values).toHaveLength(26);
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
  expect(values.slice(0, -1).every((v) => v < 100)).toBe(true);
  expect(events.at(-1)).toMatchObject({ status: 'done', progress: 100 });
  expect(new Set(events.map((e) => e.requestId)).size).toBe(1);
  await shot(page, info, 'progress', {
    result,
    requestId: events[0].requestId,
    events: events
      .map((e) => ('progress' in e ? `${e.status} ${e.progress.toFixed(1)}` : e.status))
      .join(' → '),
  });
});

test('an aborted call rejects with AbortError and the worker-side job stops', async ({ page }, info) => {
  const { api } = await bootApp(page, info);
  const run = await api.evaluate((t) => t.abortedRun(200));
  expect(run.error).toMatchObject({ name: 'AbortError', sameClass: true });
  expect(run.elapsedMs).toBeGreaterThanOrEqual(150);
  expect(run.elapsedMs).toBeLessThan(5000); // the call would otherwise run 30 s
  expect(run.stillRunning).toBe(0); // the interrupt reached the worker: nothing left to abort there
  await shot(page, info, 'abort', run);
});

test('a worker error arrives with its name and message', async ({ page }, info) => {
  const { api } = await bootApp(page, info);
  const error = await api.evaluate((t) =>
    t.namedError('self-test failure: this message must survive the boundary'),
  );
  expect(error).toEqual({
    name: 'SelfTestError',
    message: 'self-test failure: this message must survive the boundary',
    sameClass: true,
  });
  const missing = await api.evaluate((t) => t.storage.load('no-such-scene'));
  expect(missing).toMatchObject({
    error: { name: 'SceneNotFoundError', message: expect.stringMatching(/no-such-scene/) },
  });
  await shot(page, info, 'error', { error, missing });
});

test('IndexedDB round trip in a worker and in the page, across a page reload', async ({ page }, info) => {
  let booted = await bootApp(page, info);
  const inWorker = fixtureMosaic('worker');
  const inPage = fixtureMosaic('page');
  const worker = await booted.api.evaluate((t, m) => t.workerStorageRoundTrip('w1', m), inWorker);
  expect(worker.kind).toBe('storage');
  if (worker.kind !== 'storage') throw new Error('unreachable');
  expect(worker.readBack).toEqual(inWorker);
  const meta = await booted.api.evaluate((t, m) => t.storage.save('p1', 'Page scene', m), inPage);
  expect(meta).toMatchObject({ id: 'p1', name: 'Page scene', objectCount: 3 });
  expect(await booted.api.evaluate((t) => t.storage.load('p1'))).toMatchObject({ mosaic: inPage });

  booted = await reloadApp(page, info, booted);
  const fromWorker = await booted.api.evaluate((t) => t.storage.load('w1'));
  const fromPage = await booted.api.evaluate((t) => t.storage.load('p1'));
  expect(fromWorker).toMatchObject({ mosaic: inWorker });
  expect(fromPage).toMatchObject({ mosaic: inPage });
  expect((await booted.api.evaluate((t) => t.storage.list())).map((m) => m.id).sort()).toEqual(['p1', 'w1']);

  // Export → import makes an identical new scene; a broken file is refused with the file and field named.
  const file = await booted.api.evaluate((t) => t.storage.exportFile('p1'));
  expect(file.fileName).toBe('Page-scene.mosaic.json');
  const imported = await booted.api.evaluate((t, f) => t.storage.importFile(f.text, f.fileName), file);
  if ('error' in imported) throw new Error(imported.error.message);
  expect(await booted.api.evaluate((t, id) => t.storage.load(id), imported.id)).toMatchObject({
    mosaic: inPage,
  });
  const bad = await booted.api.evaluate((t) =>
    t.storage.importFile('{"schemaVersion": 1, "up": [0, 0, 1]}', 'broken.json'),
  );
  expect(bad).toEqual({
    error: { name: 'MosaicFileError', message: 'broken.json: "objects" must be an array.', sameClass: true },
  });
  const status = await booted.api.evaluate((t) => t.storage.status());
  expect(status.usage).toBeGreaterThan(0);
  expect(status.quota).toBeGreaterThan(status.usage!);
  await booted.api.evaluate((t) => t.storage.remove('w1'));
  expect(await booted.api.evaluate((t) => t.storage.load('w1'))).toMatchObject({
    error: { name: 'SceneNotFoundError' },
  });
  expect(booted.errors).toEqual([]);
  await shot(page, info, 'indexeddb', {
    fromWorker: 'identical',
    fromPage: 'identical',
    file: file.fileName,
    bad,
    status,
  });
});

test('frames move to the worker, a busy worker drops frames, and each keyframe is persisted', async ({
  page,
}, info) => {
  let booted = await bootApp(page, info);
  const run = await booted.api.evaluate((t) => t.fuseFrames('Fused in the worker', 6, 3));
  // Transferred, not copied: every buffer is detached on the page side, dropped frames included.
  expect(run.rgbBytesAfter).toEqual([0, 0, 0, 0, 0, 0]);
  expect(run.results.map((r) => r.dropped)).toEqual([false, true, true, false, false, false]);
  const kept = run.results.filter((r) => !r.dropped);
  for (const r of kept) {
    if (r.dropped) continue;
    expect(r.timings.map((s) => s.stage)).toEqual(['validate', 'fuse', 'persist']);
    expect(r.sceneId).toBe(run.sceneId);
  }
  // The one chair seen four times fuses into one object.
  expect(run.workerMosaic.objects).toHaveLength(1);
  expect(run.workerMosaic.objects[0]).toMatchObject({ label: 'chair', observations: 4 });

  booted = await reloadApp(page, info, booted);
  const stored = await booted.api.evaluate((t, id) => t.storage.load(id), run.sceneId);
  if ('error' in stored) throw new Error(stored.error.message);
  expect(stored.meta.commit.keyframes).toBe(4);
  expect(stored.mosaic.trajectory.map((k) => k.frame)).toEqual([0, 3, 4, 5]);
  expect(stored.mosaic.objects).toEqual(run.workerMosaic.objects);
  await shot(page, info, 'frames', {
    results: run.results.map((r) =>
      r.dropped
        ? `frame ${r.frame}: dropped (${r.reason})`
        : `frame ${r.frame}: kept, ${r.timings.map((s) => `${s.stage} ${s.ms.toFixed(2)} ms`).join(', ')}`,
    ),
    rgbBytesAfter: run.rgbBytesAfter.join(' '),
    storedAfterReload: {
      keyframes: stored.meta.commit.keyframes,
      trajectory: stored.mosaic.trajectory.map((k) => k.frame).join(' '),
      objects: stored.mosaic.objects.map(
        (o) => `${o.id} ${o.label} ×${o.observations} at ${o.center.map((v) => v.toFixed(3))}`,
      ),
    },
  });
});

test('the reasoner worker answers over a mosaic with a streamed trace', async ({ page }, info) => {
  const { api } = await bootApp(page, info);
  const { answer, events } = await api.evaluate(
    (t, m) => t.ask(m, 'How many chairs are in the room?'),
    fixtureMosaic('q'),
  );
  expect(answer).toMatchObject({ value: 2, answered: true, objects: ['q-a', 'q-b'] });
  expect(events.at(-1)).toBe('done');
  expect(events).toContain('step');
  expect(events).toContain('token');
  await shot(page, info, 'reasoner', {
    answer: answer.answer,
    value: answer.value,
    trace: answer.trace.map(formatStep),
  });
});

test('each worker reports its own backend: a fallback WebGPU adapter or wasm', async ({ page }, info) => {
  const { api } = await bootApp(page, info);
  const backend = backendOf(info);
  const { perception, reasoner } = await api.evaluate((t) => t.workerCapabilities());
  const pageCaps = await api.evaluate((t) => t.pageCapabilities());
  expect(perception.report.context).toBe('worker');
  expect(pageCaps.context).toBe('window');
  expect(perception.preference).toBe(backend);
  // The preview is cross-origin isolated, workers included: wasm may use threads.
  expect(perception.report.caps.wasmThreads).toBe(true);
  if (backend === 'webgpu') {
    // Headless Chromium with --enable-unsafe-webgpu: SwiftShader, a fallback adapter without shader-f16.
    expect(perception.report.adapter).toMatchObject({ isFallbackAdapter: true });
    expect(perception.report.caps).toMatchObject({ webgpu: true, fallbackAdapter: true, shaderF16: false });
    expect(pageCaps.adapter?.isFallbackAdapter).toBe(true);
    expect(perception.choices.depth).toMatchObject({ device: 'webgpu', dtype: 'fp32' });
    expect(reasoner.choices.vlm).toMatchObject({ device: 'webgpu', dtype: 'q4' });
  } else {
    expect(perception.choices.depth).toMatchObject({ device: 'wasm', dtype: 'q8' });
    expect(reasoner.choices.vlm).toMatchObject({ device: 'wasm', dtype: 'q4' });
    expect(perception.choices.detector.reason).toMatch(/^wasm, threads allowed \(cross-origin isolated/);
  }
  await shot(page, info, 'backend', {
    preference: perception.preference,
    adapter: perception.report.adapter && {
      ...perception.report.adapter,
      features: perception.report.adapter.features.length,
    },
    choices: Object.fromEntries(
      Object.entries(perception.choices).map(([k, c]) => [k, `${c.device}/${c.dtype}: ${c.reason}`]),
    ),
    pageAdapterFallback: pageCaps.adapter?.isFallbackAdapter ?? null,
  });
});
