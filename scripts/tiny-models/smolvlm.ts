/**
 * Tiny SmolVLM (model_type smolvlm, Idefics3 family) in the ONNX layout Transformers.js 4.3.1 loads for
 * ImageTextToText models: onnx/vision_encoder, onnx/embed_tokens and onnx/decoder_model_merged, with the input and
 * output names it feeds (pixel_values + pixel_attention_mask → image_features; input_ids → inputs_embeds;
 * inputs_embeds + attention_mask + position_ids + past_key_values.N.{key,value} → logits + present.N.{key,value}).
 * The decoder is a real (tiny) attention stack over the KV cache, so the cache grows as generation proceeds.
 */
import { GraphBuilder, f32 } from './onnx-writer';
import type { ModelFolder } from './modelFolder';
import { mulberry32, randomWeights } from './rng';
import { buildByteLevelBpe, byteLevelAlphabet } from './tokenizerJson';

export const SMOLVLM_DIMS = {
  hidden: 32,
  layers: 2,
  heads: 2,
  kvHeads: 2,
  headDim: 16,
  /** One split frame is FRAME×FRAME pixels; the real model uses 512. */
  frame: 32,
  /** The conv that stands in for SigLIP + pixel shuffle: FRAME/KERNEL squared tokens per frame. */
  kernel: 16,
  patch: 8,
  scaleFactor: 2,
  /** Longest edge after the first resize; the real model uses 2048. */
  longestEdge: 64,
} as const;

/** (frame/patch)² / scale² — the processor's image_seq_len must equal what the encoder emits per frame. */
export const SMOLVLM_IMAGE_SEQ_LEN =
  (SMOLVLM_DIMS.frame / SMOLVLM_DIMS.patch) ** 2 / SMOLVLM_DIMS.scaleFactor ** 2;

const HEAD_SPECIAL = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'];
const ROW_COL = Array.from({ length: 36 }, (_, i) => `<row_${Math.floor(i / 6) + 1}_col_${(i % 6) + 1}>`);
const TAIL_SPECIAL = [
  '<fake_token_around_image>',
  '<image>',
  '<end_of_utterance>',
  '<global-img>',
  ...ROW_COL,
];

/** SmolVLM2's chat template (text and image parts). */
export const SMOLVLM_CHAT_TEMPLATE =
  "<|im_start|>{% for message in messages %}{{message['role'] | capitalize}}{% if message['content'][0]['type'] == 'image' %}{{':'}}{% else %}{{': '}}{% endif %}{% for line in message['content'] %}{% if line['type'] == 'text' %}{{line['text']}}{% elif line['type'] == 'image' %}{{ '<image>' }}{% endif %}{% endfor %}<end_of_utterance>\n{% endfor %}{% if add_generation_prompt %}{{ 'Assistant:' }}{% endif %}";

function visionEncoder(rand: () => number): Uint8Array {
  const { frame, kernel, hidden } = SMOLVLM_DIMS;
  const g = new GraphBuilder('tiny_smolvlm_vision_encoder');
  g.input('pixel_values', 'float32', ['batch_size', 'num_images', 3, frame, frame]);
  g.input('pixel_attention_mask', 'bool', ['batch_size', 'num_images', frame, frame]);
  const frames = g.op1('Reshape', ['pixel_values', g.ints([-1, 3, frame, frame])]);
  const w = g.init(
    'patch.weight',
    f32([hidden, 3, kernel, kernel], randomWeights(rand, hidden * 3 * kernel * kernel, 0.05)),
  );
  const b = g.init('patch.bias', f32([hidden], randomWeights(rand, hidden, 0.1)));
  const conv = g.op1('Conv', [frames, w, b], { kernel_shape: [kernel, kernel], strides: [kernel, kernel] });
  const tokens = g.op1('Transpose', [g.op1('Reshape', [conv, g.ints([0, hidden, -1])])], { perm: [0, 2, 1] });
  // Zero the features of padding frames (all-false mask), as the real encoder drops them.
  const valid = g.op1('ReduceMax', [g.op1('Cast', ['pixel_attention_mask'], { to: 1 })], {
    axes: [2, 3],
    keepdims: 0,
  });
  const validPerFrame = g.op1('Reshape', [valid, g.ints([-1, 1, 1])]);
  const proj = g.init('proj.weight', f32([hidden, hidden], randomWeights(rand, hidden * hidden, 0.3)));
  const projected = g.op1('MatMul', [g.op1('Tanh', [tokens]), proj]);
  g.op1('Mul', [projected, validPerFrame], {}, 'image_features');
  g.output('image_features', 'float32', ['num_frames', SMOLVLM_IMAGE_SEQ_LEN, hidden]);
  return g.toModel();
}

