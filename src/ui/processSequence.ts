/** Moved to the perception worker's jobs (src/runtime/jobs/fuseSequence.ts); kept for src/element, which fuses in-thread. */
export {
  fuseSequence as processSequence,
  UnsupportedSequenceError,
  type ProcessSequenceOptions,
  type SequencePerception,
} from '../runtime/jobs/fuseSequence';
