import { useCallback, useRef, useState } from 'react';
import type { Vec3 } from '../core/geometry/types';
import { inferUpFromTrajectory } from '../core/fusion/inferUp';
import type { Mosaic } from '../core/mosaic/types';
import { memoryFileSource, openSequence, type FileSource } from '../core/sequence';
import { makeDemoScene } from '../core/synthetic/sceneFiles';
import { transferFrame } from '../runtime/clients';
import { processSequence } from './processSequence';
import { framesItem } from './progressItems';
import { browserFileSource, type PickedFolder } from './sequenceFiles';
import type { LibraryApi } from './useSceneLibrary';
import type { ProgressItem } from './uiTypes';
import { perceptionApi } from './workerClients';

/** The scene in the view: its mosaic, and what produced the objects in it (for the honest status line). */
export interface OpenScene {
  readonly id: string;
  readonly name: string;
  readonly mosaic: Mosaic;
  readonly perceptionSource: string;
}

export interface SceneController {
  readonly scene?: OpenScene;
  readonly progress: readonly ProgressItem[];
  readonly processing: boolean;
  openDemo(): Promise<void>;
  openFolder(folder: PickedFolder): Promise<void>;
  openStored(id: string): Promise<void>;
  importFile(file: File): Promise<void>;
  stop(): void;
}

const MAX_KEYFRAMES = 120;
const nextPaint = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Where the objects of a mosaic came from, in words, from its provenance record. */
export function describeSource(mosaic: Mosaic, fallback: string): string {
  const s = mosaic.source ?? {};
  return s.detector ?? s.detections ?? fallback;
}

/**
 * Opening scenes: the built-in demo and sequence folders are fused frame by frame in the perception worker
 * (which stores them as they grow); saved and imported scenes load from IndexedDB. Errors go to `onError`.
 */
export function useSceneController(library: LibraryApi, onError: (message: string) => void): SceneController {
  const [scene, setScene] = useState<OpenScene>();
  const [progress, setProgress] = useState<readonly ProgressItem[]>([]);
  const [processing, setProcessing] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);

  const build = useCallback(
    async (
      label: string,
      source: () => Promise<FileSource> | FileSource,
      perceptionSource: string,
      up?: Vec3,
    ) => {
      abort.current?.abort();
      const ac = new AbortController();
      abort.current = ac;
      setProcessing(true);
      setProgress([{ id: 'build', label: `Preparing ${label}…` }]);
      try {
        await nextPaint();
        const files = await source();
        const seq = await openSequence(files);
        // World up: a generated scene says (groundtruth.json); otherwise infer it from how the camera was held.
        const upFromGt =
          up ?? (await groundTruthUp(files)) ?? (seq.poses ? inferUpFromTrajectory(seq.poses) : undefined);
        const perception = await perceptionApi();
        let sceneId = '';
        const result = await processSequence(seq, perception, {
          name: label,
          ...(upFromGt ? { up: upFromGt } : {}),
          signal: ac.signal,
          // Until a keyframe selector lands: at most ~120 keyframes, spread evenly over the sequence.
          stride: Math.ceil(seq.frameCount / MAX_KEYFRAMES),
          prepare: transferFrame,
          onScene: (id) => (sceneId = id),
          onFrame: (done, total) => setProgress([framesItem('build', `Fusing ${label}`, done, total)]),
          onMosaic: (mosaic) => setScene({ id: sceneId, name: label, mosaic, perceptionSource }),
        });
        setScene({ id: result.sceneId, name: label, mosaic: result.mosaic, perceptionSource });
        await library.refresh().catch(() => undefined);
      } catch (e) {
        const err = e as Error;
        onError(err.name === 'AbortError' ? err.message || 'Stopped.' : `${err.name}: ${err.message}`);
      } finally {
        if (abort.current === ac) abort.current = undefined;
        setProcessing(false);
        setProgress([]);
      }
    },
    [library, onError],
  );

  const openDemo = useCallback(
    () =>
      build(
        'Demo scene',
        // Generating the demo's frames takes a few seconds of CPU; it runs once per page, on demand.
        () => memoryFileSource(Object.fromEntries(makeDemoScene())),
        'demo scene ground truth (detections.json)',
      ),
    [build],
  );

  const openFolder = useCallback(
    (folder: PickedFolder) =>
      build(folder.name, () => browserFileSource(folder.files), 'detections.json from the sequence folder'),
    [build],
  );

  const openStored = useCallback(
    async (id: string) => {
      // Opening another scene ends a build in progress (it stays stored as far as it got).
      abort.current?.abort();
      try {
        const { meta, mosaic } = await library.load(id);
        setScene({ id, name: meta.name, mosaic, perceptionSource: describeSource(mosaic, 'saved scene') });
      } catch (e) {
        onError(`${(e as Error).name}: ${(e as Error).message}`);
      }
    },
    [library, onError],
  );

  const importFile = useCallback(
    async (file: File) => {
      try {
        const meta = await library.importFile(file);
        await openStored(meta.id);
      } catch (e) {
        onError(`${(e as Error).name}: ${(e as Error).message}`);
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
    stop: () => abort.current?.abort(),
  };
}

/** A generated scene's groundtruth.json says which way is up. */
async function groundTruthUp(files: FileSource): Promise<Vec3 | undefined> {
  const path = files.list().find((p) => p === 'groundtruth.json' || p.endsWith('/groundtruth.json'));
  if (!path) return undefined;
  try {
    const gt = JSON.parse(new TextDecoder().decode(await files.read(path))) as { up?: unknown };
    const up = gt.up;
    return Array.isArray(up) && up.length === 3 && up.every((v) => typeof v === 'number')
      ? (up as unknown as Vec3)
      : undefined;
  } catch {
    return undefined;
  }
}
