/**
 * Test helper: generates the tiny model folders (scripts/tiny-models) into fixtures/models once per process and
 * returns the Node model source that points Transformers.js at them, Hub downloads off.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTinyModels } from '../../scripts/tiny-models/generate';
import type { ModelSourceOptions } from '../../src/engines/transformers/modelSource';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TINY_MODELS_DIR = path.join(repoRoot, 'fixtures', 'models');

export function tinyModelSource(): ModelSourceOptions {
  generateTinyModels(TINY_MODELS_DIR);
  return { localModelPath: TINY_MODELS_DIR, allowRemoteModels: false, cacheDir: null };
}
