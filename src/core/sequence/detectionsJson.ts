import type { Detection } from '../perception/types';
import { oneLine, SequenceFormatError } from './sequenceFormatError';

/** `{"frames": {"00000": [{"label", "score", "box": [x0, y0, x1, y1]}]}}`, boxes in pixels. */
export function parseDetectionsJson(text: string, file = 'detections.json'): Map<string, Detection[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SequenceFormatError(`${file}: not valid JSON (${oneLine((e as Error).message)})`);
  }
  const frames = (json as { frames?: unknown } | null)?.frames;
  if (typeof frames !== 'object' || frames === null || Array.isArray(frames))
    throw new SequenceFormatError(`${file}: expected {"frames": {"00000": [ … ]}}`);
  const out = new Map<string, Detection[]>();
  for (const [id, list] of Object.entries(frames as Record<string, unknown>)) {
    if (!Array.isArray(list))
      throw new SequenceFormatError(`${file}: frames["${id}"] must be an array of detections`);
    out.set(
      id,
      list.map((d: unknown, j) => {
        const where = `${file}: frames["${id}"][${j}]`;
        const o = d as Record<string, unknown> | null;
        if (typeof o !== 'object' || o === null) throw new SequenceFormatError(`${where} must be an object`);
        if (typeof o.label !== 'string' || o.label.trim() === '')
          throw new SequenceFormatError(`${where}.label must be a non-empty string`);
        if (typeof o.score !== 'number' || !(o.score >= 0 && o.score <= 1))
          throw new SequenceFormatError(`${where}.score must be a number from 0 to 1`);
        const b = o.box;
        if (
          !Array.isArray(b) ||
          b.length !== 4 ||
          b.some((v) => typeof v !== 'number' || !Number.isFinite(v))
        )
          throw new SequenceFormatError(`${where}.box must be 4 finite numbers [x0, y0, x1, y1] in pixels`);
        if (b[2] < b[0] || b[3] < b[1]) throw new SequenceFormatError(`${where}.box has x1 < x0 or y1 < y0`);
        return { label: o.label, score: o.score, box: [b[0], b[1], b[2], b[3]] as const };
      }),
    );
  }
  return out;
}
