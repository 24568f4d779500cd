/**
 * `spatial-mosaic` in Node: everything of the headless API (./index.ts) plus scenes from paths on disk — a
 * mosaic file, or a sequence folder whose detections come from its detections.json or from YOLOX-Nano
 * (the bundled model, run by the optional peer dependency onnxruntime-node).
 *
 * @packageDocumentation
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openNodeFileSource } from '../cli/nodeFileSource';
import type { SequenceFrame } from '../core/sequence/openSequence';
import { YoloxNodeDetector } from '../engines/detector/yoloxNode';
import { parseMosaicFile } from '../storage/mosaicFile';
import type { Mosaic } from '../core/mosaic/types';
import { openSequenceScene, Scene, type SequenceSceneOptions } from './scene';

export * from './index';

/**
 * The models folder shipped with the package (`<dir>/yolox-nano/yolox_nano.onnx`, pinned by the manifest). The
 * compiled module sits two folders below the package root, as its source does.
 */
export const BUNDLED_MODELS_DIR: string = fileURLToPath(new URL('../../public/models', import.meta.url));

/** Reads and validates a mosaic file; throws `MosaicFileError` naming the file and the problem. */
export async function readMosaicFile(file: string): Promise<Mosaic> {
  return parseMosaicFile(await readFile(file, 'utf8'), file);
}

export interface SequenceFolderOptions extends Omit<SequenceSceneOptions, 'detect'> {
  /** 'file': the folder's detections.json (default when present); 'yolox': YOLOX-Nano on the frames. */
  readonly detector?: 'file' | 'yolox';
  /** Models folder for YOLOX (default: the package's bundled model). */
  readonly modelsDir?: string;
}

/** A scene over a sequence folder on disk (see `openSequenceScene`); call `dispose()` to free the detector. */
export async function openSequenceFolder(
  dir: string,
  options: SequenceFolderOptions = {},
): Promise<Scene & { dispose(): Promise<void> }> {
  const source = await openNodeFileSource(dir);
  const hasDetections = source.list().some((p) => p.replace(/\\/g, '/').endsWith('detections.json'));
  const useYolox = options.detector === 'yolox' || (options.detector === undefined && !hasDetections);
  const detector = useYolox
    ? new YoloxNodeDetector({ modelsDir: options.modelsDir ?? BUNDLED_MODELS_DIR })
    : undefined;
  const { detector: _d, modelsDir: _m, ...rest } = options;
  try {
    const scene = await openSequenceScene(source, {
      ...rest,
      ...(detector
        ? { detect: (frame: SequenceFrame, signal?: AbortSignal) => detector.detect(frame.rgb, { signal }) }
        : {}),
    });
    return Object.assign(scene, { dispose: async () => detector?.dispose() });
  } catch (e) {
    await detector?.dispose();
    throw e;
  }
}

/** A mosaic file or a sequence folder, whichever the path is. */
export async function openScene(
  file: string,
  options: SequenceFolderOptions = {},
): Promise<Scene & { dispose(): Promise<void> }> {
  const st = await stat(file);
  if (st.isDirectory()) return openSequenceFolder(file, options);
  const scene = Scene.fromMosaic(
    await readMosaicFile(file),
    options.budget ? { budget: options.budget } : {},
  );
  return Object.assign(scene, { dispose: async () => undefined });
}
