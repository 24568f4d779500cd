import type { FileSource } from '../core/sequence/fileSource';

/** A picked or dropped folder that cannot be a sequence (no files, or nothing readable). */
export class PickedFilesError extends Error {
  override name = 'PickedFilesError';
}

/**
 * A FileSource over browser File objects, keyed by path relative to the sequence folder ("image/00000.jpg").
 * Files are only read when asked for, so picking a 2 GB folder costs nothing until frames are processed.
 */
export function browserFileSource(files: ReadonlyMap<string, File>): FileSource {
  return {
    list: () => [...files.keys()],
    read: async (path) => {
      const f = files.get(path);
      if (!f)
        throw new PickedFilesError(`${path}: not in the picked folder — pick the sequence folder itself`);
      return new Uint8Array(await f.arrayBuffer());
    },
  };
}

/** A picked or dropped sequence folder: its name (for the scene) and its files by relative path. */
export interface PickedFolder {
  readonly name: string;
  readonly files: Map<string, File>;
}

/** The folder's own name: the first path segment shared by every file, else a generic name. */
export function folderName(paths: readonly string[]): string {
  const tops = new Set(paths.map((p) => (p.includes('/') ? p.split('/')[0] : '')));
  const [only] = [...tops];
  return tops.size === 1 && only && only !== 'image' && only !== 'depth' ? only : 'Sequence';
}

/**
 * Files from `<input type=file webkitdirectory>`: each has webkitRelativePath "picked/image/00000.jpg".
 * The picked folder's own name is stripped, so paths start at the sequence root. Hidden files are skipped.
 */
export function filesFromDirectoryInput(list: ArrayLike<File>): PickedFolder {
  const entries: [string, File][] = [];
  for (let i = 0; i < list.length; i++) {
    const f = list[i];
    entries.push([f.webkitRelativePath || f.name, f]);
  }
  return { name: folderName(entries.map(([p]) => p)), files: normalisePaths(entries) };
}

/**
 * Files from a drop: folders are walked (webkitGetAsEntry), loose files keep their names. Dropping the sequence
 * folder itself or its contents (image/, depth/, trajectory.log …) both work.
 */
export async function filesFromDrop(items: DataTransferItemList): Promise<PickedFolder> {
  const entries: FileSystemEntry[] = [];
  for (let i = 0; i < items.length; i++) {
    const e = items[i].kind === 'file' ? items[i].webkitGetAsEntry() : null;
    if (e) entries.push(e);
  }
  const out: [string, File][] = [];
  for (const e of entries) await walk(e, '', out);
  return { name: folderName(out.map(([p]) => p)), files: normalisePaths(out) };
}

async function walk(entry: FileSystemEntry, prefix: string, out: [string, File][]): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push([path, file]);
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns batches (100 at a time in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, path, out);
  }
}

/** Strips one shared top-level folder (when every path has it) and drops hidden files like .DS_Store. */
export function normalisePaths(entries: readonly [string, File][]): Map<string, File> {
  const visible = entries
    .map(([p, f]) => [p.replace(/\\/g, '/').replace(/^\/+/, ''), f] as [string, File])
    .filter(([p]) => !p.split('/').some((part) => part.startsWith('.')));
  if (visible.length === 0)
    throw new PickedFilesError('The picked folder has no files — pick a sequence folder with image/');
  const tops = new Set(visible.map(([p]) => (p.includes('/') ? p.split('/')[0] : '')));
  const [onlyTop] = [...tops];
  // Strip the shared top folder unless it is itself one of the sequence's own folders (image/, depth/).
  const strip = tops.size === 1 && onlyTop !== '' && onlyTop !== 'image' && onlyTop !== 'depth';
  return new Map(visible.map(([p, f]) => [strip ? p.slice(onlyTop.length + 1) : p, f]));
}
