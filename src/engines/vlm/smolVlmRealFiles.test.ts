/**
 * What Transformers.js 4.3.1 does with SmolVLM's real non-weight files (the stand-ins carry them byte for byte):
 * how the processor's own defaults tile a keyframe, and which file the chat template is read from.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HUB, HUB_FILES_MISSING, hubFilesAvailable, hubJson } from '../../../scripts/tiny-models/hubFiles';
import { NODE_CAPABILITIES } from '../transformers/backendChoice';
import { ModelLoadError } from '../transformers/errors';
import { importTransformers } from '../transformers/modelSource';
import { SMOLVLM2_256M, SMOLVLM_256M } from '../transformers/modelIds';
import { TINY_MODELS_DIR, tinyModelSource } from '../../../test/engines/testModels';
import { SmolVlm } from './smolVlm';

const available = hubFilesAvailable();
const keyframe = (width = 640, height = 480) => ({
  width,
  height,
  data: new Uint8Array(width * height * 3).map((_, i) => (i * 29) % 253),
});

describe.skipIf(!available)(
  `SmolVLM's real processor and chat template in Transformers.js${available ? '' : ` (skipped: ${HUB_FILES_MISSING})`}`,
  () => {
    const source = available ? tinyModelSource() : { localModelPath: '', allowRemoteModels: false };
    const variants = path.join(TINY_MODELS_DIR, '..', 'model-variants');
    afterAll(() => rmSync(variants, { recursive: true, force: true }));

    it('with its own defaults (longest_edge 2048) the processor upscales 640×480 to 2048×1536: 12 tiles + global = 832 image tokens', async () => {
      const pre = hubJson<{ size: { longest_edge: number }; max_image_size: { longest_edge: number } }>(
        HUB.smolVlm,
        'preprocessor_config.json',
      );
      expect([pre.size.longest_edge, pre.max_image_size.longest_edge]).toEqual([2048, 512]);
      const lib = await importTransformers(source);
      const processor = await lib.AutoProcessor.from_pretrained(SMOLVLM_256M);
      const image = new lib.RawImage(keyframe().data, 640, 480, 3);
      const text = processor.apply_chat_template(
        [{ role: 'user', content: [{ type: 'image' }, { type: 'text', text: 'Where is the cup?' }] }],
        { add_generation_prompt: true },
      ) as string;
      const out = (await processor(text, [image])) as {
        input_ids: { data: BigInt64Array };
        pixel_values: { dims: number[] };
        rows: number[][];
        cols: number[][];
      };
      expect(out.pixel_values.dims).toEqual([1, 13, 3, 512, 512]);
      expect([out.rows[0][0], out.cols[0][0]]).toEqual([3, 4]);
      const imageTokenId = BigInt(
        hubJson<{ image_token_id: number }>(HUB.smolVlm, 'config.json').image_token_id,
      );
      expect(Array.from(out.input_ids.data).filter((t) => t === imageTokenId)).toHaveLength(832);
    });

    it.each([
      { id: SMOLVLM_256M, how: 'one tile (default)', edge: undefined, n: 64 },
      { id: SMOLVLM2_256M, how: 'one tile (default)', edge: undefined, n: 64 },
      { id: SMOLVLM2_256M, how: 'longest edge 2048', edge: 2048, n: 832 },
    ])('the engine sends $id a 640×480 keyframe as $how: $n image tokens', async ({ id, edge, n }) => {
      const vlm = new SmolVlm({
        source,
        capabilities: NODE_CAPABILITIES,
        modelId: id,
        ...(edge ? { imageLongestEdge: edge } : {}),
      });
      try {
        expect((await vlm.countPrompt({ prompt: 'Where?', images: [keyframe()] })).imageTokens).toBe(n);
      } finally {
        await vlm.dispose();
      }
    });

    it('reads the chat template from tokenizer_config.json, never from chat_template.json', async () => {
      // The real files carry the same template in both places.
      const fromJson = hubJson<{ chat_template: string }>(HUB.smolVlm, 'chat_template.json').chat_template;
      expect(hubJson<{ chat_template: string }>(HUB.smolVlm, 'tokenizer_config.json').chat_template).toBe(
        fromJson,
      );
      // A copy whose tokenizer_config.json says "Helper:" where its chat_template.json says "Assistant:".
      const id = 'variants/template-in-tokenizer-config';
      const dir = path.join(variants, id);
      mkdirSync(path.dirname(dir), { recursive: true });
      cpSync(path.join(TINY_MODELS_DIR, SMOLVLM2_256M), dir, { recursive: true });
      const cfgFile = path.join(dir, 'tokenizer_config.json');
      const cfg = JSON.parse(readFileSync(cfgFile, 'utf8')) as Record<string, unknown>;
      const helper = fromJson.replace("'Assistant:'", "'Helper:'");
      writeFileSync(cfgFile, JSON.stringify({ ...cfg, chat_template: helper }));
      const opts = { ...source, localModelPath: variants };
      const lib = await importTransformers(opts);
      const processor = await lib.AutoProcessor.from_pretrained(id);
      const text = processor.apply_chat_template(
        [{ role: 'user', content: [{ type: 'text', text: 'Where?' }] }],
        { add_generation_prompt: true },
      );
      expect(text).toBe('<|im_start|>User: Where?<end_of_utterance>\nHelper:');
      // Without a template in tokenizer_config.json the model cannot chat, chat_template.json or not: the engine
      // says so when it loads.
      writeFileSync(cfgFile, JSON.stringify({ ...cfg, chat_template: undefined }));
      const none = new SmolVlm({ source: opts, capabilities: NODE_CAPABILITIES, modelId: id });
      await expect(none.load()).rejects.toThrow(ModelLoadError);
      await expect(none.load()).rejects.toThrow(/no chat template in tokenizer_config\.json/);
    });

    it('loads without asking for chat_template.json', async () => {
      const files = new Set<string>();
      const vlm = new SmolVlm({ source, capabilities: NODE_CAPABILITIES });
      await vlm.load((e) => {
        if ('file' in e && e.file) files.add(e.file);
      });
      await vlm.dispose();
      expect([...files]).toEqual(expect.arrayContaining(['tokenizer.json', 'tokenizer_config.json']));
      expect(files.has('chat_template.json')).toBe(false);
    });
  },
);
