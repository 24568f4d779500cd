/**
 * Token embeddings computed in the graph, sin(id·freq + phase): a distinct, bounded vector per token id with no
 * vocabulary-sized weight table, so tiny models can take the real 49k-token vocabularies' ids in a few bytes.
 */
import type { GraphBuilder } from './onnx-writer';
import { f32 } from './onnx-writer';
import { randomWeights } from './rng';

/** [..., dim] embedding of the int64 tensor `ids` (any shape). */
export function sinEmbedding(
  g: GraphBuilder,
  rand: () => number,
  ids: string,
  dim: number,
  name: string,
  output?: string,
): string {
  const x = g.op1('Unsqueeze', [g.op1('Cast', [ids], { to: 1 }), g.ints([-1])]);
  const freq = g.init(`${name}.freq`, f32([dim], randomWeights(rand, dim, 1.3)));
  const phase = g.init(`${name}.phase`, f32([dim], randomWeights(rand, dim, 3.1)));
  return g.op1('Sin', [g.op1('Add', [g.op1('Mul', [x, freq]), phase])], {}, output);
}
