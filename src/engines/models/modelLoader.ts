/**
 * Loads model files offline-first: the Cache API, then `<modelsBaseUrl>/<id>/<path>` (public/models/),
 * then — only when the user allows network — the Hugging Face Hub at the manifest's pinned revision.
 * Every file is checked against the manifest (size, sha256) before it is used or cached, so a
 * truncated or corrupt download never stays in the cache. `fetch` and the cache are injectable so the
 * whole path runs in Node tests.
 */
import type { Dtype } from '../../core/backend/decideBackend';
import { filesFor, findFile, findModel, UnknownModelError } from './manifest';
import type { ModelEntry, ModelFileSpec, ModelManifest } from './manifest';
import { percent } from './progress';
import type { ModelSource, ModelProgressCallback } from './progress';
import { sha256Hex } from './sha256';

export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/** The subset of the Cache API the loader uses (a `Cache` from `caches.open` fits). */
export interface CacheLike {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  delete(key: string): Promise<boolean>;
}

export interface ModelLoaderOptions {
  readonly manifest: ModelManifest;
  /** Where self-hosted models live (`/models` in the app); null to skip (e.g. the fetch script). */
  readonly modelsBaseUrl?: string | null;
  readonly hubBaseUrl?: string;
  /**
   * Origins files may also come from, besides the models base URL's and the Hub's (and, for the default Hub,
   * its download hosts): `https://host` or `https://*.host`. Anything else, requested or redirected to, is refused.
   */
  readonly allowedOrigins?: readonly string[];
  /** Downloads from the Hub happen only when this is true (a user setting; off by default). */
  readonly allowNetwork?: boolean;
  readonly fetch?: FetchLike;
  /** A cache; undefined opens the Cache API when there is one; null disables caching. */
  readonly cache?: CacheLike | null;
}

export interface LoadOptions {
  readonly onProgress?: ModelProgressCallback;
  readonly signal?: AbortSignal;
}

export interface LoadedModel {
  readonly entry: ModelEntry;
  /** Bytes by path inside the model folder. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

export const MODEL_CACHE_NAME = 'spatial-mosaic-models-v1';
export const DEFAULT_HUB_URL = 'https://huggingface.co';
/** Where the Hub redirects file downloads (LFS and Xet storage, e.g. cdn-lfs.hf.co, cas-bridge.xethub.hf.co). */
export const HUB_DOWNLOAD_ORIGINS: readonly string[] = ['https://*.huggingface.co', 'https://*.hf.co'];

/** The model or file is not where we may look (404, no Hub source, or network not allowed). */
export class ModelUnavailableError extends Error {
  override readonly name = 'ModelUnavailableError';
}
/** The bytes are wrong: truncated, too long, or a sha256 mismatch. */
export class ModelIntegrityError extends Error {
  override readonly name = 'ModelIntegrityError';
}
/** A URL, or a redirect, that leaves the configured origins: refused, never fetched or read. */
export class ModelOriginError extends Error {
  override readonly name = 'ModelOriginError';
}
/** The server could not be reached or answered with an HTTP error other than 404. */
export class ModelFetchError extends Error {
  override readonly name = 'ModelFetchError';
}

/**
 * Model files shipped inside a bundle (the package's YOLOX-Nano), by `<id>/<path>`: used when the models base
 * URL does not have the file, before the Hub. Their URLs come from the bundler, so their origin is trusted.
 */
const bundledFiles = new Map<string, string>();

/** Registers a file that ships with the code (`new URL('…/yolox_nano.onnx', import.meta.url).href`). */
export function registerBundledModelFile(id: string, path: string, url: string): void {
  bundledFiles.set(`${id}/${path}`, url);
}

export class ModelLoader {
  readonly manifest: ModelManifest;
  private readonly base: string | null;
  private readonly hubBase: string;
  private readonly allowNetwork: boolean;
  private readonly fetchFn: FetchLike;
  private readonly origins: readonly string[];
  private cachePromise: Promise<CacheLike | null> | undefined;

