import { describe, expect, it } from 'vitest';
import { canonicalLabel, normalizeName, pluralName, resolveLabel, singularName } from './labels';

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

describe('synonym groups resolve both ways', () => {
  // Each row: names people or benchmarks use for one class. Any of them finds a mosaic labelled with any other.
  const GROUPS = [
    ['sofa', 'couch', 'sofas', 'settee'],
    ['fridge', 'refrigerator', 'fridges'],
    ['telly', 'tv', 'television', 'TVs'],
    ['stove', 'oven', 'cooker', 'stoves'],
    ['plant', 'potted plant', 'houseplants'],
    ['bin', 'trash can', 'trash bin', 'garbage can', 'wastebasket'],
    ['bookcase', 'bookshelf', 'bookshelves'],
    ['nightstand', 'night stand', 'bedside table', 'nightstands'],
    ['table', 'dining table', 'tables'],
    ['washing machine', 'washer'],
    ['mug', 'cup', 'mugs'],
    ['cupboard', 'cabinet', 'cupboards'],
  ];
  for (const group of GROUPS)
    for (const mosaicLabel of group.filter((g) => g === g.toLowerCase() && !/s$/.test(g)))
      it(`${group.join(' / ')} → mosaic '${mosaicLabel}'`, () => {
        for (const asked of group)
          expect(resolveLabel(asked, ['chair', mosaicLabel, 'door']), asked).toMatchObject({
            found: true,
            label: mosaicLabel,
          });
      });

  it('prefers the exact label when the mosaic has two classes one detector label covers', () => {
    expect(resolveLabel('desk', ['dining table', 'desk'])).toMatchObject({ label: 'desk' });
    expect(resolveLabel('desk', ['dining table', 'chair'])).toMatchObject({ label: 'dining table' });
    expect(resolveLabel('stool', ['chair', 'stool'])).toMatchObject({ label: 'stool' });
    expect(resolveLabel('chair', ['chair', 'stool'])).toMatchObject({ label: 'chair' });
  });
  it('drops qualifiers the map cannot check, never a known name', () => {
    expect(resolveLabel('the black chair', ['chair'])).toMatchObject({ found: true, label: 'chair' });
    expect(resolveLabel('wooden tables', ['table'])).toMatchObject({ found: true, label: 'table' });
    expect(resolveLabel('table lamp', ['table'])).toMatchObject({ found: false });
  });
  it("a class with no label of its own in the map finds its detector's class under any name", () => {
    // A detector calls desks and coffee tables "dining table"; a benchmark map calls them all "table".
    expect(resolveLabel('desk', ['table', 'chair'])).toMatchObject({ found: true, label: 'table' });
    expect(resolveLabel('coffee table', ['table'])).toMatchObject({ found: true, label: 'table' });
    expect(resolveLabel('desk', ['desk', 'table'])).toMatchObject({ found: true, label: 'desk' });
  });
  it('keeps names with no class as free text', () => {
    expect(resolveLabel('pianos', ['chair'])).toEqual({ found: false, label: 'piano', asked: 'pianos' });
    expect(canonicalLabel('grandfather clocks')).toBe('grandfather clock');
    expect(normalizeName('shelves')).toBe('shelf');
    expect(normalizeName('knives')).toBe('knife');
    expect(normalizeName('glasses')).toBe('glass');
  });
});

describe('singular and plural of names', () => {
  it('turns a name written in the plural into its singular, and keeps a plural as it is', () => {
    expect(singularName('books')).toBe('book');
    expect(singularName('mice')).toBe('mouse');
    expect(singularName('potted plants')).toBe('potted plant');
    expect(pluralName('books')).toBe('books');
    expect(pluralName('book')).toBe('books');
    expect(pluralName('mouse')).toBe('mice');
    expect(pluralName('shelves')).toBe('shelves');
  });

  it('leaves class names that end in s as they are written', () => {
    for (const w of ['scissors', 'glass', 'bus']) expect(singularName(w)).toBe(w);
    expect(pluralName('scissors')).toBe('scissors');
    expect(pluralName('glass')).toBe('glasses');
    expect(pluralName('bus')).toBe('buses');
  });
});
