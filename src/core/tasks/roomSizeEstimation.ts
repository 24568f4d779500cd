import { answerUnit, formatIn, inUnit } from '../reasoning/answerUnits';
import { roomArea } from '../reasoning/spatialTools';
import { round } from './combinations';
import type { TaskModule } from './task';

/** "What is the size of this room (in square meters)?" */
export interface RoomSizeEstimationTask {
  readonly kind: 'room_size_estimation';
}

export const roomSizeEstimation: TaskModule<RoomSizeEstimationTask, 'room_size_estimation'> = {
  kind: 'room_size_estimation',
  questionTypes: ['room_size_estimation'],
  numeric: true,
  tolerant: false,
  match: (q) =>
    /what is the size of (?:this|the) room\b|\bsize of (?:this|the) room \(in square met(?:er|re)s\)/i.test(q)
      ? { type: 'room_size_estimation', task: { kind: 'room_size_estimation' } }
      : undefined,
  generate: ({ gt, add }) =>
    add(
      'room_size_estimation',
      'What is the size of this room (in square meters)?\nIf multiple rooms are shown, estimate the size of the combined space.',
      round(gt.room.width * gt.room.depth, 1),
    ),
  targets: () => [],
  solve({ m, parsed, units, free, answered }) {
    const r = roomArea(m);
    if (free) {
      const u = answerUnit('area', parsed.unit, units);
      return answered(
        inUnit(r.area, u),
        `The room is about ${formatIn(r.area, u)} (from the ${r.method}).`,
        [`room_area = ${r.area.toFixed(1)} m² (${r.method})`],
        [],
        u,
      );
    }
    const a = Math.round(r.area * 10) / 10;
    return answered(
      a,
      `The room is about ${a.toFixed(1)} m² (from the ${r.method}).`,
      [`room_area = ${a.toFixed(1)} m² (${r.method})`],
      [],
      'm2',
    );
  },
};
