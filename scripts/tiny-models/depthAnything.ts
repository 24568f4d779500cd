/**
 * Tiny Depth Anything (model_type depth_anything): pixel_values [B,3,H,W] → predicted_depth [B,H,W], H and W
 * multiples of 14 as the DPT processor guarantees. A 14×14 patch "embedding" conv, a 1×1 head, a ×14 bilinear
 * upsample back to input size and a ReLU (Depth Anything's relative output is non-negative disparity).
 */
import { GraphBuilder, f32 } from './onnx-writer';
import type { ModelFolder } from './modelFolder';
import { HUB, hubBytes } from './hubFiles';
import { mulberry32, randomWeights } from './rng';

const PATCH = 14;
const CHANNELS = 8;

export function depthAnythingGraph(seed = 1): Uint8Array {
  const rand = mulberry32(seed);
  const g = new GraphBuilder('tiny_depth_anything');
  g.input('pixel_values', 'float32', ['batch_size', 3, 'height', 'width']);
  const w1 = g.init(
    'patch.weight',
    f32([CHANNELS, 3, PATCH, PATCH], randomWeights(rand, CHANNELS * 3 * PATCH * PATCH, 0.05)),
  );
  const b1 = g.init('patch.bias', f32([CHANNELS], randomWeights(rand, CHANNELS, 0.1)));
  const w2 = g.init('head.weight', f32([1, CHANNELS, 1, 1], randomWeights(rand, CHANNELS, 0.5)));
  const b2 = g.init('head.bias', f32([1], [0.5]));
  const feat = g.op1('Relu', [
    g.op1('Conv', ['pixel_values', w1, b1], { kernel_shape: [PATCH, PATCH], strides: [PATCH, PATCH] }),
  ]);
  const head = g.op1('Conv', [feat, w2, b2], { kernel_shape: [1, 1] });
  const scales = g.init('upsample.scales', f32([4], [1, 1, PATCH, PATCH]));
  const up = g.op1('Resize', [head, '', scales], { mode: 'linear' });
  const relu = g.op1('Relu', [up]);
  g.op1('Squeeze', [relu, g.ints([1])], {}, 'predicted_depth');
  g.output('predicted_depth', 'float32', ['batch_size', 'height', 'width']);
  return g.toModel();
}

/**
 * The real config (model_type depth_anything, relative depth) and preprocessor (DPTImageProcessor: 518 px,
 * aspect kept, sides multiples of 14, ImageNet mean/std, bicubic) of Depth Anything V2 Small; only the graph is
 * tiny, and it takes any input whose sides are multiples of 14, as the real one.
 */
export function depthAnythingFolder(): ModelFolder {
  return {
    json: {},
    files: {
      'config.json': hubBytes(HUB.depthAnything, 'config.json'),
      'preprocessor_config.json': hubBytes(HUB.depthAnything, 'preprocessor_config.json'),
    },
    onnx: { model: depthAnythingGraph() },
  };
}
