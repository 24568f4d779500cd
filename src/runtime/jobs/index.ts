export { buildDemoScene, DEMO_SCENE_ID, DEMO_SCENE_NAME } from './buildDemoScene';
export { buildSequence, groundTruthUp } from './buildSequence';
export { blobFileSource } from './blobFileSource';
export { fuseSequence, UnsupportedSequenceError, type SequencePerception } from './fuseSequence';
export type * from './types';
export type { FrameSink } from './frameSink';
