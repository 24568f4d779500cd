import type { FileSource } from '../../core/sequence/fileSource';
import { InvalidRequestError } from '../errors';
import type { SequenceFileEntry } from './types';

/**
 * A FileSource over Blobs posted from the page (picked File objects). Bytes are read here, in the worker,
 * only when a frame asks for them: picking a 2 GB folder costs the page nothing.
 */
export function blobFileSource(entries: readonly SequenceFileEntry[]): FileSource {
  const files = new Map(entries.map((e) => [e.path, e.file]));
  return {
    list: () => [...files.keys()],
    read: async (path) => {
      const f = files.get(path);
      if (!f)
        throw new InvalidRequestError(`${path}: not in the picked folder — pick the sequence folder itself`);
      return new Uint8Array(await f.arrayBuffer());
    },
  };
}