function embedTokens(rand: () => number, vocabSize: number): Uint8Array {
  const g = new GraphBuilder('tiny_smolvlm_embed_tokens');
  g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const table = g.init(
    'embed_tokens.weight',
    f32([vocabSize, SMOLVLM_DIMS.hidden], randomWeights(rand, vocabSize * SMOLVLM_DIMS.hidden, 1)),
  );
  g.op1('Gather', [table, 'input_ids'], { axis: 0 }, 'inputs_embeds');
  g.output('inputs_embeds', 'float32', ['batch_size', 'sequence_length', SMOLVLM_DIMS.hidden]);
  return g.toModel();
}

function decoder(rand: () => number, vocabSize: number, suppressIds: readonly number[]): Uint8Array {
  const { hidden, layers, heads, kvHeads, headDim } = SMOLVLM_DIMS;
  const g = new GraphBuilder('tiny_smolvlm_decoder');
  g.input('inputs_embeds', 'float32', ['batch_size', 'sequence_length', hidden]);
  g.input('attention_mask', 'int64', ['batch_size', 'total_sequence_length']);
  g.input('position_ids', 'int64', ['batch_size', 'sequence_length']);
  for (let l = 0; l < layers; l++) {
    for (const kv of ['key', 'value'])
      g.input(`past_key_values.${l}.${kv}`, 'float32', [
        'batch_size',
        kvHeads,
        'past_sequence_length',
        headDim,
      ]);
  }
  // Positions enter as a bounded sinusoid so that greedy decoding does not repeat one token forever.
  const pos = g.op1('Unsqueeze', [g.op1('Cast', ['position_ids'], { to: 1 }), g.ints([2])]);
  const freq = g.init('pos.freq', f32([hidden], randomWeights(rand, hidden, 1.5)));
  let x = g.op1('Add', ['inputs_embeds', g.op1('Sin', [g.op1('Mul', [pos, freq])])]);
  // Additive mask bias [B,1,1,T]: 0 where attended, -1e4 where padded.
  const maskF = g.op1('Cast', ['attention_mask'], { to: 1 });
  const one = g.init('one', f32([], [1]));
  const neg = g.init('neg_big', f32([], [-1e4]));
  const bias = g.op1('Unsqueeze', [g.op1('Mul', [g.op1('Sub', [one, maskF]), neg]), g.ints([1, 2])]);
  const scale = g.init('attn.scale', f32([], [1 / Math.sqrt(headDim)]));
  const split = (t: string, n: number): string =>
    g.op1('Transpose', [g.op1('Reshape', [t, g.ints([0, 0, n, headDim])])], { perm: [0, 2, 1, 3] });
  for (let l = 0; l < layers; l++) {
    const w = (name: string, rows: number, cols: number, s: number): string =>
      g.init(`layers.${l}.${name}`, f32([rows, cols], randomWeights(rand, rows * cols, s)));
    const q = split(g.op1('MatMul', [x, w('q', hidden, heads * headDim, 0.4)]), heads);
    const k = split(g.op1('MatMul', [x, w('k', hidden, kvHeads * headDim, 0.4)]), kvHeads);
    const v = split(g.op1('MatMul', [x, w('v', hidden, kvHeads * headDim, 0.4)]), kvHeads);
    const presentK = g.op1('Concat', [`past_key_values.${l}.key`, k], { axis: 2 }, `present.${l}.key`);
    const presentV = g.op1('Concat', [`past_key_values.${l}.value`, v], { axis: 2 }, `present.${l}.value`);
    const scores = g.op1('Mul', [
      g.op1('MatMul', [q, g.op1('Transpose', [presentK], { perm: [0, 1, 3, 2] })]),
      scale,
    ]);
    const probs = g.op1('Softmax', [g.op1('Add', [scores, bias])], { axis: -1 });
    const ctx = g.op1('Transpose', [g.op1('MatMul', [probs, presentV])], { perm: [0, 2, 1, 3] });
    const merged = g.op1('Reshape', [ctx, g.ints([0, 0, heads * headDim])]);
    x = g.op1('Add', [x, g.op1('MatMul', [merged, w('o', heads * headDim, hidden, 0.4)])]);
  }
  const lm = g.init('lm_head.weight', f32([hidden, vocabSize], randomWeights(rand, hidden * vocabSize, 0.5)));
  // Special and non-printable byte tokens are pushed far down, so the tiny model always emits printable ASCII
  // up to max_new_tokens (and never stops early on EOS).
  const lmBias = new Float32Array(vocabSize);
  for (const id of suppressIds) lmBias[id] = -100;
  const b = g.init('lm_head.bias', f32([vocabSize], lmBias));
  g.op1('Add', [g.op1('MatMul', [x, lm]), b], {}, 'logits');
  g.output('logits', 'float32', ['batch_size', 'sequence_length', vocabSize]);
  for (let l = 0; l < layers; l++) {
    for (const kv of ['key', 'value'])
      g.output(`present.${l}.${kv}`, 'float32', ['batch_size', kvHeads, 'total_sequence_length', headDim]);
  }
  return g.toModel();
}

