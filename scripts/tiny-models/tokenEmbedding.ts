/**
 * Token embeddings computed in the graph, sin(id·freq + phase): a distinct, bounded vector per token id with no
 * vocabulary-sized weight table, so tiny models can carry the real 49k-token vocabularies in a few kB.
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

/** The [dim, vocab] matrix whose column v is the embedding of id v (an output projection over the vocabulary). */
export function sinVocabMatrix(
  g: GraphBuilder,
  rand: () => number,
  vocabSize: number,
  dim: number,
  name: string,
): string {
  const ids = g.op1('Range', [
    g.init(`${name}.start`, f32([], [0])),
    g.init(`${name}.limit`, f32([], [vocabSize])),
    g.init(`${name}.delta`, f32([], [1])),
  ]);
  const freq = g.init(`${name}.freq`, f32([dim, 1], randomWeights(rand, dim, 1.3)));
  const phase = g.init(`${name}.phase`, f32([dim, 1], randomWeights(rand, dim, 3.1)));
  const cols = g.op1('Unsqueeze', [ids, g.ints([0])]);
  return g.op1('Sin', [g.op1('Add', [g.op1('Mul', [freq, cols]), phase])]);
}
