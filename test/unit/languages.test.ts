import { describe, expect, it } from 'vitest';
import { languageOfLocale } from '../../src/languages/locale.js';

describe('languageOfLocale', () => {
  it.each([
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['de-CH', 'de'],
    ['de', 'de'],
    ['DE-de', 'de'],
    ['de_DE', 'de'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['es-419', 'en'],
    ['dev', 'en'],
    ['', 'en'],
  ])('%s → %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});
