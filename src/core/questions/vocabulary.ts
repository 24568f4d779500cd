// The question vocabulary lives in the class catalogue; this module keeps its old import path.
export { benchmarkName, classOf, KNOWN_NAMES, VOCABULARY, type VocabularyClass } from '../catalog/vocabulary';
