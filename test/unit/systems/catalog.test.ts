import { describe, expect, it } from 'vitest';
import { catalogOf, createCatalog } from '../../../src/systems/catalog.js';

describe('catalog names', () => {
  const catalog = createCatalog();

  it('names a system, a family, or falls back to the id', () => {
    expect(catalog.name('greenhouse')).toBe('Greenhouse');
    expect(catalog.name('personio-employees')).toBe('Personio (employees)');
    expect(catalog.name('personio')).toBe('Personio');
    expect(catalog.name('nope')).toBe('nope');
  });

  it('links a family’s systems through the family by default', () => {
    expect(catalog.linkWord('greenhouse')).toBe('greenhouse');
    expect(catalog.linkWord('workable')).toBe('workable');
    expect(catalog.linkWord('personio-recruiting')).toBe('personio');
    expect(catalog.linkWord('personio-employees', 'family')).toBe('personio');
    expect(catalog.linkWord('personio')).toBe('personio');
    expect(catalog.linkWord('nope')).toBe('nope');
  });

  it('names the very system when asked for the exact word', () => {
    expect(catalog.linkWord('personio-employees', 'exact')).toBe('personio employees');
    expect(catalog.linkWord('personio-recruiting', 'exact')).toBe('personio recruiting');
    expect(catalog.linkWord('greenhouse', 'exact')).toBe('greenhouse');
    expect(catalog.linkWord('personio', 'exact')).toBe('personio');
    expect(catalog.linkWord('nope', 'exact')).toBe('nope');
  });

  it('prefers the family alias over a one-word alias of a family member when exact', () => {
    const [first] = catalog.systems;
    if (!first) throw new Error('empty catalog');
    const custom = catalogOf(
      [{ ...first, id: 'gh-one', aliases: ['ghone'] }],
      [
        {
          id: 'fam',
          name: 'Fam',
          aliases: ['fam word'],
          question: '?',
          variants: [{ systemId: 'gh-one', label: 'a', description: 'b' }],
        },
      ],
    );
    expect(custom.linkWord('gh-one', 'exact')).toBe('fam word');
    expect(custom.linkWord('gh-one')).toBe('fam word');
  });
});
