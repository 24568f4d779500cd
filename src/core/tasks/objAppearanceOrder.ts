import type { AnswerOption } from '../questions/types';
import { appearanceOrder, objectsLabelled } from '../reasoning/spatialTools';
import type { TaskModule } from './task';
import { list } from './templateText';

/**
 * "What will be the first-time appearance order of the following categories in the video: sofa, tv, bed?"
 * `ask` (free-form only): 'first' / 'last' — which one of them ("which did I see first, the sofa or the tv?");
 * 'before' / 'after' — yes/no for the first named against the second ("did I see the cup before the bed?").
 */
export interface ObjAppearanceOrderTask {
  readonly kind: 'obj_appearance_order';
  readonly labels: string[];
  readonly ask?: 'first' | 'last' | 'before' | 'after';
}

export const objAppearanceOrder: TaskModule<ObjAppearanceOrderTask, 'obj_appearance_order'> = {
  kind: 'obj_appearance_order',
  questionTypes: ['obj_appearance_order'],
  numeric: false,
  tolerant: true,
  match(q) {
    const m =
      /first[- ]time appearance order of the following (?:categories|objects)(?: in the video)?:\s*(.+?)\?/i.exec(
        q,
      );
    if (!m) return undefined;
    return { type: 'obj_appearance_order', task: { kind: 'obj_appearance_order', labels: list(m[1]) } };
  },
  generate({ rng, labels, byLabel, per, out, mc, add }) {
    let n = 0;
    const firstSeen = labels.map((l) => ({
      l,
      f: Math.min(...byLabel.get(l)!.map((o) => o.firstSeenFrame)),
    }));
    for (let attempt = 0; attempt < 30 && n < per && firstSeen.length >= 4; attempt++) {
      const pick = rng.shuffle(firstSeen).slice(0, 4);
      const order = [...pick].sort((a, b) => a.f - b.f);
      // Appearance times at least 3 frames apart.
      if (order.some((x, i) => i > 0 && x.f - order[i - 1].f < 3)) continue;
      const correct = order.map((x) => x.l).join(', ');
      if (
        out.some(
          (q) =>
            q.question_type === 'obj_appearance_order' &&
            q.question.includes(pick.map((x) => x.l).join(', ')),
        )
      )
        continue;
      const perms = new Set<string>();
      while (perms.size < 3) {
        const p = rng.shuffle(order.map((x) => x.l)).join(', ');
        if (p !== correct) perms.add(p);
      }
      const { options, letter } = mc(correct, [...perms]);
      add(
        'obj_appearance_order',
        `What will be the first-time appearance order of the following categories in the video: ${pick.map((x) => x.l).join(', ')}?`,
        letter,
        options,
      );
      n++;
    }
  },
  targets: (task) => [...task.labels],
  solve({ m, L, options, answered, ids }, task) {
    const order = appearanceOrder(m, task.labels.map(L));
    const facts = order.map(
      (o) =>
        `first_seen(${o.label}) = ${Number.isFinite(o.firstSeenFrame) ? `frame ${o.firstSeenFrame}` : 'never'}`,
    );
    const seq = order.map((o) => o.label);
    const seen = ids(task.labels.flatMap((l) => objectsLabelled(m, L(l))));
    if (!options) {
      const asked = order.map((o) => task.labels.find((l) => L(l) === o.label) ?? o.label);
      return answered(asked.join(', '), `First seen in this order: ${asked.join(', ')}.`, facts, seen);
    }
    // The option whose order agrees with the most pairs of the computed order.
    let best: AnswerOption | undefined;
    let bestAgree = -1;
    for (const o of options) {
      const names = o.text.split(/,\s*/).map(L);
      let agree = 0;
      for (let i = 0; i < names.length; i++)
        for (let j = i + 1; j < names.length; j++) if (seq.indexOf(names[i]) < seq.indexOf(names[j])) agree++;
      if (agree > bestAgree) {
        bestAgree = agree;
        best = o;
      }
    }
    return answered(best?.letter, `First seen in this order: ${seq.join(', ')}.`, facts, seen);
  },
};
