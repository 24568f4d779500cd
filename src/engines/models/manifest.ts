/**
 * The model manifest (public/models/manifest.json): which models the app uses, pinned by Hub id,
 * revision, file sizes and sha256, so that a model is the same bytes offline, from public/models/,
 * or from the Hub. Parsed by hand (no schema library) with one-line errors that name the field.
 */
import type { Dtype, ModelKind } from '../../core/backend/decideBackend';

export const MANIFEST_SCHEMA_VERSION = 1;

const KINDS: readonly ModelKind[] = ['detector', 'depth', 'vlm', 'open-vocab-detector'];
const DTYPES: readonly Dtype[] = ['fp32', 'fp16', 'q8', 'q4', 'q4f16'];

export interface ModelFileSpec {
  /** Path inside the model folder, e.g. `onnx/model_fp16.onnx` (forward slashes, no `..`). */
  readonly path: string;
  /** Bytes; null where not pinned yet (`npm run models -- --pin` fills it). */
  readonly size: number | null;
  /** Lower-case hex; null where not pinned yet. A file with neither is only checked for presence. */
  readonly sha256: string | null;
}

export interface HubSource {
  /** Hugging Face repo id, e.g. `onnx-community/depth-anything-v2-small`. */
  readonly repo: string;
  /** A 40-hex commit (pinned) or a branch name such as `main` (not pinned: the bytes may change). */
  readonly revision: string;
}

export interface ModelEntry {
  /** Folder under the models base URL: files are at `<base>/<id>/<path>`. Hub models use the repo id. */
  readonly id: string;
  readonly kind: ModelKind;
  readonly licence: string;
  readonly description: string;
  /** Where to download from; null for a model that is only self-hosted. */
  readonly hub: HubSource | null;
  /** Files every variant needs (configs, tokenizer, or the single ONNX file). */
  readonly files: readonly ModelFileSpec[];
  /** The ONNX files of each dtype variant (Transformers.js naming: `_fp16`, `_quantized`, `_q4`, `_q4f16`). */
  readonly dtypes: Partial<Record<Dtype, readonly ModelFileSpec[]>>;
  /** The variants fetched by default: those the backend decision table picks for this kind in a browser. */
  readonly defaultDtypes: readonly Dtype[];
}

