/**
 * Data that crosses between perception engines, fusion and the reasoner. Plain typed arrays so that they
 * can be transferred (not copied) between workers.
 */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** Interleaved RGB, 8 bits per channel, row-major, length width*height*3. */
  readonly data: Uint8Array;
}

export interface DepthImage {
  readonly width: number;
  readonly height: number;
  /** Metres along the optical axis; 0 or NaN = no depth. */
  readonly data: Float32Array;
}

/** A 2D detection in pixels of the frame it came from (ARCHITECTURE.md detections.json entry). */
export interface Detection {
  readonly label: string;
  readonly score: number;
  readonly box: readonly [number, number, number, number];
  /**
   * The detector's next-best classes for the same box with their scores (same scale as `score`), best first,
   * when it gives them (a closed-set detector scores every class): fusion falls back on them when the 3D
   * size rules out `label` (a magazine called "remote").
   */
  readonly alternatives?: readonly DetectionAlternative[];
}

export interface DetectionAlternative {
  readonly label: string;
  readonly score: number;
}
