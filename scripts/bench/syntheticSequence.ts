import type { FrameSequence } from '../../src/core/pipeline';
import type { SyntheticScene } from '../../src/core/synthetic/generateScene';

/**
 * A generated scene in memory as a sequence folder would open (poses, depth, detections.json per frame), so the
 * benches fuse it through the same pipeline core as a real folder.
 */
export function syntheticSequence(
  scene: Pick<SyntheticScene, 'frames' | 'intrinsics'>,
): FrameSequence & { readonly hasDepth: true; time(index: number): number } {
  const frameIds = scene.frames.map((f) => String(f.index).padStart(5, '0'));
  return {
    frameCount: scene.frames.length,
    frameIds,
    intrinsics: scene.intrinsics,
    poses: scene.frames.map((f) => f.pose),
    detections: scene.frames.map((f) => f.detections),
    hasDepth: true,
    time: (i) => scene.frames[i].time,
    readFrame: async (i) => {
      const f = scene.frames[i];
      return { index: i, id: frameIds[i], rgb: f.rgb, depth: f.depth };
    },
  };
}
