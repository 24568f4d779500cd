import { createHash } from 'node:crypto';

/**
 * Build-time (Node) half of the service worker: which built files to precache, and a version that changes
 * whenever any of them does. Models and wasm are not precached (tens of MB a visitor may never need): the
 * worker caches them on first use instead.
 */
// The shell is what the bundler emitted (HTML pages, assets/) plus top-level public files (favicon) and the model
// manifest, which is tiny and must change with the build that reads it. Data folders that public/ happens to hold
// (models, test fixtures) are left to the runtime cache, which stores what is actually used.
const INCLUDED = [/^[^/]+$/, /^assets\//, /\.html$/, /^models\/manifest\.json$/];
const EXCLUDED = [/^sw\.js$/, /\.map$/, /\.wasm$/, /(^|\/)\.[^/]+$/];

/** Paths relative to the site root, posix separators. `index.html` also stands for the root itself. */
export function selectPrecache(paths: readonly string[]): string[] {
  const kept = paths
    .filter((p) => INCLUDED.some((re) => re.test(p)) && !EXCLUDED.some((re) => re.test(p)))
    .sort();
  return kept.includes('index.html') ? ['', ...kept] : kept;
}

/** A short hash over every precached file's path and bytes: the shell cache's version. */
export function precacheVersion(files: readonly { path: string; bytes: Uint8Array }[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    h.update(f.path);
    h.update('\0');
    h.update(createHash('sha256').update(f.bytes).digest());
  }
  return h.digest('hex').slice(0, 16);
}