  constructor(private readonly options: ModelLoaderOptions) {
    this.manifest = options.manifest;
    this.base = options.modelsBaseUrl === undefined ? '/models' : trimSlash(options.modelsBaseUrl);
    this.hubBase = trimSlash(options.hubBaseUrl ?? DEFAULT_HUB_URL) ?? DEFAULT_HUB_URL;
    this.allowNetwork = options.allowNetwork ?? false;
    this.fetchFn = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    // A relative base is the page's own origin ('self'); an absolute one is its origin.
    this.origins = [
      ...(this.base === null ? [] : [originOf(this.base) ?? 'self']),
      originOf(this.hubBase) ?? 'self',
      ...(this.hubBase === DEFAULT_HUB_URL ? HUB_DOWNLOAD_ORIGINS : []),
      ...(options.allowedOrigins ?? []),
    ];
  }

  localUrl(entry: ModelEntry, path: string): string | null {
    return this.base === null ? null : `${this.base}/${entry.id}/${path}`;
  }

  hubUrl(entry: ModelEntry, path: string): string | null {
    return entry.hub ? `${this.hubBase}/${entry.hub.repo}/resolve/${entry.hub.revision}/${path}` : null;
  }

  /** Source-independent cache key (a reserved .invalid host: never fetched), revision-scoped. */
  static cacheKey(entry: ModelEntry, path: string): string {
    return `https://models.invalid/${entry.id}/${entry.hub?.revision ?? 'local'}/${path}`;
  }

  /** All files of a model for the given dtypes (default: the manifest's defaults), one after another. */
  async loadModel(id: string, opts: LoadOptions & { dtypes?: readonly Dtype[] } = {}): Promise<LoadedModel> {
    const entry = findModel(this.manifest, id);
    const files = new Map<string, Uint8Array>();
    for (const spec of filesFor(entry, opts.dtypes ?? entry.defaultDtypes)) {
      files.set(spec.path, await this.loadFile(id, spec.path, opts));
    }
    const bytes = [...files.values()].reduce((n, b) => n + b.length, 0);
    opts.onProgress?.({
      status: 'ready',
      model: id,
      file: '',
      files: [...files.keys()],
      loaded: bytes,
      total: bytes,
      progress: 100,
    });
    return { entry, files };
  }

  /** One verified file. Emits `initiate`, `progress`…, `done` (or `error`) for it. */
  async loadFile(id: string, path: string, opts: LoadOptions = {}): Promise<Uint8Array> {
    const entry = findModel(this.manifest, id);
    const spec = findFile(entry, path);
    if (!spec) throw new UnknownModelError(`model "${id}": the manifest lists no file "${path}"`);
    const state = { loaded: 0, total: spec.size ?? 0 };
    try {
      return await this.loadVerified(entry, spec, state, opts);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      opts.onProgress?.({
        status: 'error',
        model: id,
        file: path,
        loaded: state.loaded,
        total: state.total,
        progress: percent(state.loaded, state.total),
        error: { name: err.name, message: err.message },
      });
      throw err;
    }
  }

  private async loadVerified(
    entry: ModelEntry,
    spec: ModelFileSpec,
    state: { loaded: number; total: number },
    opts: LoadOptions,
  ): Promise<Uint8Array> {
    const { onProgress, signal } = opts;
    const key = ModelLoader.cacheKey(entry, spec.path);
    const cache = await this.cache();
    const cached = await cache?.match(key);
    if (cached) {
      const bytes = new Uint8Array(await cached.arrayBuffer());
      if ((await this.problem(entry, spec, bytes)) === null) {
        const ev = { model: entry.id, file: spec.path, total: bytes.length, source: 'cache' as const };
        onProgress?.({ ...ev, status: 'initiate', loaded: 0, progress: 0 });
        state.loaded = state.total = bytes.length;
        onProgress?.({ ...ev, status: 'done', loaded: bytes.length, progress: 100 });
        return bytes;
      }
      await cache?.delete(key); // a damaged entry must not shadow a good copy
    }

    const { response, source, url } = await this.open(entry, spec, signal);
    const bytes = await readWithProgress(response, entry, spec, url, source, state, opts);
    const problem = await this.problem(entry, spec, bytes, url);
    if (problem) throw new ModelIntegrityError(problem);
    try {
      await cache?.put(key, new Response(bytes as Uint8Array<ArrayBuffer>));
    } catch {
      // Quota or private mode: the file still works, it just is not kept.
    }
    onProgress?.({
      status: 'done',
      model: entry.id,
      file: spec.path,
      loaded: bytes.length,
      total: bytes.length,
      progress: 100,
      source,
    });
    return bytes;
  }

