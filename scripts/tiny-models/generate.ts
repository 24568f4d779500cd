/**
 * Generates the tiny Transformers.js model folders used by tests and benchmarks:
 *   npx tsx scripts/tiny-models/generate.ts --out fixtures/models
 * Deterministic (seeded) and idempotent: unchanged files are not rewritten. The non-weight files are the real
 * ones from ../shared/models/hub-files (hubFiles.ts); without them generation stops with a message naming the folder.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEPTH_ANYTHING_V2_SMALL,
  OWLV2_BASE,
  SMOLVLM2_256M,
  SMOLVLM_256M,
} from '../../src/engines/transformers/modelIds';
import { depthAnythingFolder } from './depthAnything';
import { writeModelFolder, type ModelFolder } from './modelFolder';
import { owlv2Folder } from './owlv2';
import { smolVlm2Folder, smolVlmFolder } from './smolvlm';

export const TINY_MODELS: Record<string, () => ModelFolder> = {
  [DEPTH_ANYTHING_V2_SMALL]: depthAnythingFolder,
  [SMOLVLM2_256M]: smolVlm2Folder,
  [SMOLVLM_256M]: smolVlmFolder,
  [OWLV2_BASE]: owlv2Folder,
};

/** Writes every tiny model under `outDir`; returns the paths of files that changed. */
export function generateTinyModels(
  outDir: string,
  ids: readonly string[] = Object.keys(TINY_MODELS),
): string[] {
  return ids.flatMap((id) => writeModelFolder(outDir, id, TINY_MODELS[id]()));
}

/** The repository's default output folder (git-ignored). */
export const DEFAULT_TINY_MODELS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/models',
);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const out = path.resolve(i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : DEFAULT_TINY_MODELS_DIR);
  const t0 = performance.now();
  const written = generateTinyModels(out);
  console.log(
    `tiny models in ${out}: ${written.length} file(s) written in ${(performance.now() - t0).toFixed(0)} ms`,
  );
}
