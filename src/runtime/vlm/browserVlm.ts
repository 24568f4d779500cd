/**
 * The reasoner worker's VLM in a browser: SmolVLM2 through Transformers.js from the manifest's folder layout under
 * the models URL (the real model after `npm run models`, the tiny stand-in in tests). Absent folder → no VLM, and
 * the reasoner keeps answering with its tools.
 */
import { detectCapabilities } from '../../engines/backend/detectCapabilities';
import { browserEngineConfig } from '../../engines/transformers/browserWasmPaths';
import { createVisionLanguageModel } from '../../engines/transformers/createTransformersEngines';
import { SMOLVLM2_256M } from '../../engines/transformers/modelIds';
import type { VlmFactory } from './vlmConfig';

/** Whether `<base><id>/config.json` is really there (a 404, or an HTML fallback page, means it is not). */
export async function vlmFolderPresent(base: string, id: string, get = fetch): Promise<boolean> {
  const url = `${base.endsWith('/') ? base : `${base}/`}${id}/config.json`;
  try {
    const res = await get(url);
    if (!res.ok) return false;
    JSON.parse(await res.text());
    return true;
  } catch {
    return false;
  }
}

export const browserVlm: VlmFactory = {
  async available(config) {
    const id = config.vlmModelId ?? SMOLVLM2_256M;
    if (config.allowNetwork || (await vlmFolderPresent(config.modelsBaseUrl, id))) return null;
    return `${config.modelsBaseUrl}${id}/ is not there and downloads are off (run npm run models, or allow downloads)`;
  },
  async load(config, onProgress, onNotice) {
    const id = config.vlmModelId ?? SMOLVLM2_256M;
    const { caps } = await detectCapabilities();
    const vlm = createVisionLanguageModel({
      ...browserEngineConfig(config, caps, onNotice),
      modelIds: { vlm: id },
    });
    await vlm.load(onProgress);
    return vlm;
  },
};
