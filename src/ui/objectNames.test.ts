import { describe, expect, it } from 'vitest';
import { objectNames } from './objectNames';

describe('objectNames', () => {
  it('numbers repeated labels in map order and leaves unique ones bare, never showing ids', () => {
    const names = objectNames([
      { id: 'chair-7', label: 'chair' },
      { id: 'couch-3', label: 'couch' },
      { id: 'chair-2', label: 'chair' },
    ]);
    expect([...names.entries()]).toEqual([
      ['chair-7', 'chair 1'],
      ['couch-3', 'couch'],
      ['chair-2', 'chair 2'],
    ]);
  });
});
