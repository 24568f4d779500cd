// (c) A strict browser consumer (bundler resolution): the element, its events, the headless API, a worker pool.
import { Scene, type FrameInput } from 'spatial-mosaic';
import {
  SpatialMosaicElement,
  createWorkerPool,
  type SpatialMosaicAnswer,
  type WorkerRestart,
} from 'spatial-mosaic/element';

const el = document.createElement('spatial-mosaic');
const typed: SpatialMosaicElement = el;
typed.addEventListener('answer', (e) => console.log((e as CustomEvent<SpatialMosaicAnswer>).detail.answer));
typed.addEventListener('worker-restart', (e) =>
  console.log((e as CustomEvent<WorkerRestart>).detail.message),
);
typed.workers = createWorkerPool({
  perception: () => new Worker(new URL('./perception.worker.js', import.meta.url), { type: 'module' }),
  reasoner: () => new Worker(new URL('./reasoner.worker.js', import.meta.url), { type: 'module' }),
});

export async function ask(): Promise<string> {
  const a = await typed.ask('How many chairs are there?');
  return a.answer;
}

export function fuse(frame: FrameInput): number {
  const scene = Scene.fromFrames({ up: [0, 0, 1] });
  return scene.addFrame(frame).created;
}

// @ts-expect-error the element's ask takes a question string
void typed.ask(7);
