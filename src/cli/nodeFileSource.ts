import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileSource } from '../core/sequence/fileSource';
import { UserError } from './command';

/** Sequence folders are two levels deep (image/00000.jpg); a little slack, but never a whole disk walk. */
const MAX_DEPTH = 3;
const MAX_FILES = 200_000;

/** A FileSource over a directory on disk: lists it once, reads files on demand. */
export async function openNodeFileSource(dir: string): Promise<FileSource> {
  const st = await stat(dir).catch(() => undefined);
  if (!st)
    throw new UserError(`${dir}: no such folder (give the path of a sequence folder with image/ inside)`);
  if (!st.isDirectory()) throw new UserError(`${dir}: is a file, not a sequence folder`);
  const files: string[] = [];
  const walk = async (rel: string, depth: number): Promise<void> => {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = rel ? `${rel}/${e.name}` : e.name;
      // Follow symbolic links (a sequence's image/ is often a link into a data set).
      const kind = e.isSymbolicLink() ? await stat(path.join(dir, p)).catch(() => undefined) : e;
      if (!kind) continue; // a dangling link
      if (kind.isDirectory()) {
        if (depth < MAX_DEPTH) await walk(p, depth + 1);
      } else if (kind.isFile()) {
        files.push(p);
        if (files.length > MAX_FILES)
          throw new UserError(`${dir}: more than ${MAX_FILES} files; is this a sequence folder?`);
      }
    }
  };
  await walk('', 1);
  return {
    list: () => files.slice(),
    read: async (p) => {
      const buf = await readFile(path.join(dir, p));
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    },
  };
}