export function smolVlmFolder(): ModelFolder {
  const tok = buildByteLevelBpe({ headSpecial: HEAD_SPECIAL, tailSpecial: TAIL_SPECIAL });
  const id = (t: string): number => tok.vocab[t];
  const rand = mulberry32(2);
  const alphabet = byteLevelAlphabet();
  const nonPrintable = alphabet.flatMap((ch, byte) => (byte >= 0x20 && byte <= 0x7e ? [] : [tok.vocab[ch]]));
  const { hidden, layers, heads, kvHeads, headDim, frame, patch, scaleFactor, longestEdge } = SMOLVLM_DIMS;
  const addedTokensDecoder = Object.fromEntries(
    [...HEAD_SPECIAL, ...TAIL_SPECIAL].map((t) => [
      String(id(t)),
      { content: t, lstrip: false, normalized: false, rstrip: false, single_word: false, special: true },
    ]),
  );
  return {
    json: {
      'config.json': {
        _name_or_path: 'tiny-random/SmolVLM2',
        architectures: ['SmolVLMForConditionalGeneration'],
        model_type: 'smolvlm',
        image_token_id: id('<image>'),
        scale_factor: scaleFactor,
        pad_token_id: id('<|im_end|>'),
        tie_word_embeddings: false,
        vocab_size: tok.vocabSize,
        text_config: {
          model_type: 'llama',
          architectures: ['VLlama3ForCausalLM'],
          hidden_size: hidden,
          intermediate_size: hidden * 2,
          num_hidden_layers: layers,
          num_attention_heads: heads,
          num_key_value_heads: kvHeads,
          head_dim: headDim,
          vocab_size: tok.vocabSize,
          max_position_embeddings: 8192,
          rms_norm_eps: 1e-5,
          bos_token_id: id('<|im_start|>'),
          eos_token_id: id('<end_of_utterance>'),
          pad_token_id: id('<|im_end|>'),
        },
        vision_config: {
          model_type: 'smolvlm_vision',
          hidden_size: hidden,
          image_size: frame,
          patch_size: patch,
          num_hidden_layers: 1,
          num_attention_heads: 2,
          intermediate_size: hidden * 2,
        },
        transformers_version: '4.50.0',
      },
      'generation_config.json': {
        bos_token_id: id('<|im_start|>'),
        eos_token_id: [id('<end_of_utterance>'), id('<|im_end|>')],
        pad_token_id: id('<|im_end|>'),
        transformers_version: '4.50.0',
      },
      'preprocessor_config.json': {
        do_convert_rgb: true,
        do_image_splitting: true,
        do_normalize: true,
        do_pad: true,
        do_rescale: true,
        do_resize: true,
        image_mean: [0.5, 0.5, 0.5],
        image_processor_type: 'SmolVLMImageProcessor',
        image_std: [0.5, 0.5, 0.5],
        max_image_size: { longest_edge: frame },
        processor_class: 'SmolVLMProcessor',
        resample: 1,
        rescale_factor: 1 / 255,
        size: { longest_edge: longestEdge },
      },
      'processor_config.json': { image_seq_len: SMOLVLM_IMAGE_SEQ_LEN, processor_class: 'SmolVLMProcessor' },
      'added_tokens.json': Object.fromEntries(TAIL_SPECIAL.map((t) => [t, id(t)])),
      'chat_template.json': { chat_template: SMOLVLM_CHAT_TEMPLATE },
      'special_tokens_map.json': {
        additional_special_tokens: TAIL_SPECIAL.slice(0, 4),
        bos_token: '<|im_start|>',
        eos_token: '<end_of_utterance>',
        pad_token: '<|im_end|>',
        unk_token: '<|endoftext|>',
      },
      'tokenizer.json': tok.json,
      'tokenizer_config.json': {
        add_prefix_space: false,
        added_tokens_decoder: addedTokensDecoder,
        additional_special_tokens: TAIL_SPECIAL.slice(0, 4),
        bos_token: '<|im_start|>',
        chat_template: SMOLVLM_CHAT_TEMPLATE,
        clean_up_tokenization_spaces: false,
        eos_token: '<end_of_utterance>',
        legacy: false,
        model_max_length: 8192,
        pad_token: '<|im_end|>',
        processor_class: 'SmolVLMProcessor',
        tokenizer_class: 'GPT2Tokenizer',
        truncation_side: 'left',
        unk_token: '<|endoftext|>',
        vocab_size: tok.vocabSize,
      },
    },
    onnx: {
      vision_encoder: visionEncoder(rand),
      embed_tokens: embedTokens(rand, tok.vocabSize),
      decoder_model_merged: decoder(rand, tok.vocabSize, [...tok.specialIds, ...nonPrintable]),
    },
  };
}
