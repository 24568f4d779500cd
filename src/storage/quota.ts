/**
 * Storage estimate and persistence. Browsers may evict a site's IndexedDB under pressure unless the site
 * asked for persistent storage; a saved room is the user's work, so we ask.
 */
export interface StorageStatus {
  /** Bytes used by this origin, and the quota, when the browser tells. */
  readonly usage: number | null;
  readonly quota: number | null;
  readonly persisted: boolean;
}

type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;

const defaultManager = (): StorageManagerLike | undefined =>
  typeof navigator !== 'undefined' ? navigator.storage : undefined;

export async function storageStatus(manager = defaultManager()): Promise<StorageStatus> {
  if (!manager) return { usage: null, quota: null, persisted: false };
  const [estimate, persisted] = await Promise.all([
    manager.estimate().catch(() => ({}) as StorageEstimate),
    manager.persisted().catch(() => false),
  ]);
  return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
}

/** Asks for persistent storage. Resolves false (never throws) where the browser declines or lacks the API. */
export async function requestPersistence(manager = defaultManager()): Promise<boolean> {
  if (!manager?.persist) return false;
  try {
    return (await manager.persisted()) || (await manager.persist());
  } catch {
    return false;
  }
}
