/**
 * The real non-weight files of the product's Hugging Face models (configs, tokenizers, processor configs and the
 * Git-LFS pointers of the ONNX weights), read from ../shared/models/hub-files at generation or test time. They
 * are never copied into the repository: tiny model folders are written into git-ignored folders.
 * `HUB_FILES_DIR` overrides the location.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const HUB_FILES_DIR = path.resolve(
  process.env.HUB_FILES_DIR ?? path.join(repoRoot, '../shared/models/hub-files'),
);

/** Folders inside HUB_FILES_DIR, by what they hold. */
export const HUB = {
  smolVlm: 'HuggingFaceTB/SmolVLM-256M-Instruct',
  smolVlm2: 'HuggingFaceTB/SmolVLM2-256M-Video-Instruct/reconstructed_from_hf_page_text',
  depthAnything: 'depth-anything/Depth-Anything-V2-Small-hf/reconstructed_from_hf_page_text',
  owlv2: 'google/owlv2-base-patch16-ensemble/reconstructed_from_hf_page_text',
  clipBpe: 'google/owlv2-base-patch16-ensemble/clip_bpe_from_openai_CLIP',
} as const;

export class HubFilesMissingError extends Error {
  override readonly name = 'HubFilesMissingError';
}

/** True when the real files are there (tests skip, with a reason, when they are not). */
export function hubFilesAvailable(): boolean {
  return existsSync(path.join(HUB_FILES_DIR, HUB.smolVlm, 'tokenizer.json'));
}

export const HUB_FILES_MISSING = `the real model files are not in ${HUB_FILES_DIR} (set HUB_FILES_DIR to their folder)`;

export function hubFilePath(folder: string, name: string): string {
  const file = path.join(HUB_FILES_DIR, folder, name);
  if (!existsSync(file)) throw new HubFilesMissingError(`${file} is missing: ${HUB_FILES_MISSING}`);
  return file;
}

export function hubBytes(folder: string, name: string): Uint8Array {
  return readFileSync(hubFilePath(folder, name));
}

export function hubJson<T = Record<string, unknown>>(folder: string, name: string): T {
  return JSON.parse(readFileSync(hubFilePath(folder, name), 'utf8')) as T;
}

export interface LfsPointer {
  /** Path in the Hub repo, e.g. `onnx/decoder_model_merged_q4.onnx`. */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** Parses a Git-LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
export function parseLfsPointer(text: string, where: string): Omit<LfsPointer, 'path'> {
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text);
  const size = /^size (\d+)$/m.exec(text);
  if (!text.startsWith('version https://git-lfs.github.com/spec/v1') || !oid || !size)
    throw new Error(`${where} is not a Git-LFS pointer (version, oid sha256 and size lines)`);
  return { sha256: oid[1], size: Number(size[1]) };
}

/** Every pointer under `<folder>/lfs_pointers/`, by its path in the Hub repo. */
export function lfsPointers(folder: string): LfsPointer[] {
  const root = path.join(HUB_FILES_DIR, folder, 'lfs_pointers');
  if (!existsSync(root)) throw new HubFilesMissingError(`${root} is missing: ${HUB_FILES_MISSING}`);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      const rel = path.relative(root, file).split(path.sep).join('/');
      return { path: rel, ...parseLfsPointer(readFileSync(file, 'utf8'), file) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
