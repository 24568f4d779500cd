/**
 * Tiny SmolVLM stand-ins in the ONNX layout Transformers.js 4.3.1 loads for Idefics3 / SmolVLM models:
 * onnx/vision_encoder (pixel_values + pixel_attention_mask → image_features), onnx/embed_tokens (input_ids →
 * inputs_embeds) and onnx/decoder_model_merged (inputs_embeds + attention_mask + position_ids +
 * num_logits_to_keep + past_key_values.N.{key,value} → logits + present.N.{key,value}).
 *
 * Only the weights are tiny. The tokenizer, chat template, processor and preprocessor configs and the generation
 * config are the real files (../shared/models/hub-files), copied byte for byte, so that the real tokenisation,
 * image splitting and chat formatting run. config.json is the real SmolVLM-256M config with the weight sizes made
 * tiny (hidden sizes, layers, heads); what the processor and the loader compute with stays real: the 49,280-token
 * vocabulary, image_token_id 49190, 512 px frames of 16 px patches, pixel shuffle 4, hence 64 image tokens a
 * frame — so the tiny encoder emits exactly 64 features per 512×512 frame.
 */
import { GraphBuilder, f32, i64 } from './onnx-writer';
import type { ModelFolder } from './modelFolder';
import { HUB, hubBytes, hubJson } from './hubFiles';
import { mulberry32, randomWeights } from './rng';
import { sinEmbedding } from './tokenEmbedding';

export const SMOLVLM_DIMS = {
  hidden: 32,
  layers: 2,
  heads: 2,
  kvHeads: 2,
  headDim: 16,
} as const;

/** The real tokenizer files Transformers.js reads (tokenizer.json, tokenizer_config.json) and those beside them. */
const TOKENIZER_FILES = [
  'tokenizer.json',
  'tokenizer_config.json',
  'special_tokens_map.json',
  'added_tokens.json',
  'chat_template.json',
] as const;

interface RealConfig {
  image_token_id: number;
  scale_factor: number;
  vocab_size: number;
  text_config: Record<string, unknown>;
  vision_config: Record<string, unknown> & { image_size: number; patch_size: number };
  [key: string]: unknown;
}

/**
 * Vision encoder: per 512 px frame, a 16×16 average pool stands in for SigLIP's 16 px patches (32×32 of them)
 * and a 4×4-stride conv for the pixel shuffle by 4, giving 8×8 = 64 features, as the real encoder does.
 */
function visionEncoder(rand: () => number, frame: number, patch: number, shuffle: number): Uint8Array {
  const { hidden } = SMOLVLM_DIMS;
  const perFrame = (frame / patch / shuffle) ** 2;
  const g = new GraphBuilder('tiny_smolvlm_vision_encoder');
  g.input('pixel_values', 'float32', ['batch_size', 'num_images', 3, frame, frame]);
  g.input('pixel_attention_mask', 'bool', ['batch_size', 'num_images', frame, frame]);
  const frames = g.op1('Reshape', ['pixel_values', g.ints([-1, 3, frame, frame])]);
  const patches = g.op1('AveragePool', [frames], { kernel_shape: [patch, patch], strides: [patch, patch] });
  const w = g.init(
    'shuffle.weight',
    f32([hidden, 3, shuffle, shuffle], randomWeights(rand, hidden * 3 * shuffle * shuffle, 0.3)),
  );
  const b = g.init('shuffle.bias', f32([hidden], randomWeights(rand, hidden, 0.1)));
  const conv = g.op1('Conv', [patches, w, b], {
    kernel_shape: [shuffle, shuffle],
    strides: [shuffle, shuffle],
  });
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
  g.output('image_features', 'float32', ['num_frames', perFrame, hidden]);
  return g.toModel();
}

/** inputs_embeds: a distinct, bounded embedding per token id (tokenEmbedding.ts), no table. */
function embedTokens(rand: () => number): Uint8Array {
  const g = new GraphBuilder('tiny_smolvlm_embed_tokens');
  g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  sinEmbedding(g, rand, 'input_ids', SMOLVLM_DIMS.hidden, 'embed', 'inputs_embeds');
  g.output('inputs_embeds', 'float32', ['batch_size', 'sequence_length', SMOLVLM_DIMS.hidden]);
  return g.toModel();
}

function decoder(rand: () => number, vocabSize: number, emittable: readonly number[]): Uint8Array {
  const { hidden, layers, heads, kvHeads, headDim } = SMOLVLM_DIMS;
  const g = new GraphBuilder('tiny_smolvlm_decoder');
  g.input('inputs_embeds', 'float32', ['batch_size', 'sequence_length', hidden]);
  g.input('attention_mask', 'int64', ['batch_size', 'total_sequence_length']);
  g.input('position_ids', 'int64', ['batch_size', 'sequence_length']);
  // Transformers.js sets it to 1 while generating (only the last position's logits are read) and 0 for all;
  // over a 49,280-token vocabulary this keeps a long prompt's prefill from producing megabytes of unused logits.
  g.input('num_logits_to_keep', 'int64', []);
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
  // The last num_logits_to_keep positions (all of them for 0): x[:, -n:].
  const fromEnd = g.op1('Unsqueeze', [g.op1('Neg', ['num_logits_to_keep']), g.ints([0])]);
  const kept = g.op1('Slice', [x, fromEnd, g.ints([2 ** 31 - 1]), g.ints([1])]);
  // Logits over the whole vocabulary, computed for the emittable word pieces only and gathered into place; every
  // other id (special tokens, EOS included, stray bytes) gets -100, so the tiny model emits readable words up to
  // max_new_tokens. A full [hidden, 49280] head made each step ~4 s on the CPU-emulated WebGPU adapter.
  const k = emittable.length;
  const head = g.init('lm_head.weight', f32([hidden, k], randomWeights(rand, hidden * k, 0.5)));
  const padded = g.op1('Pad', [
    g.op1('MatMul', [kept, head]),
    g.ints([0, 0, 0, 0, 0, 1]),
    g.init('lm_head.floor', f32([], [-100])),
  ]);
  const slot = new Array<number>(vocabSize).fill(k);
  emittable.forEach((id, i) => (slot[id] = i));
  g.op1('Gather', [padded, g.init('lm_head.slots', i64([vocabSize], slot))], { axis: 2 }, 'logits');
  g.output('logits', 'float32', ['batch_size', 'kept_length', vocabSize]);
  for (let l = 0; l < layers; l++) {
    for (const kv of ['key', 'value'])
      g.output(`present.${l}.${kv}`, 'float32', ['batch_size', kvHeads, 'total_sequence_length', headDim]);
  }
  return g.toModel();
}

