import type { Mosaic } from '../core/mosaic/types';

/**
 * The honest answer path used until the reasoning loop (src/core/reasoning) is wired into the reasoner
 * worker: counting questions are answered exactly from the mosaic; every other question says plainly that
 * it cannot be answered yet, with what the mosaic holds.
 */
export interface MinimalAnswer {
  readonly text: string;
  readonly value?: number;
  readonly answered: boolean;
  readonly objectIds: string[];
  readonly steps: { step: string; detail: string }[];
}

const singular = (w: string): string =>
  w.endsWith('ies')
    ? `${w.slice(0, -3)}y`
    : w.endsWith('ches') || w.endsWith('shes')
      ? w.slice(0, -2)
      : w.replace(/s$/, '');

export function minimalAnswer(mosaic: Mosaic, question: string): MinimalAnswer {
  const labels = [...new Set(mosaic.objects.map((o) => o.label))].sort();
  const inventory = `the mosaic holds ${mosaic.objects.length} object(s)${labels.length ? `: ${labels.join(', ')}` : ''}`;
  const m = /how many ([a-z][a-z -]*?)(?: are| is| do| can| in| there|\?|$)/i.exec(question.trim());
  if (m) {
    const asked = singular(m[1].trim().toLowerCase());
    const hits = mosaic.objects.filter((o) => o.label.toLowerCase() === asked);
    return {
      text: `${hits.length}`,
      value: hits.length,
      answered: true,
      objectIds: hits.map((o) => o.id),
      steps: [
        { step: 'understand', detail: `counting question about "${asked}"` },
        { step: 'count', detail: `${hits.length} "${asked}" instance(s) in the mosaic; ${inventory}` },
      ],
    };
  }
  return {
    text: `I can't answer this kind of question yet: the reasoning loop is not wired into this build (only "how many …" questions are). For now, ${inventory}.`,
    answered: false,
    objectIds: [],
    steps: [
      {
        step: 'understand',
        detail: 'not a counting question; the full reasoning loop is not available in this build',
      },
    ],
  };
}
