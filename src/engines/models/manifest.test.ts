import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideBackend } from '../../core/backend/decideBackend';
import { filesFor, findModel, ManifestError, parseManifest, UnknownModelError } from './manifest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shipped = () =>
  parseManifest(
    JSON.parse(readFileSync(path.join(repoRoot, 'public/models/manifest.json'), 'utf8')),
    'public/models/manifest.json',
  );

// Loose on purpose: each case breaks the shape in its own way.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const valid = (): Json => ({
  schemaVersion: 1,
  models: [
    {
      id: 'm',
      kind: 'detector',
      licence: 'MIT',
      hub: null,
      files: [{ path: 'm.onnx', size: 3, sha256: null }],
      dtypes: {},
      defaultDtypes: [],
    },
  ],
});

describe('parseManifest', () => {
  it('accepts the shipped public/models/manifest.json', () => {
    const m = shipped();
    expect(m.models.map((e) => e.id)).toEqual([
      'yolox-nano',
      'onnx-community/depth-anything-v2-small',
      'HuggingFaceTB/SmolVLM2-256M-Video-Instruct',
      'HuggingFaceTB/SmolVLM2-500M-Video-Instruct',
      'HuggingFaceTB/SmolVLM-256M-Instruct',
      'Xenova/owlv2-base-patch16-ensemble',
    ]);
    // The real YOLOX file, pinned from ../shared/models/yolox-nano/README.md.
    expect(findModel(m, 'yolox-nano').files[0]).toEqual({
      path: 'yolox_nano.onnx',
      size: 3713911,
      sha256: 'd39bee73564e338080378b0ad567fbb40e818b55bbfaf971de82a0267ed16b8a',
    });
  });

  it('ships, for each model, the variants the backend decision table picks in a browser', () => {
    const caps = { webgpu: true, shaderF16: true, fallbackAdapter: false, wasmThreads: true, node: false };
    for (const entry of shipped().models.filter((e) => Object.keys(e.dtypes).length > 0)) {
      const picks = [
        decideBackend(caps, entry.kind).dtype,
        decideBackend({ ...caps, shaderF16: false }, entry.kind).dtype,
        decideBackend({ ...caps, webgpu: false }, entry.kind).dtype,
      ];
      for (const d of picks) expect(entry.defaultDtypes, `${entry.id} ${d}`).toContain(d);
    }
  });

  it.each([
    [(j: Json) => (j.schemaVersion = 2), /manifest.json: schemaVersion is 2; this app reads version 1/],
    [(j: Json) => (j.models = {}), /models must be an array/],
    [(j: Json) => (j.models[0].kind = 'segmenter'), /models\[0\].kind must be one of detector, depth/],
    [(j: Json) => (j.models[0].id = '../etc'), /models\[0\].id "..\/etc" must be a relative path/],
    [
      (j: Json) => (j.models[0].files[0].path = '/abs.onnx'),
      /files\[0\].path "\/abs.onnx" must be a relative/,
    ],
    [(j: Json) => (j.models[0].files[0].size = -1), /files\[0\].size must be a non-negative integer or null/],
    [
      (j: Json) => (j.models[0].files[0].sha256 = 'ABC'),
      /files\[0\].sha256 must be 64 lower-case hex digits/,
    ],
    [(j: Json) => (j.models[0].dtypes = { int3: [] }), /dtypes.int3 is not a dtype/],
    [(j: Json) => (j.models[0].defaultDtypes = ['fp16']), /defaultDtypes\[0\] "fp16" has no entry in dtypes/],
    [(j: Json) => (j.models[0].hub = { repo: 'a/b' }), /models\[0\].hub.revision must be a non-empty string/],
    [(j: Json) => j.models.push(j.models[0]), /models\[1\].id "m" appears twice/],
    [(j: Json) => (j.models[0].files = []), /models\[0\] lists no files/],
  ])('rejects bad input with a message naming the field (%#)', (mutate, message) => {
    const j = valid();
    mutate(j);
    expect(() => parseManifest(j)).toThrow(ManifestError);
    expect(() => parseManifest(j)).toThrow(message);
  });
});

describe('filesFor', () => {
  it('lists the common files, then the chosen variants, once each', () => {
    const entry = findModel(shipped(), 'HuggingFaceTB/SmolVLM2-256M-Video-Instruct');
    const paths = filesFor(entry, ['q4']).map((f) => f.path);
    expect(paths.slice(0, 2)).toEqual(['config.json', 'generation_config.json']);
    expect(paths.slice(-3)).toEqual([
      'onnx/vision_encoder_q4.onnx',
      'onnx/embed_tokens_q4.onnx',
      'onnx/decoder_model_merged_q4.onnx',
    ]);
    expect(() => findModel(shipped(), 'nope')).toThrow(UnknownModelError);
  });
});
