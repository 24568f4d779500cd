/**
 * What the reasoner worker needs to know to plug a VLM in, and the shape of a loaded one. The page sends the
 * config with `configure`; `vlm: 'auto'` uses the manifest's VLM when its folder is under the models URL.
 */
import type { ModelProgressCallback } from '../../engines/models/progress';
import type { VisionLanguageModel } from '../../engines/vlm/types';

export interface ReasonerConfig {
  readonly backend: 'auto' | 'webgpu' | 'wasm';
  /** URL path of the model folders (`/models/`). */
  readonly modelsBaseUrl: string;
  readonly allowNetwork: boolean;
  /** 'off': never load a VLM (tool answers and the honest fallback only). */
  readonly vlm: 'auto' | 'off';
  /** Hub id of the VLM folder; default SmolVLM2-256M. */
  readonly vlmModelId?: string;
  /** Tokens the VLM may generate per answer; default 128. */
  readonly maxNewTokens?: number;
}

export const DEFAULT_REASONER_CONFIG: ReasonerConfig = {
  backend: 'auto',
  modelsBaseUrl: '/models/',
  allowNetwork: false,
  vlm: 'auto',
};

/** Where the VLM comes from: a cheap presence check per configuration, and the (heavy) load on first use, resolving with the loaded model. */
export interface VlmFactory {
  /** null when the VLM can be loaded; otherwise why not (e.g. its folder is not under the models URL). */
  available(config: ReasonerConfig): Promise<string | null>;
  load(
    config: ReasonerConfig,
    onProgress: ModelProgressCallback,
    onNotice: (message: string) => void,
  ): Promise<VisionLanguageModel>;
}
