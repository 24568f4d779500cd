import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateQuestions } from '../../src/core/questions/generateQuestions';
import { groundTruthMosaic } from '../../src/core/questions/groundTruthMosaic';
import { parseTemplate } from '../../src/core/questions/parseQuestion';
import { composePrompt } from '../../src/core/reasoning/MosaicThinker';
import { solveTask } from '../../src/core/reasoning/solveTask';
import { estimateTokens } from '../../src/core/reasoning/tokenEstimate';
import { generateScene } from '../../src/core/synthetic/generateScene';
import { HUB_FILES_MISSING, hubFilesAvailable } from '../tiny-models/hubFiles';
import {
  keyframeImage,
  promptCounter,
  smolVlm2VideoSettings,
  videoPrompt,
  type PromptCounter,
} from './promptTokens';

const available = hubFilesAvailable();

describe.skipIf(!available)(
  `prompt sizes by SmolVLM's real tokenizer${available ? '' : ` (skipped: ${HUB_FILES_MISSING})`}`,
  () => {
    let counter: PromptCounter;
    beforeAll(async () => {
      counter = await promptCounter();
    });
    afterAll(() => counter.dispose());

    it("reads SmolVLM2's video settings from its configs", () => {
      expect(counter.real).toBe(true);
      expect(smolVlm2VideoSettings()).toMatchObject({
        fps: 1,
        maxFrames: 64,
        videoLongestEdge: 512,
        tileEdge: 512,
        imageSeqLen: 64,
      });
    });

    it('expands 32 raw frames into 32 × (64 <image> + 3 wrappers) tokens plus the timestamp text', () => {
      const v = videoPrompt(counter.video, 32, 31.5);
      expect(
        v.text.startsWith('You are provided the following series of thirty-two frames from a 0:00:31'),
      ).toBe(true);
      expect(v.text).toContain('\nFrame from 00:31:<fake_token_around_image><global-img><image>');
      const block = `<fake_token_around_image><global-img>${'<image>'.repeat(64)}<fake_token_around_image>`;
      const pieces = v.text.split(block);
      expect(pieces).toHaveLength(33);
      // Special tokens are single tokens and cut the text, so the text between them is counted on its own.
      const text = pieces.reduce((n, p) => n + counter.text(p), 0);
      expect(counter.text(v.text)).toBe(32 * (64 + 3) + text);
      expect(v.imageTokens).toBe(32 * 64);
      expect(videoPrompt(counter.video, 100, 100).frames).toBe(64);
    });

    it('counts a keyframe as the processor expands it at the engine size: one tile, 64 image tokens', async () => {
      const noImage = await counter.chat('Where is the chair?', []);
      const one = await counter.chat('Where is the chair?', [keyframeImage()]);
      expect(one.imageTokens).toBe(64);
      expect(one.tokens - noImage.tokens).toBe(64 + 3);
    });

    it('estimateTokens, the counter before a tokenizer loads, stays near the real count on prompts', () => {
      const scene = generateScene({ seed: 4242, frameCount: 30, noise: 'clean' });
      const mosaic = groundTruthMosaic(scene.groundTruth);
      const ratios: number[] = [];
      for (const q of generateQuestions(scene.groundTruth, { seed: 7, perType: 2 })) {
        const parsed = parseTemplate(q.question, q.options)!;
        const c = composePrompt(mosaic, q, parsed, solveTask(mosaic, parsed), {
          budget: { mapTokens: 400, promptTokens: 1000 },
        });
        for (const t of [c.prompt, c.map.text]) ratios.push(estimateTokens(t) / counter.text(t));
      }
      ratios.sort((a, b) => a - b);
      // Measured: whole prompts and maps are 0–40% over, never under (questions alone can be a token under).
      expect(ratios[0]).toBeGreaterThanOrEqual(1);
      expect(ratios.at(-1)).toBeLessThan(1.5);
    });
  },
);
