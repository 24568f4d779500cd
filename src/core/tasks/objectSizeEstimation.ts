import { longestDimension } from '../reasoning/spatialTools';
import { mainInstance, type TaskModule } from './task';
import { name, THE } from './templateText';

/** "What is the length of the longest dimension (length, width, or height) of the table, in centimeters?" */
export interface ObjectSizeEstimationTask {
  readonly kind: 'object_size_estimation';
  readonly label: string;
}

export const objectSizeEstimation: TaskModule<ObjectSizeEstimationTask, 'object_size_estimation'> = {
  kind: 'object_size_estimation',
  questionTypes: ['object_size_estimation'],
  numeric: true,
  tolerant: false,
  match(q) {
    const m = new RegExp(
      `longest dimension\\s*\\(length, width,? (?:or|and) height\\)\\s*of ${THE}(.+?),?\\s*(?:measured\\s+)?in (?:centimeters|centimetres|cm)\\b`,
      'i',
    ).exec(q);
    if (!m) return undefined;
    return { type: 'object_size_estimation', task: { kind: 'object_size_estimation', label: name(m[1]) } };
  },
  generate({ rng, unique, per, add }) {
    for (const o of rng.shuffle(unique).slice(0, per))
      add(
        'object_size_estimation',
        `What is the length of the longest dimension (length, width, or height) of the ${o.label}, measured in centimeters?`,
        Math.round(longestDimension(o) * 100),
      );
  },
  targets: (task) => [task.label],
  solve({ m, L, answered, ids }, task) {
    const o = mainInstance(m, L(task.label));
    const cm = Math.round(longestDimension(o!) * 100);
    return answered(
      cm,
      `The ${L(task.label)}'s longest dimension is about ${cm} cm.`,
      [`longest_dimension(${L(task.label)}) = ${cm} cm`],
      ids([o]),
      'cm',
    );
  },
};
