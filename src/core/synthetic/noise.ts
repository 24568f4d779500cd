/**
 * Noise knobs of generated sequences. Each is independent and off in `clean`; `realistic` is roughly a
 * consumer RGB-D camera with a decent tracker and a good-but-imperfect closed-set detector.
 */
export interface NoiseOptions {
  /** Scale of the Kinect-style axial depth noise σ(z) = 1.2 mm + 1.9 mm·(z − 0.4 m)² (0 = exact). */
  readonly depthNoise: number;
  /** Fraction of depth pixels with no reading (written as 0). */
  readonly depthDropout: number;
  /** Random-walk pose drift per frame: translation σ (metres) and rotation σ (radians) written to trajectory.log. */
  readonly poseDriftTranslation: number;
  readonly poseDriftRotation: number;
  /** Probability that a visible object is not detected in a frame. */
  readonly missRate: number;
  /** Probability that a detection carries a confusable label (see fusion/labelCompatibility). */
  readonly labelConfusion: number;
  /** σ of each box edge, as a fraction of the box's width/height. */
  readonly boxJitter: number;
  /** Expected number of spurious detections per frame (random label, random box). */
  readonly falsePositives: number;
}

export const NOISE_PRESETS: Readonly<Record<'clean' | 'realistic', NoiseOptions>> = {
  clean: {
    depthNoise: 0,
    depthDropout: 0,
    poseDriftTranslation: 0,
    poseDriftRotation: 0,
    missRate: 0,
    labelConfusion: 0,
    boxJitter: 0,
    falsePositives: 0,
  },
  realistic: {
    depthNoise: 1,
    depthDropout: 0.02,
    poseDriftTranslation: 0.0015,
    poseDriftRotation: 0.0005,
    missRate: 0.1,
    labelConfusion: 0.05,
    boxJitter: 0.04,
    falsePositives: 0.1,
  },
};

export type NoiseSpec = NoiseOptions | keyof typeof NOISE_PRESETS;

export function resolveNoise(spec: NoiseSpec | undefined): NoiseOptions {
  if (spec === undefined) return NOISE_PRESETS.clean;
  if (typeof spec === 'string') {
    const preset = NOISE_PRESETS[spec];
    if (!preset) throw new RangeError(`unknown noise preset "${spec}": use clean or realistic`);
    return preset;
  }
  return spec;
}
