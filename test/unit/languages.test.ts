import { describe, expect, it } from 'vitest';
import { GERMAN_VERBS, parseCommand } from '../../src/flows/parseCommand.js';
import { type FlowState, flowStateSchema, holderLanguage } from '../../src/flows/state.js';
import { transition } from '../../src/flows/transitions.js';
import { languageOfLocale } from '../../src/languages/locale.js';
import { translator } from '../../src/messages/index.js';
import { catalogOf } from '../../src/systems/catalog.js';
import { createGreenhouse } from '../../src/systems/greenhouse/index.js';
import { aFlow } from '../support/flowFixture.js';

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

describe('/wintro language and the German command words', () => {
  const catalog = catalogOf([createGreenhouse(translator('en'))], []);
  it.each([
    ['language', { kind: 'language' }],
    ['sprache', { kind: 'language' }],
    ['language de', { kind: 'language', set: { scope: 'person', language: 'de' } }],
    ['Sprache Deutsch', { kind: 'language', set: { scope: 'person', language: 'de' } }],
    ['language english', { kind: 'language', set: { scope: 'person', language: 'en' } }],
    ['sprache englisch', { kind: 'language', set: { scope: 'person', language: 'en' } }],
    ['language auto', { kind: 'language', set: { scope: 'person', language: 'auto' } }],
    ['sprache automatisch', { kind: 'language', set: { scope: 'person', language: 'auto' } }],
    ['language channel de', { kind: 'language', set: { scope: 'channel', language: 'de' } }],
    ['sprache kanal en', { kind: 'language', set: { scope: 'channel', language: 'en' } }],
    ['language channel', { kind: 'language' }],
    ['language fr', { kind: 'bad_language', input: 'fr', scope: 'person' }],
    ['language channel auto', { kind: 'bad_language', input: 'auto', scope: 'channel' }],
    ['language channel klingon', { kind: 'bad_language', input: 'klingon', scope: 'channel' }],
    ['verbinden greenhouse', { kind: 'link', target: { type: 'system', id: 'greenhouse' } }],
    ['verbinden', { kind: 'pick' }],
    ['hilfe', { kind: 'help' }],
    ['status', { kind: 'status' }],
    ['abbrechen', { kind: 'cancel' }],
    ['abbrechen greenhouse', { kind: 'cancel', target: { type: 'system', id: 'greenhouse' } }],
    ['benachrichtigen', { kind: 'notify' }],
  ])('%s', (text, command) => {
    expect(parseCommand(text, catalog)).toEqual(command);
  });

  it('suggests a German word when one is mistyped', () => {
    expect(parseCommand('verbindn greenhouse', catalog)).toEqual({
      kind: 'unknown',
      input: 'verbindn greenhouse',
      suggestion: 'verbinden greenhouse',
    });
    expect(parseCommand('sprahce', catalog)).toMatchObject({ kind: 'unknown', suggestion: 'sprache' });
  });

  it('names every German word in the help text of both languages', () => {
    for (const language of ['en', 'de'] as const) {
      const help = translator(language)('language.help.aliases');
      for (const word of Object.keys(GERMAN_VERBS)) expect(help).toContain(`\`${word}\``);
    }
  });
});

describe('the holder language of a flow', () => {
  const ctx = { now: 1000, stepCount: 3 };
  const apply = (state: FlowState, event: Parameters<typeof transition>[1], actorId?: string) => {
    const result = transition(state, event, { ...ctx, actorId });
    if (!result.ok) throw new Error(`refused: ${result.refusal}`);
    return result;
  };

  it('changes with language_changed, drawn again, for the holder only', () => {
    const flow = aFlow({ language: 'en', version: 2 });
    const changed = apply(flow, { type: 'language_changed', language: 'de' }, 'U1');
    expect(changed.state).toMatchObject({ language: 'de', version: 3 });
    expect(changed.effects).toEqual([{ type: 'render_dm' }]);
    expect(transition(flow, { type: 'language_changed', language: 'de' }, { ...ctx, actorId: 'U2' })).toEqual(
      {
        ok: false,
        refusal: 'not_holder',
      },
    );
    expect(transition(aFlow({ phase: 'linked' }), { type: 'language_changed', language: 'de' }, ctx).ok).toBe(
      false,
    );
  });

  it("is the colleague's once they take the setup over, as found when they were asked", () => {
    const flow = aFlow({ language: 'de', phase: 'prerequisites' });
    const asked = apply(flow, { type: 'request_help', colleagueId: 'U2', colleagueLanguage: 'en' }, 'U1');
    expect(asked.state.handover).toMatchObject({ colleagueId: 'U2', colleagueLanguage: 'en' });
    expect(asked.state.language).toBe('de');
    const taken = apply(asked.state, { type: 'take_over', by: 'U2', seq: 1, to: 'DU2' });
    expect(taken.state).toMatchObject({ holderId: 'U2', language: 'en' });
    // Handed back (granted): the holder and their language stay.
    const granted = apply(asked.state, { type: 'help_granted', by: 'U2', seq: 1 });
    expect(granted.state).toMatchObject({ holderId: 'U1', language: 'de' });
  });

  it('is English for a flow stored before languages, and the schema keeps it', () => {
    expect(holderLanguage(aFlow())).toBe('en');
    expect(flowStateSchema.parse(aFlow({ language: 'de' })).language).toBe('de');
    expect(flowStateSchema.safeParse({ ...aFlow(), language: 'fr' }).success).toBe(false);
  });
});