  /** Finds the first source that has the file: local folder, then the Hub when allowed. */
  private async open(
    entry: ModelEntry,
    spec: ModelFileSpec,
    signal: AbortSignal | undefined,
  ): Promise<{ response: Response; source: ModelSource; url: string }> {
    const what = `model "${entry.id}" file "${spec.path}"`;
    const local = this.localUrl(entry, spec.path);
    if (local !== null) {
      const response = await this.get(local, what, signal);
      // A dev server's single-page fallback answers a missing file with index.html (200): that is "not here".
      const page = response.headers.get('content-type')?.startsWith('text/html') === true;
      if (response.ok && !page) return { response, source: 'local', url: local };
      if (response.status !== 404 && !page) throw httpError(what, local, response);
      if (page) await response.body?.cancel().catch(() => undefined);
    }
    const bundled = bundledFiles.get(`${entry.id}/${spec.path}`);
    if (bundled !== undefined) {
      const response = await this.get(bundled, what, signal, [originOf(bundled) ?? 'self']);
      if (response.ok) return { response, source: 'local', url: bundled };
      if (response.status !== 404) throw httpError(what, bundled, response);
    }
    const where = local === null ? '' : ` is not at ${local} (404)`;
    const hub = this.hubUrl(entry, spec.path);
    if (hub === null) {
      throw new ModelUnavailableError(
        `${what}${where} and the model has no Hub source: copy it there (see public/models/README.md)`,
      );
    }
    if (!this.allowNetwork) {
      throw new ModelUnavailableError(
        `${what}${where} and downloads from the Hugging Face Hub are off: allow downloads in settings, or run \`npm run models\``,
      );
    }
    const response = await this.get(hub, what, signal);
    if (response.status === 404) {
      throw new ModelUnavailableError(
        `${what} is not on the Hub at ${hub} (404): check the manifest's repo, revision and path`,
      );
    }
    if (!response.ok) throw httpError(what, hub, response);
    return { response, source: 'hub', url: hub };
  }

  private async get(
    url: string,
    what: string,
    signal: AbortSignal | undefined,
    extraOrigins: readonly string[] = [],
  ): Promise<Response> {
    const origins = [...this.origins, ...extraOrigins];
    if (!originAllowed(url, origins))
      throw new ModelOriginError(
        `${what}: ${url} is not on an allowed model origin (${this.origins.join(', ')}); check the models base URL and the Hub URL`,
      );
    let response: Response;
    try {
      response = await this.fetchFn(url, signal ? { signal } : undefined);
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      const cause = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
      throw new ModelFetchError(
        `${what}: could not reach ${url} (${cause}): check the network or the server`,
      );
    }
    // fetch follows redirects by itself; the final URL must still be one we may load from.
    if (response.url && response.url !== url && !originAllowed(response.url, origins)) {
      await response.body?.cancel().catch(() => undefined);
      throw new ModelOriginError(
        `${what}: ${url} redirected to ${response.url}, which is not an allowed model origin (${this.origins.join(', ')}); refused`,
      );
    }
    return response;
  }

