/**
 * The message catalogs as flat tables, for tests that compare languages: every text by its full
 * key (`ui.flow.title`, `limits.when.minutes_one`), and the id a plural form belongs to.
 */
import { de } from '../../src/messages/de/index.js';
import { en } from '../../src/messages/en/index.js';
import type { Language } from '../../src/messages/index.js';

export const CATALOGS: Record<Language, object> = { en, de };

/** Every text of a catalog by its full key. */
export function flatten(tree: object, prefix = ''): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') texts.set(path, value);
    else if (value && typeof value === 'object')
      for (const entry of flatten(value, `${path}.`)) texts.set(...entry);
    else texts.set(path, String(value));
  }
  return texts;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The message id of a key: a plural form (`…_one`) belongs to the id without its suffix. */
export const messageIdOf = (key: string) => key.replace(PLURAL_SUFFIX, '');
export const pluralFormOf = (key: string) => key.match(PLURAL_SUFFIX)?.[1];

/** The texts of a catalog by message id; a plural id has one text per form. */
export function byMessageId(tree: object): Map<string, Map<string, string>> {
  const ids = new Map<string, Map<string, string>>();
  for (const [key, text] of flatten(tree)) {
    const id = messageIdOf(key);
    const forms = ids.get(id) ?? new Map<string, string>();
    forms.set(pluralFormOf(key) ?? '', text);
    ids.set(id, forms);
  }
  return ids;
}

/** The `{{placeholders}}` of a text. */
export const placeholdersOf = (text: string) =>
  new Set([...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((match) => match[1] ?? ''));

/**
 * What of a text's Slack formatting must read the same in every language: emoji, mentions and
 * special tokens (`<@…>`, `<#…>`, `<!…>`), link targets (`<url|`), and `code`.
 */
export function slackTokensOf(text: string): Set<string> {
  const tokens = new Set<string>();
  for (const [emoji] of text.matchAll(/:[a-z0-9_+-]+:(?!\/\/)/g)) tokens.add(emoji);
  // A date's format (`<!date^…^{date_short} at {time}|…>`) has words of its own: only its head must match.
  for (const [, special] of text.matchAll(/<([@#!][^>|^]*(?:\^[^>|^]*)?)/g)) tokens.add(`<${special}`);
  for (const [, target] of text.matchAll(/<((?:https?:\/\/|\{\{)[^>|]*)\|/g)) tokens.add(`link ${target}`);
  for (const [code] of text.matchAll(/`[^`\n]+`/g)) tokens.add(code);
  return tokens;
}

export const sortedDifference = (a: Iterable<string>, b: Set<string>) =>
  [...a].filter((x) => !b.has(x)).sort();
