import { rigidityProblem } from '../geometry/se3';
import { asCameraToWorld, type CameraToWorld, type Mat4 } from '../geometry/types';
import { SequenceFormatError } from './sequenceFormatError';

/**
 * Open3D "log" trajectories: per pose, a metadata line of three integers (`i i i+1` for a trajectory),
 * then the 4×4 camera-to-world matrix row by row, metres.
 */
export function parseTrajectoryLog(text: string, file = 'trajectory.log'): CameraToWorld[] {
  const lines = text.split(/\r?\n/);
  const poses: CameraToWorld[] = [];
  let i = 0;
  const nextLine = (): { tokens: string[]; line: number } | undefined => {
    while (i < lines.length) {
      const raw = lines[i++].trim();
      if (raw !== '') return { tokens: raw.split(/\s+/), line: i };
    }
    return undefined;
  };
  for (;;) {
    const header = nextLine();
    if (!header) break;
    const m = poses.length;
    if (header.tokens.length !== 3 || header.tokens.some((t) => !/^-?\d+$/.test(t)))
      throw new SequenceFormatError(
        `${file}: line ${header.line}: expected the header of matrix ${m} (three integers "i i i+1"), got "${clip(header.tokens.join(' '))}"`,
      );
    const frame = Number(header.tokens[0]);
    const values: number[] = [];
    for (let r = 0; r < 4; r++) {
      const row = nextLine();
      if (!row)
        throw new SequenceFormatError(`${file}: matrix ${m} (frame ${frame}) is cut short (expected 4 rows)`);
      if (row.tokens.length !== 4)
        throw new SequenceFormatError(
          `${file}: line ${row.line}: matrix ${m} (frame ${frame}) row ${r} has ${row.tokens.length} numbers, expected 4`,
        );
      for (const t of row.tokens) {
        const v = Number(t);
        if (Number.isNaN(v) && !/^[+-]?nan$/i.test(t))
          throw new SequenceFormatError(
            `${file}: line ${row.line}: "${clip(t)}" in matrix ${m} (frame ${frame}) is not a number`,
          );
        values.push(v);
      }
    }
    const problem = rigidityProblem(values);
    if (problem)
      throw new SequenceFormatError(
        `${file}: matrix ${m} (frame ${frame}) ${problem.startsWith('contains') ? problem : `is not a camera pose: ${problem}`}`,
      );
    poses.push(asCameraToWorld(values));
  }
  if (poses.length === 0) throw new SequenceFormatError(`${file}: contains no poses`);
  return poses;
}

/** Quotes at most 60 characters of the file (a binary file has no line breaks to stop at). */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Writes poses in the same format (frame i gets the header `i i i+1`), 8 decimals like Open3D. */
export function writeTrajectoryLog(poses: readonly Mat4[]): string {
  const out: string[] = [];
  poses.forEach((p, i) => {
    out.push(`${i} ${i} ${i + 1}`);
    for (let r = 0; r < 4; r++) {
      out.push(
        [0, 1, 2, 3].map((c) => (Object.is(p[r * 4 + c], -0) ? 0 : p[r * 4 + c]).toFixed(8)).join(' '),
      );
    }
  });
  return out.join('\n') + '\n';
}
