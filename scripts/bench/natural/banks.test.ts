import { describe, expect, it } from 'vitest';
import { FORMS } from './forms';
import { BANKS } from './generateNatural';
import { KINDS } from './phrasings';

const SLOT = /\{(an_)?([abc])(_pl)?\}|\{(unit|units)\}/g;

describe('phrasing banks', () => {
  for (const [name, bank] of Object.entries(BANKS)) {
    it(`${name}: every phrasing names a form its kind has, with well-formed slots`, () => {
      for (const k of KINDS)
        for (const p of bank[k]) {
          expect(Object.keys(FORMS[k]), p.id).toContain(p.form);
          // Anything in braces that is not a known slot would reach a question unfilled.
          expect(p.text.replace(SLOT, ''), p.id).not.toMatch(/[{}]/);
        }
    });
  }

  for (const name of ['bank3', 'bank4', 'bank5', 'bank6', 'bank7', 'bank8', 'bank9'] as const)
    it(`${name} asks every form of every kind, with at least 8 phrasings per kind`, () => {
      for (const k of KINDS) {
        expect(BANKS[name][k].length, k).toBeGreaterThanOrEqual(8);
        expect(new Set(BANKS[name][k].map((p) => p.form)), k).toEqual(new Set(Object.keys(FORMS[k])));
      }
    });
});