/** How many word pieces the tiny decoder can emit (the lowest ids: the commonest merges). */
const EMITTABLE = 2048;

/** The ids the tiny decoder may emit: plain ASCII word pieces of the real vocabulary, never an added token. */
function emittableIds(tokenizerJson: Uint8Array): number[] {
  const tok = JSON.parse(new TextDecoder().decode(tokenizerJson)) as {
    added_tokens: { id: number }[];
    model: { vocab: Record<string, number> };
  };
  const added = new Set(tok.added_tokens.map((t) => t.id));
  return Object.entries(tok.model.vocab)
    .filter(([piece, id]) => /^Ġ?[A-Za-z]+$/.test(piece) && !added.has(id))
    .map(([, id]) => id)
    .sort((a, b) => a - b)
    .slice(0, EMITTABLE);
}

/** The real SmolVLM-256M config with tiny weight sizes; `modelType` renames it for the SmolVLM2 stand-in. */
function tinyConfig(
  real: RealConfig,
  modelType?: { model: string; vision: string; arch: string },
): RealConfig {
  const { hidden, layers, heads, kvHeads, headDim } = SMOLVLM_DIMS;
  // transformers.js_config.kv_cache_dtype says the real fp16/q4f16 exports keep a float16 cache; the tiny graphs
  // are float32 under every dtype suffix, so that weight-format note does not apply to them.
  const { 'transformers.js_config': _drop, ...rest } = real;
  void _drop;
  const text = { ...real.text_config };
  delete text['transformers.js_config'];
  return {
    ...rest,
    ...(modelType ? { model_type: modelType.model, architectures: [modelType.arch] } : {}),
    _name_or_path: 'tiny-random stand-in (real non-weight files, tiny weights)',
    text_config: {
      ...text,
      hidden_size: hidden,
      intermediate_size: hidden * 2,
      num_hidden_layers: layers,
      num_attention_heads: heads,
      num_key_value_heads: kvHeads,
      head_dim: headDim,
    },
    vision_config: {
      ...real.vision_config,
      ...(modelType ? { model_type: modelType.vision } : {}),
      hidden_size: hidden,
      intermediate_size: hidden * 2,
      num_hidden_layers: 1,
      num_attention_heads: 2,
    },
  };
}

function folder(config: RealConfig, processorFiles: Record<string, Uint8Array>, seed: number): ModelFolder {
  const tokenizerFiles = Object.fromEntries(TOKENIZER_FILES.map((f) => [f, hubBytes(HUB.smolVlm, f)]));
  const rand = mulberry32(seed);
  const { image_size, patch_size } = config.vision_config;
  return {
    json: { 'config.json': config },
    files: { ...tokenizerFiles, ...processorFiles },
    onnx: {
      vision_encoder: visionEncoder(rand, image_size, patch_size, config.scale_factor),
      embed_tokens: embedTokens(rand),
      decoder_model_merged: decoder(rand, config.vocab_size, emittableIds(tokenizerFiles['tokenizer.json'])),
    },
  };
}

const processorFiles = (dir: string): Record<string, Uint8Array> =>
  Object.fromEntries(
    ['preprocessor_config.json', 'processor_config.json', 'generation_config.json'].map((f) => [
      f,
      hubBytes(dir, f),
    ]),
  );

/** SmolVLM-256M-Instruct: every non-weight file real (Idefics3ImageProcessor, Idefics3Processor). */
export function smolVlmFolder(): ModelFolder {
  return folder(tinyConfig(hubJson<RealConfig>(HUB.smolVlm, 'config.json')), processorFiles(HUB.smolVlm), 2);
}

/**
 * SmolVLM2-256M-Video-Instruct: SmolVLM2's own processor, preprocessor (video_sampling) and generation configs,
 * SmolVLM's tokenizer files (SmolVLM2 shares its vocabulary) and config as model_type smolvlm (hub-files has no
 * SmolVLM2 config.json; the architecture is the same Idefics3 one).
 */
export function smolVlm2Folder(): ModelFolder {
  const config = tinyConfig(hubJson<RealConfig>(HUB.smolVlm, 'config.json'), {
    model: 'smolvlm',
    vision: 'smolvlm_vision',
    arch: 'SmolVLMForConditionalGeneration',
  });
  return folder(config, processorFiles(HUB.smolVlm2), 2);
}
