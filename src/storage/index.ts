/** The storage layer's public API: scenes in IndexedDB, the mosaic file, quota. */
export {
  SceneStore,
  type SceneMeta,
  type KeyframeDelta,
  type StoredScene,
  type SceneCommit,
} from './SceneStore';
export { idbKvStore, MemoryKvStore, type KvStore, DB_NAME, STORE_NAME } from './kv';
export { migrateStore, migrations } from './migrations';
export { parseMosaicFile, toMosaicFile, validateMosaic, MOSAIC_FILE_EXTENSION } from './mosaicFile';
export { storageStatus, requestPersistence, type StorageStatus } from './quota';
export { STORAGE_SCHEMA_VERSION, sceneKeys } from './keys';
export * from './errors';
export { openSceneLibrary } from './openSceneLibrary';