export interface ModelManifest {
  readonly schemaVersion: number;
  readonly models: readonly ModelEntry[];
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/** Validate parsed JSON; `source` names the file in errors. */
export function parseManifest(json: unknown, source = 'manifest.json'): ModelManifest {
  const fail = (where: string, what: string): never => {
    throw new ManifestError(`${source}: ${where} ${what}`);
  };
  const root = asObject(json, 'the top level', fail);
  if (root.schemaVersion !== MANIFEST_SCHEMA_VERSION) {
    fail(
      'schemaVersion',
      `is ${JSON.stringify(root.schemaVersion)}; this app reads version ${MANIFEST_SCHEMA_VERSION}`,
    );
  }
  if (!Array.isArray(root.models)) fail('models', 'must be an array');
  const ids = new Set<string>();
  const models = (root.models as unknown[]).map((m, i) => {
    const entry = parseEntry(m, `models[${i}]`, fail);
    if (ids.has(entry.id)) fail(`models[${i}].id`, `"${entry.id}" appears twice`);
    ids.add(entry.id);
    return entry;
  });
  return { schemaVersion: MANIFEST_SCHEMA_VERSION, models };
}

type Fail = (where: string, what: string) => never;

function parseEntry(value: unknown, at: string, fail: Fail): ModelEntry {
  const o = asObject(value, at, fail);
  const id = safePath(o.id, `${at}.id`, fail);
  if (!KINDS.includes(o.kind as ModelKind)) fail(`${at}.kind`, `must be one of ${KINDS.join(', ')}`);
  const licence = nonEmptyString(o.licence, `${at}.licence`, fail);
  const description = typeof o.description === 'string' ? o.description : '';
  let hub: HubSource | null = null;
  if (o.hub !== null) {
    const h = asObject(o.hub, `${at}.hub`, fail);
    hub = {
      repo: safePath(h.repo, `${at}.hub.repo`, fail),
      revision: safePath(h.revision, `${at}.hub.revision`, fail),
    };
  }
  if (!Array.isArray(o.files)) fail(`${at}.files`, 'must be an array');
  const files = (o.files as unknown[]).map((f, i) => parseFile(f, `${at}.files[${i}]`, fail));
  const d = asObject(o.dtypes, `${at}.dtypes`, fail);
  const dtypes: Partial<Record<Dtype, ModelFileSpec[]>> = {};
  for (const [key, list] of Object.entries(d)) {
    if (!DTYPES.includes(key as Dtype)) fail(`${at}.dtypes.${key}`, `is not a dtype (${DTYPES.join(', ')})`);
    if (!Array.isArray(list) || list.length === 0) fail(`${at}.dtypes.${key}`, 'must be a non-empty array');
    dtypes[key as Dtype] = (list as unknown[]).map((f, i) => parseFile(f, `${at}.dtypes.${key}[${i}]`, fail));
  }
  if (!Array.isArray(o.defaultDtypes)) fail(`${at}.defaultDtypes`, 'must be an array');
  const defaultDtypes = (o.defaultDtypes as unknown[]).map((t, i) => {
    if (!(typeof t === 'string' && t in dtypes))
      fail(`${at}.defaultDtypes[${i}]`, `"${String(t)}" has no entry in dtypes`);
    return t as Dtype;
  });
  if (files.length === 0 && Object.keys(dtypes).length === 0) fail(at, 'lists no files');
  return { id, kind: o.kind as ModelKind, licence, description, hub, files, dtypes, defaultDtypes };
}

function parseFile(value: unknown, at: string, fail: Fail): ModelFileSpec {
  const o = asObject(value, at, fail);
  const path = safePath(o.path, `${at}.path`, fail);
  if (o.size !== null && !(Number.isSafeInteger(o.size) && (o.size as number) >= 0)) {
    fail(`${at}.size`, 'must be a non-negative integer or null');
  }
  if (o.sha256 !== null && !(typeof o.sha256 === 'string' && /^[0-9a-f]{64}$/.test(o.sha256))) {
    fail(`${at}.sha256`, 'must be 64 lower-case hex digits or null');
  }
  return { path, size: o.size as number | null, sha256: o.sha256 as string | null };
}

function asObject(value: unknown, at: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(at, 'must be an object');
  return value as Record<string, unknown>;
}

function nonEmptyString(value: unknown, at: string, fail: Fail): string {
  if (typeof value !== 'string' || value.length === 0) fail(at, 'must be a non-empty string');
  return value as string;
}

/**
 * Relative, forward-slash, no `..`/empty segments, and none of the characters that change what a URL means
 * (`?`, `#`, `%`, `:`, `\\`, spaces): it is appended to the models base or the Hub URL and used as a file path.
 */
function safePath(value: unknown, at: string, fail: Fail): string {
  const s = nonEmptyString(value, at, fail);
  if (
    s.startsWith('/') ||
    /[\\?#%:\s]/.test(s) ||
    [...s].some((c) => c.charCodeAt(0) < 0x20) ||
    s.split('/').some((p) => p === '' || p === '.' || p === '..')
  ) {
    fail(
      at,
      `"${s.slice(0, 80)}" must be a relative path with no empty, "." or ".." segments and no \\ ? # % : or spaces`,
    );
  }
  return s;
}

export class UnknownModelError extends Error {
  override readonly name = 'UnknownModelError';
}

export function findModel(manifest: ModelManifest, id: string): ModelEntry {
  const entry = manifest.models.find((m) => m.id === id);
  if (!entry) {
    throw new UnknownModelError(
      `model "${id}" is not in the model manifest (known: ${manifest.models.map((m) => m.id).join(', ')})`,
    );
  }
  return entry;
}

/** The files to load for the given dtypes (the common files first), without duplicates. */
export function filesFor(entry: ModelEntry, dtypes: readonly Dtype[] = entry.defaultDtypes): ModelFileSpec[] {
  const out = new Map<string, ModelFileSpec>();
  for (const f of entry.files) out.set(f.path, f);
  for (const t of dtypes) {
    const list = entry.dtypes[t];
    if (!list) {
      throw new UnknownModelError(
        `model "${entry.id}" has no ${t} variant (available: ${Object.keys(entry.dtypes).join(', ') || 'none'})`,
      );
    }
    for (const f of list) out.set(f.path, f);
  }
  return [...out.values()];
}

/** The spec of one file of a model, in any variant; undefined when the manifest does not list it. */
export function findFile(entry: ModelEntry, path: string): ModelFileSpec | undefined {
  return [...entry.files, ...Object.values(entry.dtypes).flat()].find((f) => f.path === path);
}
