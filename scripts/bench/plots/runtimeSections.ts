/** Report sections about the runtime: detector and depth per frame (Node and Chromium), IndexedDB, memory. */
import { markdownTable, type Cell } from './markdownTable';
import { caption, f1, mib, missing, note, type BenchResults } from './reportCommon';
import { barChart, lineChart } from './svg';

export function perceptionSection(r: BenchResults, svgs: Record<string, string>): string {
  const d = r.detector;
  const b = r.browser;
  const v = r.vlm;
  const bDet = b?.models.find((m) => m.kind === 'detector' && m.device === 'wasm');
  const bDepth = b?.models.find((m) => m.kind === 'depth' && m.device === 'wasm');
  const rows: Cell[][] = [];
  if (d)
    rows.push([
      'YOLOX-Nano',
      'Node, onnxruntime-node CPU',
      d.frames,
      d.timing.medianMs,
      d.timing.p90Ms,
      d.meanCpuMs,
      d.loadMs,
    ]);
  for (const m of b?.models ?? [])
    rows.push([
      m.kind === 'detector' ? 'YOLOX-Nano' : 'depth (tiny)',
      `Chromium ${m.device}${m.dtype ? ` ${m.dtype}` : ''}, worker`,
      m.frames,
      m.timing.medianMs,
      m.timing.p90Ms,
      m.cpuMsPerFrame,
      m.loadMs,
    ]);
  if (v)
    rows.push([
      'depth (tiny)',
      `Node, ${v.device} ${v.dtype}`,
      null,
      v.depthEstimateMs,
      null,
      null,
      v.depthLoadMs,
    ]);
  const parts = ['## Detector and depth time per frame', ''];
  if (rows.length === 0)
    return parts.concat(missing('detector.json / browser.json', r.run, 'browser')).join('\n');
  parts.push(
    markdownTable(
      [
        'model',
        'runtime',
        { header: 'frames', align: 'right', digits: 0 },
        { header: 'median ms / frame', align: 'right' },
        { header: 'p90 ms', align: 'right' },
        { header: 'CPU ms / frame', align: 'right' },
        { header: 'load ms', align: 'right', digits: 0 },
      ],
      rows,
    ),
    'Detector: 640×480 ICL frames letterboxed to 416×416; time of `detect()` (pre-processing, inference, decoding and NMS). CPU ms: Node process time; in Chromium, the renderer process (page and workers, all threads) over the timed frames. Node depth: mean of 5 runs on a 320×240 grey frame (scripts/bench/vlm.ts).',
    '',
  );
  if (d && bDet)
    parts.push(
      `Chromium wasm ÷ Node onnxruntime-node for YOLOX, same machine: **${(bDet.timing.medianMs / d.timing.medianMs).toFixed(1)}×** in median wall time${bDet.cpuMsPerFrame === null ? '' : `, **${(bDet.cpuMsPerFrame / d.meanCpuMs).toFixed(1)}×** in CPU time per frame`} (the two runs are minutes apart: compare their load averages below; the CPU ratio is the steadier one).`,
      '',
    );
  if (b) parts.push(`WebGPU: ${b.webgpu.reason}.`, '');
  const chartRows = rows.filter((x) => typeof x[3] === 'number');
  svgs['perception-time.svg'] = barChart({
    title: 'Detector and depth: time per frame',
    note: note(r.run, 'detector', 'vlm', 'browser'),
    subtitle: 'YOLOX-Nano on ICL frames; depth: tiny stand-in model (pipeline overhead only)',
    yLabel: 'ms / frame',
    width: 760,
    categories: chartRows.map((x) => `${x[0]} · ${String(x[1]).split(',')[0]}`),
    series: [
      { name: 'median wall ms / frame', values: chartRows.map((x) => x[3] as number) },
      {
        name: 'CPU ms / frame',
        values: chartRows.map((x) => (typeof x[5] === 'number' ? x[5] : null)),
      },
    ],
  });
  parts.push('![Detector and depth time](docs/bench/perception-time.svg)', '');
  if (bDet?.labels?.length)
    parts.push(
      `YOLOX in Chromium found (score ≥ 0.3): ${bDet.labels
        .slice(0, 8)
        .map((l) => `${l.label} ${l.frames}/${bDet.frames}`)
        .join(', ')}.`,
      '',
    );
  if (bDepth?.notices.length) parts.push(`Depth notices: ${bDepth.notices.join('; ')}.`, '');
  parts.push(caption(r.run, 'detector', 'vlm', 'browser'));
  return parts.join('\n');
}

