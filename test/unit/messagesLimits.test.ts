import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/messages/index.js';
import { CATALOGS, flatten } from '../support/catalogs.js';

/**
 * Slack cuts a modal's title, submit and close at 24 characters, a button at 75, an option at 75,
 * a header at 150 and a placeholder at 150 (the renderers clip, so an overlong text would be cut off
 * mid-word). Every message Slack shows in such a place fits in every language, filled in with the
 * longest system and vendor names of that language. `*` stands for one part of an id.
 */
const PLACES = {
  modalText: {
    limit: 24,
    ids: [
      'ui.credentials.title',
      'ui.credentials.done',
      'ui.credentials.cancel',
      'ui.credentials.submit',
      'ui.credentials.submitAgain',
      'ui.handover.askTitle',
      'ui.handover.askSubmit',
      'ui.handover.askCancel',
      'ui.handover.declineTitle',
      'ui.handover.declineSubmit',
      'ui.handover.declineBack',
      'ui.unavailable.formTitle',
      'ui.unavailable.close',
    ],
  },
  button: {
    limit: 75,
    ids: [
      'ui.button.*',
      'ui.flow.startGuide',
      'ui.flow.haveCredentials',
      'ui.flow.lackAccess',
      'ui.flow.backToGuide',
      'ui.flow.askColleague',
      'ui.handover.takeOver',
      'ui.handover.granted',
      'ui.handover.decline',
      'health.broken.fixButton',
      'health.renew.button',
      'lifecycle.linkers.ask',
      'lifecycle.linkers.retry',
      'lifecycle.replace.confirm',
      'lifecycle.replace.keep',
      'lifecycle.unlink.button',
      'lifecycle.unlink.confirm',
      'lifecycle.unlink.keep',
      'lifecycle.home.link',
      'lifecycle.home.replace',
      'lifecycle.home.fix',
      'lifecycle.home.unlink',
      'lifecycle.home.continue',
      'lifecycle.home.takeOver',
      'systems.*.partner.button',
      'systems.*.partner.manualButton',
      'systems.*.variants.*.label',
      // The picker's buttons are the systems' names.
      'systems.*.name',
      'systems.*.*.name',
    ],
  },
  option: {
    limit: 75,
    ids: ['systems.workable.expiryChoices.*', 'systems.workable.fields.tokenExpiry.specificDate'],
  },
  header: {
    limit: 150,
    ids: [
      'ui.flow.title',
      'ui.flow.linkedTitle',
      'ui.handover.requestTitle',
      'ui.status.title',
      'lifecycle.home.title',
      'lifecycle.home.systems',
      'lifecycle.home.yourSetups',
      'lifecycle.home.requests',
    ],
  },
  placeholder: {
    limit: 150,
    ids: [
      'systems.*.fields.*.placeholder',
      'systems.*.*.fields.*.placeholder',
      'ui.handover.colleaguePlaceholder',
      'ui.handover.notePlaceholder',
      'ui.handover.declinePlaceholder',
    ],
  },
} as const;

const matcher = (pattern: string) => new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')}$`);
const matchesAny = (patterns: readonly string[], id: string) =>
  patterns.some((pattern) => matcher(pattern).test(id));

const FILLER = 'x'.repeat(12);
const VENDORS = ['greenhouse', 'personio', 'recruitee', 'workable'];

/** A message filled in with the longest names the language has, and a 12-letter stand-in for any other value. */
function longestFilledIn(texts: Map<string, string>, text: string): string {
  const longest = (ids: string[]) =>
    ids.map((id) => texts.get(id) ?? '').reduce((a, b) => (b.length > a.length ? b : a), '');
  const names = [...texts.keys()].filter((id) => /^systems\.[^.]+(\.[^.]+)?\.name$/.test(id));
  const values: Record<string, string> = {
    system: longest(names),
    name: longest(names),
    vendor: longest(VENDORS.map((vendor) => `systems.${vendor}.name`)),
    count: '99',
  };
  return text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (_, param: string) => values[param] ?? FILLER);
}

describe.each(LANGUAGES)('in %s, Slack’s length limits', (language) => {
  const texts = flatten(CATALOGS[language]);

  it.each(Object.entries(PLACES))('hold for every %s', (_, { limit, ids }) => {
    const found = [...texts.keys()].filter((key) => matchesAny(ids, key.replace(/_(one|other)$/, '')));
    expect(found.length).toBeGreaterThan(0);
    const tooLong = found
      .map((key) => ({ key, text: longestFilledIn(texts, texts.get(key) ?? '') }))
      .filter(({ text }) => text.length > limit)
      .map(({ key, text }) => `${key} (${text.length} > ${limit}): ${text}`);
    expect(tooLong).toEqual([]);
  });

  it('are checked for every id listed: none of them is stale', () => {
    const ids = Object.values(PLACES).flatMap((place) => [...place.ids]);
    const keys = [...texts.keys()].map((key) => key.replace(/_(one|other)$/, ''));
    expect(ids.filter((pattern) => !keys.some((key) => matcher(pattern).test(key)))).toEqual([]);
  });
});

/** Every source file of the bot. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the places listed for the length check', () => {
  const source = sourceFiles(join(import.meta.dirname, '../../src'))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
  const idsIn = (pattern: RegExp, group: number) =>
    [...source.matchAll(pattern)].map((match) => (match[group] ?? '').replace(/\$\{[^}]*\}/g, '*'));

  it('include every message the renderers put in a modal’s title, submit or close', () => {
    const used = idsIn(/\btr?\(\s*(['`])([^'`]+)\1(?:\s*,\s*\{[^{}]*\})?\s*\)\s*,\s*LIMITS\.modalTitle/g, 2);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((id) => !matchesAny(PLACES.modalText.ids, id))).toEqual([]);
  });

  it('include every message the renderers put on a button', () => {
    const used = idsIn(/\btext:\s*tr?\(\s*(['`])([^'`]+)\1(?:\s*,\s*\{[^{}]*\})?\s*\)\s*,\s*actionId\b/g, 2);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((id) => !matchesAny(PLACES.button.ids, id))).toEqual([]);
  });

  it('include every message the renderers put in a header', () => {
    const used = idsIn(/\bheader\(\s*tr?\(\s*(['`])([^'`]+)\1/g, 2);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((id) => !matchesAny(PLACES.header.ids, id))).toEqual([]);
  });
});
