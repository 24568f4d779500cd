/**
 * Tiny OWLv2 (model_type owlv2) for Transformers.js' zero-shot-object-detection pipeline: one onnx/model graph
 * taking input_ids + attention_mask [labels, seq] and pixel_values [1,3,H,W], returning logits [1, boxes, labels]
 * and pred_boxes [1, boxes, 4] (normalised cx, cy, w, h), the two outputs the OWL-ViT post-processing reads.
 */
import { GraphBuilder, f32 } from './onnx-writer';
import type { ModelFolder } from './modelFolder';
import { mulberry32, randomWeights } from './rng';
import { buildByteLevelBpe } from './tokenizerJson';

const SIZE = 64;
const PATCH = 16;
const DIM = 16;

function graph(vocabSize: number): Uint8Array {
  const rand = mulberry32(3);
  const g = new GraphBuilder('tiny_owlv2');
  g.input('input_ids', 'int64', ['num_queries', 'sequence_length']);
  g.input('pixel_values', 'float32', ['batch_size', 3, SIZE, SIZE]);
  g.input('attention_mask', 'int64', ['num_queries', 'sequence_length']);
  // Text: masked mean of token embeddings → [Q, D].
  const table = g.init('text.embed', f32([vocabSize, DIM], randomWeights(rand, vocabSize * DIM, 1)));
  const emb = g.op1('Gather', [table, 'input_ids'], { axis: 0 });
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
  const bos = '<|startoftext|>';
  const eos = '<|endoftext|>';
  const tok = buildByteLevelBpe({
    headSpecial: [bos, eos],
    tailSpecial: [],
    lowercase: true,
    postProcessor: (vocab) => ({
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: bos, type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: eos, type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: bos, type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: eos, type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: eos, type_id: 1 } },
      ],
      special_tokens: {
        [bos]: { id: bos, ids: [vocab[bos]], tokens: [bos] },
        [eos]: { id: eos, ids: [vocab[eos]], tokens: [eos] },
      },
    }),
  });
  return {
    json: {
      'config.json': {
        _name_or_path: 'tiny-random/owlv2',
        architectures: ['Owlv2ForObjectDetection'],
        model_type: 'owlv2',
        text_config: {
          model_type: 'owlv2_text_model',
          hidden_size: DIM,
          vocab_size: tok.vocabSize,
          max_position_embeddings: 16,
        },
        vision_config: {
          model_type: 'owlv2_vision_model',
          hidden_size: DIM,
          image_size: SIZE,
          patch_size: PATCH,
        },
        projection_dim: DIM,
        transformers_version: '4.47.0',
      },
      'preprocessor_config.json': {
        do_normalize: true,
        do_pad: true,
        do_rescale: true,
        do_resize: true,
        image_mean: [0.48145466, 0.4578275, 0.40821073],
        image_processor_type: 'Owlv2ImageProcessor',
        image_std: [0.26862954, 0.26130258, 0.27577711],
        processor_class: 'Owlv2Processor',
        resample: 2,
        rescale_factor: 1 / 255,
        size: { height: SIZE, width: SIZE },
      },
      'special_tokens_map.json': { bos_token: bos, eos_token: eos, pad_token: eos, unk_token: eos },
      'tokenizer.json': tok.json,
      'vocab.json': tok.vocab,
      'tokenizer_config.json': {
        bos_token: bos,
        eos_token: eos,
        pad_token: eos,
        unk_token: eos,
        model_max_length: 16,
        do_lower_case: true,
        clean_up_tokenization_spaces: true,
        processor_class: 'Owlv2Processor',
        tokenizer_class: 'CLIPTokenizer',
      },
    },
    text: { 'merges.txt': ['#version: 0.2', ...tok.merges.map(([a, b]) => `${a} ${b}`)].join('\n') + '\n' },
    onnx: { model: graph(tok.vocabSize) },
  };
}
