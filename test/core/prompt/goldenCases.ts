import type { SerializeOptions } from '../../../src/core/prompt/serializeMosaic';

/** The golden-file cases: the test compares against __golden__/<name>.txt exactly. */
export const cases: { name: string; opts: SerializeOptions; turned?: boolean }[] = [
  { name: 'allocentric-cup-table', opts: { taskLabels: ['cup', 'dining table'], budgetTokens: 400 } },
  {
    name: 'egocentric-tv',
    opts: { taskLabels: ['tv'], budgetTokens: 400, frame: 'egocentric' },
    turned: true,
  },
  // The default map budget (DEFAULT_MAP_TOKENS) with the default (conservative) token estimate.
  { name: 'default-budget-tv-couch', opts: { taskLabels: ['tv', 'couch'] } },
  { name: 'tight-budget-summarised', opts: { taskLabels: ['couch'], budgetTokens: 90 } },
  {
    name: 'word-tokenizer',
    opts: {
      taskLabels: ['chair'],
      budgetTokens: 120,
      countTokens: (t) => t.split(/\s+/).length,
      gridSize: 8,
    },
  },
];
