/**
 * Hub ids of the Transformers.js models the engines load by default. The tiny test models are generated under the
 * same ids (fixtures/models/<id>/), so that tests exercise exactly the lookup a real model folder gets.
 */
export const DEPTH_ANYTHING_V2_SMALL = 'onnx-community/depth-anything-v2-small';
export const SMOLVLM2_256M = 'HuggingFaceTB/SmolVLM2-256M-Video-Instruct';
export const SMOLVLM2_500M = 'HuggingFaceTB/SmolVLM2-500M-Video-Instruct';
export const OWLV2_BASE = 'Xenova/owlv2-base-patch16-ensemble';
/** SmolVLM2's image-only predecessor: same tokenizer and layout; the model whose download is fully pinned. */
export const SMOLVLM_256M = 'HuggingFaceTB/SmolVLM-256M-Instruct';