  /** Why the bytes are not the manifest's, or null when they are. */
  private async problem(
    entry: ModelEntry,
    spec: ModelFileSpec,
    bytes: Uint8Array,
    url = 'the cache',
  ): Promise<string | null> {
    const what = `model "${entry.id}" file "${spec.path}" from ${url}`;
    if (spec.size !== null && bytes.length !== spec.size) {
      const how = bytes.length < spec.size ? 'is truncated' : 'is too long';
      return `${what} ${how}: ${bytes.length} bytes, the manifest says ${spec.size}; fetch it again (npm run models)`;
    }
    if (spec.sha256 !== null) {
      const actual = await sha256Hex(bytes);
      if (actual !== spec.sha256) {
        return `${what} is corrupt: sha256 ${actual} but the manifest pins ${spec.sha256}; delete it and fetch it again (npm run models)`;
      }
    }
    return null;
  }

  private cache(): Promise<CacheLike | null> {
    this.cachePromise ??=
      this.options.cache !== undefined ? Promise.resolve(this.options.cache) : openDefaultCache();
    return this.cachePromise;
  }
}

/** The Cache API where there is one (pages and workers on a secure origin); null elsewhere. */
export async function openDefaultCache(): Promise<CacheLike | null> {
  if (typeof caches === 'undefined') return null;
  try {
    const c = await caches.open(MODEL_CACHE_NAME);
    return { match: (k) => c.match(k), put: (k, r) => c.put(k, r), delete: (k) => c.delete(k) };
  } catch {
    return null; // e.g. an opaque origin, where the Cache API throws
  }
}

async function readWithProgress(
  response: Response,
  entry: ModelEntry,
  spec: ModelFileSpec,
  url: string,
  source: ModelSource,
  state: { loaded: number; total: number },
  { onProgress, signal }: LoadOptions,
): Promise<Uint8Array> {
  const length = Number(response.headers.get('content-length'));
  // Content-Length counts compressed bytes when the body is encoded, so it is a size only without encoding.
  const plainLength = !response.headers.get('content-encoding') && Number.isSafeInteger(length) && length > 0;
  state.total = spec.size ?? (plainLength ? length : 0);
  const base = { model: entry.id, file: spec.path };
  onProgress?.({ ...base, status: 'initiate', loaded: 0, total: state.total, progress: 0, source });
  const chunks: Uint8Array[] = [];
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      if (signal?.aborted) {
        await reader.cancel();
        throw signal.reason;
      }
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      state.loaded += value.length;
      if (spec.size !== null && state.loaded > spec.size) {
        await reader.cancel();
        throw new ModelIntegrityError(
          `model "${entry.id}" file "${spec.path}" from ${url} is too long: more than the ${spec.size} bytes the manifest says; the manifest or the file is out of date`,
        );
      }
      const total = Math.max(state.total, state.loaded);
      onProgress?.({
        ...base,
        status: 'progress',
        loaded: state.loaded,
        total,
        progress: percent(state.loaded, total),
      });
    }
  }
  const bytes = concat(chunks, state.loaded);
  if (spec.size === null && plainLength && bytes.length !== length) {
    throw new ModelIntegrityError(
      `model "${entry.id}" file "${spec.path}" from ${url} is truncated: ${bytes.length} of ${length} bytes arrived; fetch it again`,
    );
  }
  return bytes;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function httpError(what: string, url: string, response: Response): ModelFetchError {
  return new ModelFetchError(
    `${what}: ${url} answered HTTP ${response.status} ${response.statusText}; try again later`,
  );
}

/** The origin of an absolute URL; null for a path (which stays on the page's origin). */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** `self` = the page's origin (or any relative URL); `https://*.host` = any subdomain of host. */
export function originAllowed(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  const self = typeof location === 'undefined' ? null : location.origin;
  if (origin === null) return origins.includes('self');
  if (origin === self && origins.includes('self')) return true;
  const { protocol, hostname } = new URL(url);
  return origins.some((o) => {
    const wild = /^([a-z]+:)\/\/\*\.(.+)$/.exec(o);
    return wild ? protocol === wild[1] && hostname.endsWith(`.${wild[2]}`) : o === origin;
  });
}

function trimSlash(url: string | null): string | null {
  return url === null ? null : url.replace(/\/+$/, '');
}
