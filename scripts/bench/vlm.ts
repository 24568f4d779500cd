/**
 * Transformers.js plumbing benchmark on the tiny generated models (scripts/tiny-models), in Node on the CPU:
 * VLM load time, time to first token and tokens/s, depth estimate time, process memory after loading.
 * The tiny models carry the real tokenizer and processor files but tiny weights (a few MB in all), so these numbers
 * measure our overhead plus the library's (real tokenisation and pre-processing included), not a real model.
 *   npx tsx scripts/bench/vlm.ts [--tokens 64]
 * Prints a markdown table and writes bench-out/vlm.json and bench-out/vlm.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DepthAnythingEstimator } from '../../src/engines/depth/depthAnythingEstimator';
import { NODE_CAPABILITIES } from '../../src/engines/transformers/backendChoice';
import { SmolVlm } from '../../src/engines/vlm/smolVlm';
import { generateTinyModels } from '../tiny-models/generate';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface VlmBenchOptions {
  readonly maxNewTokens?: number;
  readonly depthRuns?: number;
  readonly modelsDir?: string;
  /** null: do not write files. */
  readonly outDir?: string | null;
  readonly log?: (line: string) => void;
}

export interface VlmBenchResult {
  readonly device: string;
  readonly dtype: string;
  readonly vlmLoadMs: number;
  readonly promptTokens: number;
  readonly newTokens: number;
  readonly firstTokenMs: number;
  readonly tokensPerSecond: number;
  readonly imageGenerateMs: number;
  readonly depthLoadMs: number;
  readonly depthEstimateMs: number;
  readonly depthSize: string;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
}

export async function runVlmBench(opts: VlmBenchOptions = {}): Promise<VlmBenchResult> {
  const modelsDir = opts.modelsDir ?? path.join(repoRoot, 'fixtures', 'models');
  generateTinyModels(modelsDir);
  const source = { localModelPath: modelsDir, allowRemoteModels: false, cacheDir: null };
  const vlm = new SmolVlm({ source, capabilities: NODE_CAPABILITIES });
  const depth = new DepthAnythingEstimator({ source, capabilities: NODE_CAPABILITIES });
  try {
    let t = performance.now();
    await vlm.load();
    const vlmLoadMs = performance.now() - t;
    await vlm.generate({ prompt: 'warm up', maxNewTokens: 2 });
    const maxNewTokens = opts.maxNewTokens ?? 64;
    let firstTokenMs = NaN;
    t = performance.now();
    const r = await vlm.generate({
      prompt: 'How far is the cup from the laptop?',
      maxNewTokens,
      onToken: () => {
        if (Number.isNaN(firstTokenMs)) firstTokenMs = performance.now() - t;
      },
    });
    const frame = { width: 320, height: 240, data: new Uint8Array(320 * 240 * 3).fill(128) };
    t = performance.now();
    await vlm.generate({ prompt: 'What is this?', images: [frame], maxNewTokens: 8 });
    const imageGenerateMs = performance.now() - t;

    t = performance.now();
    await depth.load();
    const depthLoadMs = performance.now() - t;
    await depth.estimate(frame);
    const runs = opts.depthRuns ?? 5;
    t = performance.now();
    for (let i = 0; i < runs; i++) await depth.estimate(frame);
    const depthEstimateMs = (performance.now() - t) / runs;
    const mem = process.memoryUsage();
    const backend = vlm.backend;
    const result: VlmBenchResult = {
      device: backend?.device ?? '?',
      dtype: backend?.dtype ?? '?',
      vlmLoadMs,
      promptTokens: r.promptTokens,
      newTokens: r.tokens,
      firstTokenMs,
      tokensPerSecond: r.tokens / (r.ms / 1000),
      imageGenerateMs,
      depthLoadMs,
      depthEstimateMs,
      depthSize: `${frame.width}×${frame.height}`,
      rssMiB: mem.rss / 2 ** 20,
      heapUsedMiB: mem.heapUsed / 2 ** 20,
    };
    const md = formatVlmBench(result);
    (opts.log ?? console.log)(md);
    if (opts.outDir !== null) {
      const out = opts.outDir ?? path.join(repoRoot, 'bench-out');
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, 'vlm.json'), JSON.stringify(result, null, 2) + '\n');
      await writeFile(path.join(out, 'vlm.md'), md);
    }
    return result;
  } finally {
    await vlm.dispose();
    await depth.dispose();
  }
}

export function formatVlmBench(r: VlmBenchResult): string {
  const f = (v: number, d = 1): string => v.toFixed(d);
  return [
    `## Transformers.js plumbing on tiny models (Node, ${r.device}/${r.dtype})`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| VLM load (3 sessions + processor) | ${f(r.vlmLoadMs)} ms |`,
    `| text generate: prompt / new tokens | ${r.promptTokens} / ${r.newTokens} |`,
    `| time to first streamed text | ${f(r.firstTokenMs)} ms |`,
    `| tokens/s (whole call) | ${f(r.tokensPerSecond)} |`,
    `| generate with one ${r.depthSize} image, 8 tokens | ${f(r.imageGenerateMs)} ms |`,
    `| depth load | ${f(r.depthLoadMs)} ms |`,
    `| depth estimate ${r.depthSize} (mean) | ${f(r.depthEstimateMs)} ms |`,
    `| process RSS / JS heap after loading | ${f(r.rssMiB, 0)} / ${f(r.heapUsedMiB, 0)} MiB |`,
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--tokens');
  await runVlmBench(i >= 0 ? { maxNewTokens: Number(process.argv[i + 1]) } : {});
}
