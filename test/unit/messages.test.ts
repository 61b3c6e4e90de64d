import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language, type MessageId, translator } from '../../src/messages/index.js';
import {
  byMessageId,
  CATALOGS,
  flatten,
  placeholdersOf,
  pluralFormOf,
  slackTokensOf,
  sortedDifference,
} from '../support/catalogs.js';

/**
 * Every language has every message of the English catalog and nothing else, with the same
 * placeholders and the same Slack formatting, and the plural forms its own grammar needs.
 */
const SOURCE: Language = 'en';
const OTHERS = LANGUAGES.filter((language) => language !== SOURCE);
const source = byMessageId(CATALOGS[SOURCE]);

/** Words of an informal address, where a language has a formal one ("Sie", not "du"). */
const INFORMAL_ADDRESS: Partial<Record<Language, RegExp>> = {
  de: /\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines|ihr habt|euch|euer|eure)\b/i,
};

const union = (sets: Iterable<Set<string>>) => new Set([...sets].flatMap((set) => [...set]));
const placeholdersOfId = (forms: Map<string, string>) => union([...forms.values()].map(placeholdersOf));
const slackTokensOfId = (forms: Map<string, string>) => union([...forms.values()].map(slackTokensOf));

describe.each(OTHERS)('the %s catalog', (language) => {
  const other = byMessageId(CATALOGS[language]);

  it('has every message id of the English catalog, and no other', () => {
    expect({ missing: sortedDifference(source.keys(), new Set(other.keys())) }).toEqual({ missing: [] });
    expect({ extra: sortedDifference(other.keys(), new Set(source.keys())) }).toEqual({ extra: [] });
  });

  /** The messages whose `tokensOf` differ from the English ones: what is missing and what is extra. */
  const differingBy = (tokensOf: (forms: Map<string, string>) => Set<string>) =>
    [...source]
      .filter(([id]) => other.has(id))
      .map(([id, forms]) => {
        const english = tokensOf(forms);
        const translated = tokensOf(other.get(id) ?? new Map());
        return {
          id,
          missing: sortedDifference(english, translated),
          extra: sortedDifference(translated, english),
        };
      })
      .filter(({ missing, extra }) => missing.length > 0 || extra.length > 0);

  it('fills in the same placeholders as English in each message', () => {
    expect(differingBy(placeholdersOfId)).toEqual([]);
  });

  it('keeps the Slack formatting of each message: emoji, mentions, link targets, code', () => {
    expect(differingBy(slackTokensOfId)).toEqual([]);
  });

  it('has exactly the plural forms its grammar distinguishes', () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.slice().sort();
    const plurals = [...other].filter(([, forms]) => [...forms.keys()].some((form) => form !== ''));
    expect(plurals.length).toBeGreaterThan(0);
    for (const [id, forms] of plurals)
      expect({ id, forms: [...forms.keys()].sort() }).toEqual({ id, forms: categories });
  });

  it('leaves no text empty and no English sentence untranslated', () => {
    const english = flatten(CATALOGS[SOURCE]);
    const englishWords = /\b(the|you|your|is|are|was|has|have|this|that|with|not|to|and|or)\b/i;
    const suspicious = [...flatten(CATALOGS[language])]
      .filter(([key, text]) => text.trim() === '' || (text === english.get(key) && englishWords.test(text)))
      .map(([key]) => key);
    expect(suspicious).toEqual([]);
  });

  it('addresses the reader formally', () => {
    const informal = INFORMAL_ADDRESS[language];
    const found = informal ? [...flatten(CATALOGS[language])].filter(([, text]) => informal.test(text)) : [];
    expect(found.map(([key]) => key)).toEqual([]);
  });

  it('is what the translator speaks: every message resolves in this language, placeholders filled', () => {
    const tr = translator(language);
    const texts = flatten(CATALOGS[language]);
    for (const [id, forms] of other) {
      const params = Object.fromEntries([...placeholdersOfId(forms)].map((name) => [name, `«${name}»`]));
      const plural = [...forms.keys()].some((form) => form !== '');
      const text = tr(id as MessageId, plural ? { ...params, count: 2 } : params);
      const expected = texts.get(plural ? `${id}_${new Intl.PluralRules(language).select(2)}` : id) ?? '';
      expect(text).toBe(
        expected.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (_, name) => (name === 'count' ? '2' : `«${name}»`)),
      );
    }
  });
});

describe('the parity check itself', () => {
  it('names a plural form by its id without the suffix', () => {
    expect(pluralFormOf('limits.when.minutes_one')).toBe('one');
    expect(byMessageId({ a: { b_one: 'x', b_other: '{{count}} x' } }).get('a.b')?.size).toBe(2);
  });

  it('lets a translation word a Slack date its own way, not point it at another moment', () => {
    expect([...slackTokensOf('seit <!date^{{since}}^{date_short} um {time}|{{fallback}}>')]).toEqual([
      '<!date^{{since}}',
    ]);
  });

  it('sees a placeholder or Slack token that a translation lost', () => {
    expect([...placeholdersOf('Hi {{ user }}, {{count}} left')]).toEqual(['user', 'count']);
    expect([...slackTokensOf(':wave: <@{{user}}> <https://x.test/a|here> `/wintro link`')].sort()).toEqual(
      [':wave:', '<@{{user}}', 'link https://x.test/a', '`/wintro link`'].sort(),
    );
  });
});

describe('texts with placeholders', () => {
  it('are filled with the values of each call, when the same text is asked for again and again', () => {
    for (const language of LANGUAGES) {
      const tr = translator(language);
      const texts = new Set<string>();
      // More calls than the translator keeps filled texts for, each text asked for twice.
      for (let count = 0; count < 5000; count += 1) {
        const once = tr('flow.kept.days', { count });
        expect(tr('flow.kept.days', { count })).toBe(once);
        expect(once).toContain(String(count));
        texts.add(once);
      }
      expect(texts.size).toBe(5000);
      expect(tr('flow.kept.days', { count: 1 })).not.toBe(tr('flow.kept.days', { count: 2 }));
    }
  });
});
