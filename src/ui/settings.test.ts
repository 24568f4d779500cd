import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  formatLength,
  loadSettings,
  sanitize,
  SETTINGS_KEY,
  modelsBaseFromUrl,
} from './settings';

const store = (v: string | null) => ({ getItem: (k: string) => (k === SETTINGS_KEY ? v : null) });

describe('loadSettings', () => {
  it('defaults without storage, and ?backend= overrides', () => {
    expect(loadSettings(undefined, '')).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(undefined, '?backend=wasm').backend).toBe('wasm');
    expect(loadSettings(undefined, '?backend=cuda').backend).toBe('auto');
  });
  it('survives corrupt storage and clamps bad numbers', () => {
    expect(loadSettings(store('{not json'), '')).toEqual(DEFAULT_SETTINGS);
    const s = loadSettings(
      store('{"tokenBudget": 5, "iterationBudget": 99, "units": "imperial"}'),
      '?backend=webgpu',
    );
    expect(s).toEqual({
      backend: 'webgpu',
      tokenBudget: 200,
      iterationBudget: 10,
      units: 'imperial',
      allowDownloads: false,
    });
  });
  it('keeps the Hub download switch only when it is really on', () => {
    expect(loadSettings(store('{"allowDownloads": true}'), '').allowDownloads).toBe(true);
    expect(loadSettings(store('{"allowDownloads": "yes"}'), '').allowDownloads).toBe(false);
  });
  it('sanitize rejects unknown backends', () => {
    expect(sanitize({ ...DEFAULT_SETTINGS, backend: 'gpu' as never }).backend).toBe('auto');
  });
});

describe('formatLength', () => {
  it('metric: cm below a metre, else metres', () => {
    expect(formatLength(0.456, 'metric')).toBe('46 cm');
    expect(formatLength(2.345, 'metric')).toBe('2.35 m');
  });
  it('imperial: 1 m = 3 ft 3 in, and 0.3048 m = 1 ft 0 in', () => {
    expect(formatLength(1, 'imperial')).toBe('3 ft 3 in');
    expect(formatLength(0.3048, 'imperial')).toBe('1 ft 0 in');
    expect(formatLength(0.23, 'imperial')).toBe('9 in');
  });
});

describe('modelsBaseFromUrl', () => {
  it('takes a same-origin folder path, refuses other sites and parent paths', () => {
    expect(modelsBaseFromUrl('?models=%2Fe2e-fixtures%2Fmodels%2F')).toBe('/e2e-fixtures/models/');
    expect(modelsBaseFromUrl('?backend=wasm')).toBeUndefined();
    expect(modelsBaseFromUrl('?models=https://evil.example/models/')).toBeUndefined();
    expect(modelsBaseFromUrl('?models=//evil.example/models/')).toBeUndefined();
    expect(modelsBaseFromUrl('?models=/a/../b/')).toBeUndefined();
    expect(modelsBaseFromUrl('?models=/models')).toBeUndefined();
  });
});
