export type { FileSource } from './fileSource';
export { memoryFileSource } from './fileSource';
export { SequenceFormatError } from './sequenceFormatError';
export { parseTrajectoryLog, writeTrajectoryLog } from './trajectoryLog';
export { parseIntrinsicsJson, writeIntrinsicsJson } from './intrinsicsJson';
export { parseDetectionsJson } from './detectionsJson';
export { openSequence } from './openSequence';
export type { Sequence, SequenceFrame } from './openSequence';
