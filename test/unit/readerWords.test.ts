import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCallbackPage } from '../../src/blocks/callbackPage.js';
import { renderCredentialsModal } from '../../src/blocks/credentialsModal.js';
import { renderFlowMessage } from '../../src/blocks/flowMessage.js';
import { renderStatus } from '../../src/blocks/replies.js';
import type { FlowState } from '../../src/flows/state.js';
import { renderInstallFailure, renderInstallSuccess } from '../../src/installations/pages.js';
import { browserLanguage } from '../../src/messages/browserLanguage.js';
import { formatDay } from '../../src/messages/dates.js';
import { translator } from '../../src/messages/index.js';
import { createCatalogs } from '../../src/systems/catalog.js';
import type { VerifyContext } from '../../src/systems/types.js';
import { aFlow } from '../support/flowFixture.js';

const catalogs = createCatalogs();
const de = translator('de');
const en = translator('en');

const flow: FlowState = aFlow({ id: 'flowABCDEF', version: 3 });

const textOf = (value: unknown) => JSON.stringify(value);

describe('one process, two readers', () => {
  it('draws the same step in German for a German reader and in English for an English one', () => {
    const german = catalogs.in('de').system('greenhouse');
    const english = catalogs.in('en').system('greenhouse');
    if (!german || !english) throw new Error('no Greenhouse');
    const forGerman = textOf(renderFlowMessage(de, flow, german, { withImages: true }).blocks);
    const forEnglish = textOf(renderFlowMessage(en, flow, english, { withImages: true }).blocks);
    expect(forGerman).toContain('Greenhouse mit Wintro verbinden');
    expect(forGerman).toContain(de('ui.button.next'));
    expect(forGerman).not.toContain(en('ui.button.next'));
    expect(forEnglish).toContain(en('ui.flow.title', { system: 'Greenhouse' }));
    expect(forEnglish).not.toContain('Greenhouse mit Wintro verbinden');
  });

  it('keeps each catalog to its language: guide steps and field labels', () => {
    const german = catalogs.in('de').system('greenhouse');
    const english = catalogs.in('en').system('greenhouse');
    expect(german?.steps.map((step) => step.title)).not.toEqual(english?.steps.map((step) => step.title));
    expect(german?.steps).toHaveLength(english?.steps.length ?? -1);
    const germanForm = textOf(renderCredentialsModal(de, flow.id, german as never, { kind: 'form' }));
    expect(germanForm).toContain(de('ui.credentials.cancel'));
    expect(germanForm).toContain(german?.credentialFields[0]?.hint ?? 'missing');
    expect(catalogs.any.system('greenhouse')?.aliases).toEqual(english?.aliases);
  });

  it('answers a check in the words of the catalog it came from, even after awaits and side by side', async () => {
    const refused: VerifyContext = {
      http: {
        send: async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return { ok: true, response: { status: 401, headers: {}, body: '{"error":"invalid_client"}' } };
        },
      },
    };
    const credentials = { client_id: 'client-12345678', client_secret: 'secret-12345678', user_id: '42' };
    const [german, english] = await Promise.all([
      catalogs.in('de').system('greenhouse')?.verify(credentials, refused),
      catalogs.in('en').system('greenhouse')?.verify(credentials, refused),
    ]);
    expect(german).toMatchObject({ ok: false, code: 'invalid_client' });
    expect(english).toMatchObject({ ok: false, code: 'invalid_client' });
    expect(german?.ok === false && german.title).toBe(de('systems.greenhouse.invalidClient.title'));
    expect(english?.ok === false && english.title).toBe(en('systems.greenhouse.invalidClient.title'));
    expect(de('systems.greenhouse.invalidClient.title')).not.toBe(
      en('systems.greenhouse.invalidClient.title'),
    );
  });

  it('writes field errors in the catalog’s language', () => {
    const germanField = catalogs.in('de').system('greenhouse')?.credentialFields[0];
    const englishField = catalogs.in('en').system('greenhouse')?.credentialFields[0];
    expect(germanField?.validate('')).not.toBe(englishField?.validate(''));
    expect(englishField?.validate('')).toContain('Paste the');
  });
});

describe('dates as the reader writes them', () => {
  it('is 30.11.2026 in German and 2026-11-30 in English', () => {
    expect(formatDay('de', '2026-11-30')).toBe('30.11.2026');
    expect(formatDay('de', '2026-11-30T23:30:00.000Z')).toBe('30.11.2026');
    expect(formatDay('en', '2026-11-30T23:30:00.000Z')).toBe('2026-11-30');
    expect(formatDay('de', Date.UTC(2027, 0, 5))).toBe('05.01.2027');
    expect(formatDay('en', 'not a date')).toBe('not a date');
  });
});

describe('dates in what a reader is shown', () => {
  it('writes the expiry in /wintro status as its reader writes dates', () => {
    const connection = {
      systemId: 'workable',
      flowId: 'flowABCDEF',
      linkedBy: 'U1',
      linkedAt: Date.UTC(2026, 10, 2),
      expiresAt: '2026-11-30T00:00:00.000Z',
      details: [],
    };
    const status = (language: 'de' | 'en') =>
      textOf(renderStatus(translator(language), language, catalogs.in(language), [], [connection]).blocks);
    expect(status('de')).toContain('30.11.2026');
    expect(status('de')).toContain('|02.11.2026>');
    expect(status('en')).toContain('2026-11-30');
    expect(status('en')).not.toContain('30.11.2026');
  });
});

describe('pages for a browser', () => {
  it('are in the browser’s language, and say so', () => {
    const german = renderCallbackPage('de', de('systems.common.authorization.page.denied'));
    expect(german.html).toContain('<html lang="de">');
    expect(german.html).toContain(`<title>${de('systems.common.authorization.page.title')}</title>`);
    expect(renderCallbackPage('en', 'x').html).toContain('<html lang="en">');
    expect(renderInstallSuccess('de', 'Acme')).toContain('<html lang="de">');
    expect(renderInstallSuccess('de', 'Acme')).toContain(de('install.success.title'));
    expect(renderInstallFailure('en', 'cancelled')).toContain(en('install.failed.cancelled.title'));
  });
});

describe('the language of a page for a browser', () => {
  it('takes the first language the bot speaks in the order the browser prefers', () => {
    expect(browserLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(browserLanguage('en-US,en;q=0.9,de;q=0.8')).toBe('en');
    expect(browserLanguage('fr-FR, de;q=0.7, en;q=0.5')).toBe('de');
    expect(browserLanguage('en;q=0.4, de-AT;q=0.8')).toBe('de');
    expect(browserLanguage('fr, it')).toBe('en');
    expect(browserLanguage(undefined)).toBe('en');
    expect(browserLanguage('de;q=0, en')).toBe('en');
  });
});

describe('no English by accident', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });

  it('leaves the global English `t` to nobody in src: every text takes its reader’s Translate', () => {
    const importsT = /import\s*\{[^}]*(?<![\w$])t(?![\w$])[^}]*\}\s*from\s*'[./]*messages\/index\.js'/;
    const offenders = files('src').filter((path) => importsT.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('links to vendor help in the reader’s language', () => {
  it.each([
    ['en', 'https://support.personio.de/hc/en-us/articles/360000038205'],
    ['de', 'https://support.personio.de/hc/de/articles/360000038205'],
  ] as const)('Personio’s access-rights article for a %s reader', (language, article) => {
    for (const id of ['personio-recruiting', 'personio-employees']) {
      const system = catalogs.in(language).system(id);
      expect(system?.prerequisites.whoCanHelp).toContain(article);
    }
  });
});
