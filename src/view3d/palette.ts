import { Color } from 'three';

/**
 * A stable colour per label: the same label gets the same hue in every scene and every session, so a person
 * learns "chairs are orange" without a legend.
 */
export function labelColor(label: string): Color {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  const hue = ((h >>> 0) % 360) / 360;
  return new Color().setHSL(hue, 0.65, 0.55);
}

export const SELECTED_COLOR = new Color('#ffd400');
export const HIGHLIGHT_COLOR = new Color('#ff3b6b');
export const TRAJECTORY_COLOR = new Color('#4fc3f7');
export const FRUSTUM_COLOR = new Color('#ffffff');
export const SEEN_AT_COLOR = new Color('#ffd400');
