/**
 * Where a sequence folder's files come from: the Node CLI (a directory on disk), a folder picked in the
 * browser, dropped files, or memory in tests. Paths are relative, '/'-separated ("image/00000.jpg").
 * `list()` is synchronous so that a folder can be validated up front; adapters list once, then read lazily.
 */
export interface FileSource {
  list(): string[];
  read(path: string): Promise<Uint8Array>;
}

/** A FileSource over in-memory files (tests, small uploads). Strings are stored as UTF-8. */
export function memoryFileSource(files: Record<string, Uint8Array | string>): FileSource {
  const encoder = new TextEncoder();
  const map = new Map<string, Uint8Array>();
  for (const [p, v] of Object.entries(files)) map.set(p, typeof v === 'string' ? encoder.encode(v) : v);
  return {
    list: () => [...map.keys()],
    read: async (p) => {
      const v = map.get(p);
      if (!v) throw new Error(`${p}: no such file`);
      return v;
    },
  };
}
