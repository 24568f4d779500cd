/**
 * Prompt sizes as SmolVLM2 would see them, for the reasoning bench: counted with SmolVLM's real tokenizer.json
 * through Transformers.js (the SmolVLM2 stand-in of scripts/tiny-models carries it, with the real chat template
 * and processor configs), images expanded by the real processor at the size the VLM engine sends them.
 *
 * The raw-frame baseline follows transformers' SmolVLMProcessor.process_video under SmolVLM2's own video settings
 * (preprocessor_config.json video_sampling, processor_config.json image_seq_len): every frame is resized to one
 * max_image_size square (video frames are never split) and written as
 *   "\nFrame from MM:SS:" <fake_token_around_image><global-img> image_seq_len × <image> <fake_token_around_image>
 * after "You are provided the following series of {count in words} frames from a {H:MM:SS} [H:MM:SS] video.\n"
 * and before "\n\n". Without ../shared/models/hub-files the counts fall back to estimateTokens (and say so).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RgbImage } from '../../src/core/perception/types';
import { numberWords } from '../../src/core/prompt/rawFrames';
import { estimateTokens } from '../../src/core/reasoning/tokenEstimate';
import { NODE_CAPABILITIES } from '../../src/engines/transformers/backendChoice';
import { SMOLVLM2_256M } from '../../src/engines/transformers/modelIds';
import { SmolVlm } from '../../src/engines/vlm/smolVlm';
import { generateTinyModels } from '../tiny-models/generate';
import { HUB, hubFilesAvailable, hubJson } from '../tiny-models/hubFiles';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface VideoSettings {
  /** video_sampling.fps and max_frames: at most this many frames are sampled from a clip. */
  readonly fps: number;
  readonly maxFrames: number;
  /** video_sampling.video_size.longest_edge, then every frame is squared to max_image_size (one tile). */
  readonly videoLongestEdge: number;
  readonly tileEdge: number;
  /** <image> tokens per tile (processor_config.json). */
  readonly imageSeqLen: number;
  /** Where the settings were read. */
  readonly source: string;
}

/** SmolVLM2-256M's video settings, from its real configs. */
export function smolVlm2VideoSettings(): VideoSettings {
  const pre = hubJson<{
    max_image_size: { longest_edge: number };
    video_sampling: { fps: number; max_frames: number; video_size: { longest_edge: number } };
  }>(HUB.smolVlm2, 'preprocessor_config.json');
  const proc = hubJson<{ image_seq_len: number }>(HUB.smolVlm2, 'processor_config.json');
  return {
    fps: pre.video_sampling.fps,
    maxFrames: pre.video_sampling.max_frames,
    videoLongestEdge: pre.video_sampling.video_size.longest_edge,
    tileEdge: pre.max_image_size.longest_edge,
    imageSeqLen: proc.image_seq_len,
    source: `${HUB.smolVlm2}/{preprocessor,processor}_config.json`,
  };
}

/** The values of SmolVLM2-256M's configs, used (and labelled) only when the real files are absent. */
const DOCUMENTED_SETTINGS: VideoSettings = {
  fps: 1,
  maxFrames: 64,
  videoLongestEdge: 512,
  tileEdge: 512,
  imageSeqLen: 64,
  source: 'SmolVLM2-256M-Video-Instruct as documented (real configs absent)',
};

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * The video part of the prompt with its image tokens written out, as the processor expands `<video>`, for a clip
 * whose last frame is at `seconds`: frames sampled evenly from the first to the last (SmolVLM's sample_frames
 * uses np.linspace over the frame indices), at most max_frames of them.
 */
export function videoPrompt(
  settings: VideoSettings,
  requestedFrames: number,
  seconds: number,
): { text: string; frames: number; imageTokens: number } {
  const frames = Math.min(requestedFrames, settings.maxFrames);
  const d = Math.floor(seconds);
  const frame = `<fake_token_around_image><global-img>${'<image>'.repeat(settings.imageSeqLen)}<fake_token_around_image>`;
  const parts = [
    `You are provided the following series of ${numberWords(frames)} frames from a ${Math.floor(d / 3600)}:${two(Math.floor(d / 60) % 60)}:${two(d % 60)} [H:MM:SS] video.\n`,
  ];
  for (let i = 0; i < frames; i++) {
    const t = Math.floor(frames > 1 ? (i * seconds) / (frames - 1) : 0);
    parts.push(`\nFrame from ${two(Math.floor(t / 60))}:${two(t % 60)}:${frame}`);
  }
  parts.push('\n\n');
  return { text: parts.join(''), frames, imageTokens: frames * settings.imageSeqLen };
}

export interface PromptCounter {
  /** For the report: what counted. */
  readonly name: string;
  readonly real: boolean;
  readonly video: VideoSettings;
  /** Tokens of `text` alone (no chat template). */
  text(text: string): number;
  /** The whole prompt as the model gets it: chat template, text, and `images` expanded by the processor. */
  chat(prompt: string, images: readonly RgbImage[]): Promise<{ tokens: number; imageTokens: number }>;
  dispose(): Promise<void>;
}

/** SmolVLM's tokenizer, chat template and processor through the VLM engine on the SmolVLM2 stand-in. */
async function realCounter(): Promise<PromptCounter> {
  const dir = path.join(repoRoot, 'fixtures', 'models');
  generateTinyModels(dir, [SMOLVLM2_256M]);
  const vlm = new SmolVlm({
    source: { localModelPath: dir, allowRemoteModels: false, cacheDir: null },
    capabilities: NODE_CAPABILITIES,
  });
  await vlm.load();
  return {
    name: "SmolVLM's tokenizer.json (49,152 BPE tokens + 145 added) through Transformers.js, with its chat template and, for images, the real processor at the VLM engine's size",
    real: true,
    video: smolVlm2VideoSettings(),
    text: (t) => vlm.countTokens(t),
    chat: (prompt, images) => vlm.countPrompt({ prompt, images: [...images] }),
    dispose: () => vlm.dispose(),
  };
}

/** estimateTokens on the text; image tokens (+ 3 wrappers) as the processor writes one tile per image. */
function estimateCounter(): PromptCounter {
  const video = DOCUMENTED_SETTINGS;
  return {
    name: 'estimateTokens (the real tokenizer files were not found: an upper-bound estimate of the text, chat template not counted)',
    real: false,
    video,
    text: estimateTokens,
    chat: async (prompt, images) => {
      const imageTokens = images.length * video.imageSeqLen;
      return { tokens: estimateTokens(prompt) + imageTokens + images.length * 3, imageTokens };
    },
    dispose: async () => {},
  };
}

export async function promptCounter(): Promise<PromptCounter> {
  return hubFilesAvailable() ? realCounter() : estimateCounter();
}

/** A 640×480 keyframe (the sensors' size); the engine sends any keyframe as one tile, so only the count matters. */
export function keyframeImage(width = 640, height = 480): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 31) % 251;
  return { width, height, data };
}
