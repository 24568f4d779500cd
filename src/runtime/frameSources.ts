/** Where each input of a fused frame came from: defined with the pipeline core, where it is decided. */
export type { FrameSources } from '../core/pipeline/frameSources';
