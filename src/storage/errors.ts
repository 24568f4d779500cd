/** Named storage errors: each message says what happened and what the user can do. */

/** The browser refused a write because the origin's storage quota is used up. What was committed before is kept. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

export class SceneNotFoundError extends Error {
  override name = 'SceneNotFoundError';
}

/** A stored scene whose committed records are missing or malformed (e.g. site data partly cleared). */
export class CorruptSceneError extends Error {
  override name = 'CorruptSceneError';
}

/** The database was written by a newer version of the app than this one. */
export class StorageVersionError extends Error {
  override name = 'StorageVersionError';
}

/** An imported mosaic file that cannot be used; the message names the file and the field. */
export class MosaicFileError extends Error {
  override name = 'MosaicFileError';
}

export const isQuotaError = (err: unknown): boolean => {
  const name = (err as { name?: unknown } | null)?.name;
  // Firefox historically used NS_ERROR_DOM_QUOTA_REACHED; Chromium and Safari use QuotaExceededError.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
};
