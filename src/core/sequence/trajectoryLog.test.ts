import { describe, expect, it } from 'vitest';
import { parseTrajectoryLog, writeTrajectoryLog } from './trajectoryLog';
import { parseIntrinsicsJson, writeIntrinsicsJson } from './intrinsicsJson';

describe('trajectory.log', () => {
  it('round-trips poses through the Open3D log format', () => {
    const c = Math.cos(0.3);
    const s = Math.sin(0.3);
    const pose = [c, -s, 0, 1.25, s, c, 0, -0.5, 0, 0, 1, 2, 0, 0, 0, 1];
    const text = writeTrajectoryLog([pose, pose]);
    expect(text.split('\n')[5]).toBe('1 1 2');
    expect(text.split('\n')[1]).toBe(`${c.toFixed(8)} ${(-s).toFixed(8)} 0.00000000 1.25000000`);
    const back = parseTrajectoryLog(text);
    expect(back).toHaveLength(2);
    back[1].forEach((v, i) => expect(v).toBeCloseTo(pose[i], 7));
  });

  it('rejects an empty file', () => {
    expect(() => parseTrajectoryLog('\n\n')).toThrow(/trajectory\.log: contains no poses/);
  });
});

describe('intrinsics.json', () => {
  it('round-trips Open3D column-major intrinsics', () => {
    const k = { width: 640, height: 480, fx: 525, fy: 520, cx: 319.5, cy: 239.5 };
    const text = writeIntrinsicsJson(k);
    expect(JSON.parse(text).intrinsic_matrix).toEqual([525, 0, 0, 0, 520, 0, 319.5, 239.5, 1]);
    expect(parseIntrinsicsJson(text)).toEqual(k);
  });
});
