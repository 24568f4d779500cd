import { proxy } from 'comlink';
import { useCallback, useRef, useState } from 'react';
import { MOSAIC_SCHEMA_VERSION, type Mosaic } from '../core/mosaic/types';
import { newRequestId } from '../runtime/clients';
import type { PerceptionApi } from '../runtime/PerceptionApi';
import {
  DEMO_SCENE_ID,
  type BuildResult,
  type BuildUpdate,
  type BuildUpdateCallback,
} from '../runtime/jobs/types';
import { framesItem } from './progressItems';
import type { PickedFolder } from './sequenceFiles';
import type { LibraryApi } from './useSceneLibrary';
import type { ModelStatus, ProgressItem } from './uiTypes';
import { liveModels } from './sources/useLiveSource';
import { perceptionApi } from './workerClients';
import type { Remote } from 'comlink';
import { userMessage } from '../runtime/userMessage';

/** The scene in the view: its mosaic, and what produced the objects in it (for the honest status line). */
export interface OpenScene {
  readonly id: string;
  readonly name: string;
  readonly mosaic: Mosaic;
  readonly perceptionSource: string;
  /** The models that perceived it in the worker (a folder built with YOLOX), for the header; none for saved scenes. */
  readonly models?: readonly ModelStatus[];
  /** What the scene lacks when it is not complete (frames skipped, stopped early). */
  readonly partial?: string;
}

export interface SceneController {
  readonly scene?: OpenScene;
  readonly progress: readonly ProgressItem[];
  readonly processing: boolean;
  openDemo(): Promise<void>;
  openFolder(folder: PickedFolder): Promise<void>;
  openStored(id: string): Promise<void>;
  importFile(file: File): Promise<void>;
  /** Shows a scene built elsewhere (a live source) in the view. */
  show(scene: OpenScene | undefined): void;
  stop(): void;
}

const MAX_KEYFRAMES = 120;
const PROGRESS_EVERY_MS = 200;
const MOSAIC_EVERY_MS = 1000;

/**
 * At most one call per `ms`; a call inside the window replaces the pending one, which runs when the window
 * ends (so the latest state always shows). `now = true` runs at once.
 */
export function throttle(ms: number): (fn: () => void, now?: boolean) => void {
  let lastAt = -Infinity;
  let pending: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (fn: () => void) => {
    lastAt = performance.now();
    pending = undefined;
    fn();
  };
  return (fn, now = false) => {
    const wait = lastAt + ms - performance.now();
    if (now || wait <= 0) {
      clearTimeout(timer);
      timer = undefined;
      run(fn);
      return;
    }
    pending = fn;
    timer ??= setTimeout(() => {
      timer = undefined;
      if (pending) run(pending);
    }, wait);
  };
}

const emptyMosaic = (): Mosaic => ({
  schemaVersion: MOSAIC_SCHEMA_VERSION,
  up: [0, 0, 1],
  objects: [],
  trajectory: [],
});

/** Where the objects of a mosaic came from, in words, from its provenance record. */
export function describeSource(mosaic: Mosaic, fallback: string): string {
  const s = mosaic.source ?? {};
  return s.detector ?? s.detections ?? fallback;
}

type StartJob = (
  api: Remote<PerceptionApi>,
  onUpdate: BuildUpdateCallback,
  requestId: string,
) => Promise<BuildResult>;

/**
 * Opening scenes: the built-in demo and sequence folders are rendered/decoded and fused frame by frame in the
 * perception worker (which stores them as they grow); the page only shows progress and the growing mosaic, so
 * it stays responsive. Saved and imported scenes load from IndexedDB. Errors go to `onError`.
 */
