import type { BackendPreference } from '../core/backend/decideBackend';
import type { Settings } from './uiTypes';

/** Persisted key; the version travels in the name so an incompatible change starts from defaults. */
export const SETTINGS_KEY = 'spatial-mosaic.settings.v1';

export const DEFAULT_SETTINGS: Settings = {
  backend: 'auto',
  tokenBudget: 600,
  iterationBudget: 3,
  units: 'metric',
  allowDownloads: false,
};

/** The scene open when the page was left: a reload reopens it. Its own key, so settings stay what users chose. */
export const LAST_SCENE_KEY = 'spatial-mosaic.lastScene.v1';

export function loadLastScene(storage: Pick<Storage, 'getItem'> | undefined): string | undefined {
  try {
    return storage?.getItem(LAST_SCENE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveLastScene(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
  id?: string,
): void {
  try {
    if (id) storage?.setItem(LAST_SCENE_KEY, id);
    else storage?.removeItem(LAST_SCENE_KEY);
  } catch {
    /* private mode / quota: the next load just starts empty */
  }
}

const BACKENDS: readonly BackendPreference[] = ['auto', 'webgpu', 'wasm'];

/** Settings from storage, then `?backend=` in the URL (tests and power users) wins for this page load. */
export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined, search: string): Settings {
  let s: Settings = DEFAULT_SETTINGS;
  try {
    const raw = storage?.getItem(SETTINGS_KEY);
    if (raw) s = sanitize({ ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<Settings>) });
  } catch {
    s = DEFAULT_SETTINGS; // unreadable storage: defaults, never a broken app
  }
  const fromUrl = new URLSearchParams(search).get('backend');
  if (fromUrl && (BACKENDS as readonly string[]).includes(fromUrl))
    s = { ...s, backend: fromUrl as BackendPreference };
  return s;
}

export function saveSettings(storage: Pick<Storage, 'setItem'> | undefined, s: Settings): void {
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(s));
  } catch {
    /* private mode / quota: settings just don't persist */
  }
}

export function sanitize(s: Settings): Settings {
  const int = (v: unknown, lo: number, hi: number, d: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : d;
  return {
    backend: BACKENDS.includes(s.backend) ? s.backend : 'auto',
    tokenBudget: int(s.tokenBudget, 200, 8000, DEFAULT_SETTINGS.tokenBudget),
    iterationBudget: int(s.iterationBudget, 0, 10, DEFAULT_SETTINGS.iterationBudget),
    units: s.units === 'imperial' ? 'imperial' : 'metric',
    allowDownloads: s.allowDownloads === true,
  };
}

/** A length for people: metres (or feet and inches), two significant decimals at most. */
export function formatLength(metres: number, units: Settings['units']): string {
  if (units === 'imperial') {
    const inches = metres / 0.0254;
    const ft = Math.floor(inches / 12);
    const inch = Math.round(inches - ft * 12);
    if (inch === 12) return `${ft + 1} ft 0 in`;
    // Under a foot, inches alone: "9 in", not "0 ft 9 in".
    return ft === 0 ? `${inch} in` : `${ft} ft ${inch} in`;
  }
  return metres < 1 ? `${Math.round(metres * 100)} cm` : `${metres.toFixed(2)} m`;
}

/**
 * `?models=` for this page load: where the model folders are (tests serve stand-ins apart from public/models/).
 * Only a same-origin path ("/…/"), so that a link cannot point the app at another site's model files.
 */
export function modelsBaseFromUrl(search: string): string | undefined {
  const v = new URLSearchParams(search).get('models');
  return v && /^\/(?!\/)[\w\-./]*\/$/.test(v) && !v.includes('..') ? v : undefined;
}
