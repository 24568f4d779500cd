/**
 * The built-in demo scene's files, generated once per page in a throwaway worker and shared by every
 * `<spatial-mosaic>` on it (each element still fuses them in its own perception worker; decoding copies the
 * bytes, so sharing is safe).
 */
let demo: Promise<ReadonlyMap<string, Uint8Array>> | undefined;

export class DemoSceneError extends Error {
  override name = 'DemoSceneError';
}

export function demoFiles(): Promise<ReadonlyMap<string, Uint8Array>> {
  demo ??= new Promise<ReadonlyMap<string, Uint8Array>>((resolve, reject) => {
    const worker = new Worker(new URL('./demoScene.worker.ts', import.meta.url), {
      type: 'module',
      name: 'spatial-mosaic-demo',
    });
    worker.onmessage = (e: MessageEvent<[string, Uint8Array][]>) => {
      worker.terminate();
      resolve(new Map(e.data));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(
        new DemoSceneError(
          `The demo scene generator failed to start (${e.message || 'script error'}); reload the page.`,
        ),
      );
    };
  });
  demo.catch(() => (demo = undefined));
  return demo;
}