export function useSceneController(library: LibraryApi, onError: (message: string) => void): SceneController {
  const [scene, setScene] = useState<OpenScene>();
  const [progress, setProgress] = useState<readonly ProgressItem[]>([]);
  const [processing, setProcessing] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  // The scene on screen, for a build that fails: the view goes back to it.
  const shown = useRef<OpenScene | undefined>(undefined);
  shown.current = scene;

  const build = useCallback(
    async (label: string, start: StartJob, perceptionSource: string) => {
      abort.current?.abort();
      const ac = new AbortController();
      abort.current = ac;
      setProcessing(true);
      setProgress([{ id: 'build', label: `Preparing ${label}…` }]);
      // The screen shows the scene being built from the start (its name, then its map as it grows), not the
      // previous one; a build that fails puts the previous one back.
      const previous = shown.current?.id ? shown.current : undefined;
      setScene({ id: '', name: label, mosaic: emptyMosaic(), perceptionSource });
      const requestId = newRequestId('build');
      let sceneId = '';
      // Each shown update costs the page a render and a frame; show progress a few times a second and the
      // growing mosaic about once a second (the last of each always shows).
      const progressGate = throttle(PROGRESS_EVERY_MS);
      const mosaicGate = throttle(MOSAIC_EVERY_MS);
      // Updates come through their own message channel and may arrive after the result: once the result
      // is shown, a late update (or a throttled one still pending) must not replace it.
      let finished = false;
      const current = () => abort.current === ac && !finished;
      const onUpdate = (u: BuildUpdate) => {
        // A newer build took over: its own updates drive the view now.
        if (!current()) return;
        if (u.sceneId) sceneId = u.sceneId;
        const id = sceneId;
        // The last update, and what was fused when stopped, show at once.
        const last = u.done >= u.total || ac.signal.aborted;
        progressGate(() => {
          if (current()) setProgress([framesItem('build', u.label, u.done, u.total)]);
        }, last);
        const mosaic = u.mosaic;
        if (mosaic)
          mosaicGate(() => {
            if (current())
              setScene({
                id,
                name: label,
                mosaic,
                perceptionSource: u.perception ?? perceptionSource,
                models: liveModels(u.sources),
              });
          }, last);
      };
      try {
        const perception = await perceptionApi();
        // Stop = interrupt in the worker; the job then rejects saying how far it got.
        ac.signal.addEventListener(
          'abort',
          () => void perception.interrupt(requestId).catch(() => undefined),
        );
        const result = await start(perception, proxy(onUpdate), requestId);
        if (current())
          setScene({
            id: result.sceneId,
            name: label,
            mosaic: result.mosaic,
            perceptionSource: result.perception ?? perceptionSource,
            models: liveModels(result.sources),
            ...(result.partial ? { partial: result.partial } : {}),
          });
        finished = true;
        await library.refresh().catch(() => undefined);
      } catch (e) {
        const err = e as Error;
        if (abort.current === ac && err.name !== 'AbortError') setScene(previous);
        onError(err.name === 'AbortError' ? err.message || 'Stopped.' : userMessage(err));
        await library.refresh().catch(() => undefined);
      } finally {
        if (abort.current === ac) {
          abort.current = undefined;
          setProcessing(false);
          setProgress([]);
        }
      }
    },
    [library, onError],
  );

  const openFolder = useCallback(
    (folder: PickedFolder) =>
      build(
        folder.name,
        (api, onUpdate, requestId) =>
          api.buildSequence(
            {
              name: folder.name,
              // File handles: posting them copies no bytes; the worker reads and decodes each frame itself.
              files: [...folder.files].map(([path, file]) => ({ path, file })),
              maxKeyframes: MAX_KEYFRAMES,
            },
            onUpdate,
            { requestId },
          ),
        // Until the worker says (after the first keyframe): what the folder itself may bring.
        'the sequence folder',
      ),
    [build],
  );

  const openStored = useCallback(
    async (id: string) => {
      // Opening another scene ends a build in progress (it stays stored as far as it got); its last
      // updates must not replace the scene opened here.
      const running = abort.current;
      abort.current = undefined;
      if (running) {
        running.abort();
        setProcessing(false);
        setProgress([]);
      }
      try {
        const { meta, mosaic } = await library.load(id);
        setScene({
          id,
          name: meta.name,
          mosaic,
          perceptionSource: describeSource(mosaic, 'saved scene'),
          ...(meta.partial ? { partial: meta.partial } : {}),
        });
      } catch (e) {
        onError(userMessage(e));
      }
    },
    [library, onError],
  );

  // The demo has one library entry: a complete one is reopened, a partial or missing one (re)built in place.
  const openDemo = useCallback(async () => {
    if (library.scenes.some((s) => s.id === DEMO_SCENE_ID && !s.partial)) return openStored(DEMO_SCENE_ID);
    return build(
      'Demo scene',
      (api, onUpdate, requestId) => api.buildDemoScene(onUpdate, { requestId, sceneId: DEMO_SCENE_ID }),
      'demo scene ground truth (detections.json)',
    );
  }, [build, library.scenes, openStored]);

  const importFile = useCallback(
    async (file: File) => {
      try {
        const meta = await library.importFile(file);
        await openStored(meta.id);
      } catch (e) {
        onError(userMessage(e));
      }
    },
    [library, onError, openStored],
  );

  return {
    scene,
    progress,
    processing,
    openDemo,
    openFolder,
    openStored,
    importFile,
    show: setScene,
    stop: () => abort.current?.abort(),
  };
}
