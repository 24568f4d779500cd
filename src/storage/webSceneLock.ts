import type { SceneLock } from './SceneStore';

/**
 * The browser's cross-tab lock (Web Locks API, in pages and workers of one origin) as a SceneLock; undefined
 * where it is missing (Node, old browsers), where SceneStore's in-context queue is all there is. A tab that
 * closes or crashes while holding the lock releases it, so a dead writer never blocks the scene.
 */
export function webSceneLock(
  locks: LockManager | undefined = globalThis.navigator?.locks,
): SceneLock | undefined {
  if (!locks?.request) return undefined;
  // request() resolves with fn's resolved value; its typing wraps it once more, which then() unwraps.
  return <T>(name: string, fn: () => Promise<T>) =>
    locks.request(name, { mode: 'exclusive' }, fn).then((v) => v);
}