export function storageSection(r: BenchResults, svgs: Record<string, string>): string {
  const b = r.browser;
  if (!b) return `## IndexedDB and memory\n\n${missing('browser.json', r.run, 'browser')}`;
  const k = b.keyframes;
  const sc = b.scenes;
  svgs['indexeddb.svg'] = lineChart({
    title: 'IndexedDB (SceneStore) whole-scene time vs scene size, Chromium',
    note: note(r.run, 'browser'),
    subtitle: 'mosaics tiled from a fused scene; median of 3 per size',
    xLabel: 'objects in the mosaic (log scale)',
    yLabel: 'ms',
    logX: true,
    series: [
      { name: 'save whole scene', points: sc.map((x) => [x.mosaicObjects, x.saveWholeMs]) },
      { name: 'load whole scene', points: sc.map((x) => [x.mosaicObjects, x.loadWholeMs]) },
    ],
  });
  const mem = sc.filter((x) => x.heapRetainedBytes !== null);
  svgs['memory.svg'] = lineChart({
    title: 'Memory held by a loaded scene vs its size',
    note: note(r.run, 'browser'),
    subtitle: 'Chromium page JS heap after a forced GC, and the mosaic as JSON',
    xLabel: 'objects in the mosaic (log scale)',
    yLabel: 'MiB',
    logX: true,
    series: [
      ...(mem.length
        ? [
            {
              name: 'JS heap of the loaded mosaic',
              points: mem.map((x) => [x.mosaicObjects, mib(x.heapRetainedBytes)!] as [number, number]),
            },
          ]
        : []),
      {
        name: 'mosaic JSON size',
        points: sc.map((x) => [x.mosaicObjects, mib(x.mosaicBytes)!] as [number, number]),
      },
    ],
  });
  return [
    '## IndexedDB and memory',
    '',
    '### Per keyframe (SceneStore.appendKeyframe of the deltas the fuser produced)',
    '',
    markdownTable(
      [
        { header: 'objects in the hall', align: 'right', digits: 0 },
        { header: 'keyframes', align: 'right', digits: 0 },
        { header: 'objects in mosaic', align: 'right', digits: 0 },
        { header: 'append median (ms)', align: 'right', digits: 2 },
        { header: 'p90 (ms)', align: 'right', digits: 2 },
        { header: 'max (ms)', align: 'right' },
        { header: 'load incremental scene (ms)', align: 'right' },
        { header: 'Node fuser heap (MiB)', align: 'right', digits: 2 },
        { header: 'Node fuser step (fuse + deltas), CPU ms / keyframe', align: 'right' },
      ],
      k.map((x) => [
        x.objects,
        x.keyframes,
        x.mosaicObjects,
        x.append.medianMs,
        x.append.p90Ms,
        x.append.maxMs,
        x.loadIncrementalMs,
        mib(x.nodeFuserHeapBytes),
        x.nodeFuseCpuMsPerKeyframe,
      ]),
    ),
    'An append writes a delta record, then the commit; every 64 keyframes the store compacts the deltas into a snapshot (the max). The incremental load replays snapshot and deltas. Node fuser heap: what MosaicBuilder and the delta bookkeeping retain after the stream (forced GC). The last column is the whole per-keyframe step of the perception worker (MosaicBuilderFuser: fusion, then the deltas of the objects and occupancy cells that changed), over the last keyframes of the recording; its curve against frames and objects is in the Fusion section.',
    '',
    '### Per whole scene',
    '',
    markdownTable(
      [
        { header: 'objects', align: 'right', digits: 0 },
        { header: 'keyframes', align: 'right', digits: 0 },
        { header: 'mosaic JSON (KiB)', align: 'right', digits: 0 },
        { header: 'save (ms)', align: 'right' },
        { header: 'load (ms)', align: 'right' },
        { header: 'load, µs / object', align: 'right', digits: 0 },
        { header: 'page heap of the loaded mosaic (MiB)', align: 'right', digits: 2 },
        { header: 'heap ÷ JSON size', align: 'right', digits: 2 },
      ],
      sc.map((x) => [
        x.mosaicObjects,
        x.keyframes,
        x.mosaicBytes / 1024,
        x.saveWholeMs,
        x.loadWholeMs,
        (x.loadWholeMs * 1000) / Math.max(1, x.mosaicObjects),
        mib(x.heapRetainedBytes),
        x.heapRetainedBytes === null ? null : x.heapRetainedBytes / x.mosaicBytes,
      ]),
    ),
    '![IndexedDB whole-scene time](docs/bench/indexeddb.svg)',
    '',
    '![Memory vs scene size](docs/bench/memory.svg)',
    '',
    '### Model memory',
    '',
    markdownTable(
      [
        'model',
        'runtime',
        { header: 'renderer RSS before the worker (MiB)', align: 'right' },
        { header: 'with the model loaded (MiB)', align: 'right' },
        { header: 'worker + runtime + model (MiB)', align: 'right' },
      ],
      b.models.map((m) => [
        m.kind === 'detector' ? 'YOLOX-Nano' : 'depth (tiny)',
        `Chromium ${m.device}, worker`,
        mib(m.rendererRssBeforeBytes),
        mib(m.rendererRssLoadedBytes),
        m.rendererRssBeforeBytes !== null && m.rendererRssLoadedBytes !== null
          ? mib(m.rendererRssLoadedBytes - m.rendererRssBeforeBytes)
          : null,
      ]),
    ),
    "Resident memory (Linux VmRSS) of Chromium's renderer processes, which hold the page and its workers: before the model's worker starts, and right after its timed frames with the model still loaded. The difference includes the worker, the ORT wasm runtime and heap, and the model (3.7 MB of YOLOX-Nano weights; the tiny depth model is a few kB).",
    '',
    r.vlm
      ? `Node, tiny VLM and depth loaded (scripts/bench/vlm.ts): RSS ${f1(r.vlm.rssMiB)} MiB, JS heap ${f1(r.vlm.heapUsedMiB)} MiB.`
      : '',
    '',
    caption(r.run, 'browser'),
  ].join('\n');
}
