import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { SLACK_RETRY_MS } from '../../src/languages/redisPersonLanguages.js';
import { translator } from '../../src/messages/index.js';
import { keyScheme } from '../../src/store/keys.js';
import { REDIS_URL } from '../support/bot.js';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import { type Journey, textOf } from '../support/journey.js';

const ACCOUNT = greenhouseAccount('gh-secret-Lang9Yw8Vu7Ts6Rq5Po4Nm3');
const e2e = useE2e({ ...greenhouseSetup(ACCOUNT) });
const de = translator('de');
const en = translator('en');

const MUNICH = 'U0MUNICH';
const DUBLIN = 'U0DUBLIN';

/** A command's answer as the person reads it (kept for the Slack-limit guard). */
async function answer(journey: Journey, text: string): Promise<string> {
  const reply = await journey.command(text);
  e2e.acks.push(reply.body);
  expect(reply.status).toBe(200);
  expect(reply.body.response_type).toBe('ephemeral');
  return `${reply.body.text}\n${textOf(reply.body.blocks)}`;
}

const usersInfoCalls = (userId: string) =>
  e2e.slack.callsTo('users.info').filter((call) => call.args.user === userId);

describe('each person is answered in their Slack language', () => {
  it('answers a de-DE person in German and an en-US colleague in English', async () => {
    e2e.slack.setLocale(MUNICH, 'de-DE');
    e2e.slack.setLocale(DUBLIN, 'en-US');
    const munich = await answer(e2e.journey(MUNICH), 'help');
    expect(munich).toContain(de('ui.help.summary'));
    expect(munich).toContain(de('language.help.aliases'));
    expect(munich).not.toContain(en('ui.help.summary'));
    const dublin = await answer(e2e.journey(DUBLIN), 'help');
    expect(dublin).toContain(en('ui.help.summary'));
    expect(dublin).toContain('`verbinden`');
    // Slack was asked with include_locale, once per person.
    expect(usersInfoCalls(MUNICH)).toHaveLength(1);
    expect(usersInfoCalls(MUNICH)[0]?.args.include_locale).toBe('true');
  });

  it('asks Slack once: the second command is answered in the acknowledgement, without users.info', async () => {
    e2e.slack.setLocale(MUNICH, 'de-AT');
    const journey = e2e.journey(MUNICH);
    const first = await journey.sender.command({ teamId: 'T0ACME', userId: MUNICH, text: 'status' });
    // Not known yet: an empty acknowledgement, then the answer through the response URL.
    expect(first.body?.text).toBeUndefined();
    const posted = await e2e.slack.waitForResponse((response) => response.id === first.responseUrlId);
    e2e.acks.push(posted.body);
    expect(textOf(posted.body.blocks)).toContain(de('ui.status.title'));
    const second = await journey.sender.command({ teamId: 'T0ACME', userId: MUNICH, text: 'status' });
    e2e.acks.push(second.body);
    expect(textOf(second.body.blocks)).toContain(de('ui.status.title'));
    expect(usersInfoCalls(MUNICH)).toHaveLength(1);
  });

  it('understands the German command words', async () => {
    e2e.slack.setLocale(MUNICH, 'de-DE');
    const journey = e2e.journey(MUNICH);
    expect(await answer(journey, 'hilfe')).toContain(de('ui.help.summary'));
    expect(await answer(journey, 'abbrechen')).toContain(de('command.cancel.nothing'));
    expect(await answer(journey, 'sprache')).toContain(
      de('language.show.slack', { language: de('language.name.de') }),
    );
  });
});

describe('/wintro language', () => {
  it('overrides a de-DE locale with English, and auto returns to it', async () => {
    e2e.slack.setLocale(MUNICH, 'de-DE');
    const journey = e2e.journey(MUNICH);
    expect(await answer(journey, 'language en')).toContain(
      en('language.set.choice', { language: en('language.name.en') }),
    );
    expect(await answer(journey, 'help')).toContain(en('ui.help.summary'));
    const shown = await answer(journey, 'language');
    expect(shown).toContain(en('language.show.choice', { language: en('language.name.en') }));
    expect(shown).toContain(en('language.show.channel', { language: en('language.name.en') }));
    expect(shown).toContain(en('language.show.howTo'));
    expect(await answer(journey, 'language auto')).toContain(
      de('language.set.auto', { language: de('language.name.de') }),
    );
    expect(await answer(journey, 'help')).toContain(de('ui.help.summary'));
    // The choice never asked Slack again: one users.info for the whole conversation.
    expect(usersInfoCalls(MUNICH)).toHaveLength(1);
  });

  it('overrides an en-US locale with German (`sprache deutsch`)', async () => {
    const journey = e2e.journey(DUBLIN);
    expect(await answer(journey, 'sprache deutsch')).toContain(
      de('language.set.choice', { language: de('language.name.de') }),
    );
    expect(await answer(journey, 'status')).toContain(de('ui.status.title'));
    expect(await answer(journey, 'language')).toContain(
      de('language.show.choice', { language: de('language.name.de') }),
    );
  });

  it('answers a language it does not know with the choices, in the person’s language', async () => {
    e2e.slack.setLocale(MUNICH, 'de-DE');
    expect(await answer(e2e.journey(MUNICH), 'language fr')).toContain(
      de('language.bad.person', { input: 'fr' }),
    );
    expect(await answer(e2e.journey(DUBLIN), 'language channel fr')).toContain(
      en('language.bad.channel', { input: 'fr' }),
    );
  });

  it('sets the channels’ language for the workspace, English until then', async () => {
    const journey = e2e.journey(DUBLIN);
    expect(await answer(journey, 'language')).toContain(
      en('language.show.channel', { language: en('language.name.en') }),
    );
    expect(await answer(journey, 'language channel de')).toContain(
      en('language.set.channel', { language: en('language.name.de') }),
    );
    expect(await answer(journey, 'language')).toContain(
      en('language.show.channel', { language: en('language.name.de') }),
    );
  });
});

describe('when Slack cannot say a person’s language', () => {
  it('answers in the workspace’s language and asks Slack again minutes later, not a day', async () => {
    const admin = e2e.journey(DUBLIN);
    await answer(admin, 'language channel de');
    e2e.slack.scriptReply('users.info', { status: 500, body: '' }, 10);
    const journey = e2e.journey('U0NOANSWER');
    const text = await answer(journey, 'status');
    expect(text).toContain(de('ui.status.title'));
    expect(await answer(journey, 'language')).toContain(
      de('language.show.workspace', { language: de('language.name.de') }),
    );
    const redis = new Redis(REDIS_URL);
    try {
      const ttl = await redis.pttl(keyScheme(e2e.running.keyPrefix).language('T0ACME', 'U0NOANSWER'));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(SLACK_RETRY_MS);
    } finally {
      redis.disconnect();
    }
  });
});
