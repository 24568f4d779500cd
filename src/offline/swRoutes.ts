/**
 * The service worker's decisions, as pure functions so they are tested in Node: which strategy a request
 * gets, the cache names, and the cross-origin-isolation headers on what it serves.
 */
export const SHELL_CACHE_PREFIX = 'spatial-mosaic-shell-';
export const RUNTIME_CACHE_PREFIX = 'spatial-mosaic-runtime-';
/** Bump when what the runtime cache holds changes meaning; models survive app updates otherwise. */
export const RUNTIME_CACHE_VERSION = 1;

export interface CacheNames {
  /** The app shell and built assets of one build (its version is a hash of the files). */
  readonly shell: string;
  /** ORT wasm and models, fetched on first use. */
  readonly runtime: string;
}

export function cacheNames(buildVersion: string): CacheNames {
  return {
    shell: `${SHELL_CACHE_PREFIX}${buildVersion}`,
    runtime: `${RUNTIME_CACHE_PREFIX}v${RUNTIME_CACHE_VERSION}`,
  };
}

/** Caches of ours that the current names replace. Other caches (the model loader's, the host's) are left alone. */
export function staleCaches(existing: readonly string[], current: CacheNames): string[] {
  return existing.filter(
    (n) =>
      (n.startsWith(SHELL_CACHE_PREFIX) || n.startsWith(RUNTIME_CACHE_PREFIX)) &&
      n !== current.shell &&
      n !== current.runtime,
  );
}

/**
 * - `pass`: not ours to answer (other origins, non-GET, range requests, the service worker script).
 * - `navigate`: network first, so a deploy is seen at once; the cached shell when offline.
 * - `shell`: a precached built file: cache first (names are content-hashed).
 * - `runtime`: models and wasm: cache first, filled on first use; a `cache: 'reload'` request refetches
 *   (the model loader's way out when bytes fail its size/hash check).
 * - `network`: anything else of ours: network, then whatever a cache has.
 */
export type Route = 'pass' | 'navigate' | 'shell' | 'runtime' | 'network';

export interface RouteRequest {
  readonly method: string;
  readonly url: string;
  readonly mode: string;
  readonly hasRange: boolean;
}

export function routeFor(req: RouteRequest, scope: string, shell: ReadonlySet<string>): Route {
  if (req.method !== 'GET' || req.hasRange) return 'pass';
  const url = new URL(req.url);
  const base = new URL(scope);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return 'pass';
  const rel = url.pathname.slice(base.pathname.length);
  if (rel === 'sw.js') return 'pass';
  if (req.mode === 'navigate' || rel === '' || rel.endsWith('.html')) return 'navigate';
  if (shell.has(url.origin + url.pathname)) return 'shell';
  if (rel.startsWith('models/') || rel.endsWith('.wasm')) return 'runtime';
  return 'network';
}

/** The cache key of a navigation: its path without query (`/?backend=wasm` is the shell's `/`). */
export function navigationKey(url: string): string {
  const u = new URL(url);
  return u.origin + u.pathname;
}

export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A response the worker serves must keep COOP/COEP, or the page loses cross-origin isolation (and wasm its
 * threads). Cached responses normally keep the server's headers; this adds any that are missing, so the
 * shell is isolated even from a cache filled by a server that forgot them. Opaque responses are left alone.
 */
export function withIsolationHeaders(res: Response): Response {
  if (res.type === 'opaque' || res.type === 'opaqueredirect' || res.status === 0) return res;
  const missing = Object.keys(ISOLATION_HEADERS).filter((h) => !res.headers.has(h));
  if (missing.length === 0) return res;
  const headers = new Headers(res.headers);
  for (const h of missing) headers.set(h, ISOLATION_HEADERS[h]);
  return new Response(NULL_BODY.has(res.status) ? null : res.body, {
    status: res.status,
    statusText: res.statusText,
    headers,
  });
}
