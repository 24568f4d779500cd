import { describe, expect, it } from 'vitest';
import { canonicalLabel, normalizeName, resolveLabel } from './labels';

describe('labels', () => {
  it('singularises and strips articles', () => {
    expect(normalizeName('the Chairs')).toBe('chair');
    expect(normalizeName('chair(s)')).toBe('chair');
    expect(normalizeName('couches')).toBe('couch');
    expect(normalizeName('potted plants')).toBe('potted plant');
    expect(normalizeName('bus')).toBe('bus');
    expect(normalizeName('glass')).toBe('glass');
  });
  it('maps synonyms to COCO labels', () => {
    expect(canonicalLabel('sofa')).toBe('couch');
    expect(canonicalLabel('TV')).toBe('tv');
    expect(canonicalLabel('television')).toBe('tv');
    expect(canonicalLabel('table')).toBe('dining table');
    expect(canonicalLabel('plants')).toBe('potted plant');
    expect(canonicalLabel('fridge')).toBe('refrigerator');
  });
  it('resolves against the mosaic labels, either way round, and reports what is not there', () => {
    expect(resolveLabel('sofa', ['couch', 'tv'])).toEqual({ found: true, label: 'couch', asked: 'sofa' });
    expect(resolveLabel('dining table', ['table'])).toMatchObject({ found: true, label: 'table' });
    expect(resolveLabel('giraffe', ['couch'])).toEqual({ found: false, label: 'giraffe', asked: 'giraffe' });
  });
});
