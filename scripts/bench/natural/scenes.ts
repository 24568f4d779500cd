import { readFile } from 'node:fs/promises';
import { generateScene } from '../../../src/core/synthetic/generateScene';
import { boxFromMetaInfo, type BenchBox } from './geometry';

/**
 * The scenes the natural-question set is asked on, as the bench's own upright boxes, and the mosaic file each is
 * asked over. The converter from boxes to a mosaic file is private to the bench (the product has its own).
 */
export interface BenchScene {
  readonly name: string;
  readonly source: 'generated' | 'vsibench';
  readonly boxes: readonly BenchBox[];
  /** Generated scenes know when each object was first seen. */
  readonly hasFirstSeen: boolean;
}

/** Generated scenes' frame rate (the generator's default), for firstSeenTime. */
const FPS = 10;

export function generatedScenes(count: number, frames: number, firstSeed = 101): BenchScene[] {
  const out: BenchScene[] = [];
  for (let i = 0; i < count; i++) {
    const seed = firstSeed + i;
    const gt = generateScene({ seed, frameCount: frames }).groundTruth;
    out.push({
      name: `gen-${seed}`,
      source: 'generated',
      hasFirstSeen: true,
      boxes: gt.objects.map((o) => ({
        id: o.id,
        label: o.label,
        center: o.center,
        size: o.size,
        yaw: o.yaw,
        firstSeenFrame: o.firstSeenFrame,
      })),
    });
  }
  return out;
}

interface MetaBox {
  centroid: number[];
  axesLengths: number[];
  normalizedAxes: number[];
}
type MetaInfo = Record<string, { object_bbox: Record<string, MetaBox[]> }>;

/** VSI-Bench meta_info scenes (README of vsibench-dev: oriented boxes, metres, z up), in file order. */
export async function vsibenchScenes(metaFile: string): Promise<BenchScene[]> {
  const meta = JSON.parse(await readFile(metaFile, 'utf8')) as MetaInfo;
  return Object.entries(meta).map(([name, s]) => {
    const boxes: BenchBox[] = [];
    for (const [label, list] of Object.entries(s.object_bbox))
      list.forEach((m) => boxes.push(boxFromMetaInfo(`o${boxes.length}`, label, m)));
    return { name: `arkit-${name}`, source: 'vsibench', hasFirstSeen: false, boxes };
  });
}

/** The ARCHITECTURE "Mosaic file" of a scene: each box an object seen once with full confidence. */
export function mosaicFileOf(scene: BenchScene): object {
  return {
    schemaVersion: 1,
    up: [0, 0, 1],
    objects: scene.boxes.map((b) => ({
      id: b.id,
      label: b.label,
      labels: [{ label: b.label, weight: 1, count: 1 }],
      center: [...b.center],
      size: [...b.size],
      yaw: b.yaw,
      confidence: 1,
      firstSeenFrame: b.firstSeenFrame ?? 0,
      firstSeenTime: (b.firstSeenFrame ?? 0) / FPS,
      lastSeenFrame: b.firstSeenFrame ?? 0,
      observations: 1,
    })),
    trajectory: [],
    source: { bench: 'natural questions', scene: scene.name },
  };
}
