/**
 * Writes a Transformers.js model folder: JSON configs at the root and each ONNX graph under onnx/ once per dtype
 * suffix that the backend table can ask for. Tiny models store the same fp32 graph under every suffix: the point
 * is that the loader finds the file name it computes, not that the bytes are quantised.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/** Transformers.js 4.3.1 DEFAULT_DTYPE_SUFFIX_MAPPING for the dtypes src/core/backend/decideBackend.ts emits. */
export const DTYPE_SUFFIXES = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  q4: '_q4',
  q4f16: '_q4f16',
} as const;

export interface ModelFolder {
  /** Generated configs (written as formatted JSON). */
  readonly json: Record<string, unknown>;
  readonly onnx: Record<string, Uint8Array>;
  /** Files written byte for byte: the real tokenizer and processor files (scripts/tiny-models/hubFiles.ts). */
  readonly files?: Record<string, Uint8Array>;
}

/** Writes only files whose bytes changed, so regenerating is idempotent and cheap. Returns the files written. */
export function writeModelFolder(outDir: string, id: string, folder: ModelFolder): string[] {
  const root = path.join(outDir, ...id.split('/'));
  const written: string[] = [];
  const put = (rel: string, bytes: Uint8Array): void => {
    const file = path.join(root, rel);
    if (existsSync(file) && Buffer.compare(readFileSync(file), bytes) === 0) return;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    written.push(file);
  };
  for (const [name, value] of Object.entries(folder.json)) {
    put(name, new TextEncoder().encode(JSON.stringify(value, null, 2) + '\n'));
  }
  for (const [name, bytes] of Object.entries(folder.files ?? {})) put(name, bytes);
  for (const [name, bytes] of Object.entries(folder.onnx)) {
    for (const suffix of Object.values(DTYPE_SUFFIXES)) put(`onnx/${name}${suffix}.onnx`, bytes);
  }
  return written;
}
