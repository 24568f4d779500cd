/**
 * Tiny OWLv2 (model_type owlv2) for Transformers.js' zero-shot-object-detection pipeline: one onnx/model graph
 * taking input_ids + attention_mask [labels, seq] and pixel_values [1,3,960,960], returning logits
 * [1, boxes, labels] and pred_boxes [1, boxes, 4] (normalised cx, cy, w, h), the two outputs the OWL-ViT
 * post-processing reads. Its config, preprocessor (960×960, padded square), tokenizer config (CLIPTokenizer,
 * model_max_length 16, "!" as padding) and special tokens are the real files; tokenizer.json is built from CLIP's
 * real BPE merges (clipTokenizer.ts). Like the real model, one box per 16 px patch: 60 × 60 = 3600.
 */
import { GraphBuilder, f32 } from './onnx-writer';
import type { ModelFolder } from './modelFolder';
import { clipTokenizerJson } from './clipTokenizer';
import { HUB, hubBytes, hubJson } from './hubFiles';
import { mulberry32, randomWeights } from './rng';
import { sinEmbedding } from './tokenEmbedding';

const PATCH = 16;
const DIM = 16;

function graph(size: number): Uint8Array {
  const rand = mulberry32(3);
  const g = new GraphBuilder('tiny_owlv2');
  g.input('input_ids', 'int64', ['num_queries', 'sequence_length']);
  g.input('pixel_values', 'float32', ['batch_size', 3, size, size]);
  g.input('attention_mask', 'int64', ['num_queries', 'sequence_length']);
  // Text: masked mean of token embeddings → [Q, D].
  const emb = sinEmbedding(g, rand, 'input_ids', DIM, 'text.embed');
  const mask = g.op1('Unsqueeze', [g.op1('Cast', ['attention_mask'], { to: 1 }), g.ints([2])]);
  const axis1 = g.ints([1]);
  const sum = g.op1('ReduceSum', [g.op1('Mul', [emb, mask]), axis1], { keepdims: 0 });
  const count = g.op1('ReduceSum', [mask, axis1], { keepdims: 0 });
  const text = g.op1('Div', [sum, count], {}, 'text_embeds');
  // Image: one embedding per 16×16 patch → [1, P, D].
  const w = g.init(
    'vision.patch',
    f32([DIM, 3, PATCH, PATCH], randomWeights(rand, DIM * 3 * PATCH * PATCH, 0.05)),
  );
  const conv = g.op1('Conv', ['pixel_values', w], { kernel_shape: [PATCH, PATCH], strides: [PATCH, PATCH] });
  const patches = g.op1(
    'Transpose',
    [g.op1('Reshape', [conv, g.ints([0, DIM, -1])])],
    { perm: [0, 2, 1] },
    'image_embeds',
  );
  g.op1('MatMul', [patches, g.op1('Transpose', [text], { perm: [1, 0] })], {}, 'logits');
  const wb = g.init('box.weight', f32([DIM, 4], randomWeights(rand, DIM * 4, 0.5)));
  const bb = g.init('box.bias', f32([4], [0, 0, -1, -1]));
  g.op1('Sigmoid', [g.op1('Add', [g.op1('MatMul', [patches, wb]), bb])], {}, 'pred_boxes');
  g.output('logits', 'float32', ['batch_size', 'num_boxes', 'num_queries']);
  g.output('pred_boxes', 'float32', ['batch_size', 'num_boxes', 4]);
  g.output('text_embeds', 'float32', ['num_queries', DIM]);
  g.output('image_embeds', 'float32', ['batch_size', 'num_boxes', DIM]);
  return g.toModel();
}

export function owlv2Folder(): ModelFolder {
  const preprocessor = hubJson<{ size: { height: number; width: number } }>(
    HUB.owlv2,
    'preprocessor_config.json',
  );
  const { json: tokenizer } = clipTokenizerJson(hubBytes(HUB.clipBpe, 'bpe_simple_vocab_16e6.txt.gz'));
  return {
    json: { 'tokenizer.json': tokenizer },
    files: {
      'config.json': hubBytes(HUB.owlv2, 'config.json__from_Xenova_owlv2-base-patch16-ensemble'),
      'preprocessor_config.json': hubBytes(HUB.owlv2, 'preprocessor_config.json'),
      'tokenizer_config.json': hubBytes(HUB.owlv2, 'tokenizer_config.json'),
      'special_tokens_map.json': hubBytes(
        HUB.owlv2,
        'special_tokens_map.json__from_Xenova_owlv2-base-patch16',
      ),
    },
    onnx: { model: graph(preprocessor.size.height) },
  };
}
