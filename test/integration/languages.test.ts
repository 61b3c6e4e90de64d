import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  RedisPersonLanguages,
  SLACK_LANGUAGE_TTL_MS,
  SLACK_RETRY_MS,
} from '../../src/languages/redisPersonLanguages.js';
import { createLogger } from '../../src/logger.js';
import type { SlackGateway } from '../../src/slack/gateway.js';
import { keyScheme } from '../../src/store/keys.js';
import { TeamSettings } from '../../src/store/teamSettings.js';
import { deleteKeys, REDIS_URL } from '../support/bot.js';

const prefix = `wintro-lang-${randomBytes(4).toString('hex')}`;
const keys = keyScheme(prefix);
const TEAM = 'T0LANG';
let redis: Redis;

/** Slack's users.info at the edge: a locale per person, or a failure; every ask counted. */
const slack = {
  locales: new Map<string, string | undefined>(),
  failing: false,
  asked: [] as string[],
  gateway: {
    async userLocale(userId: string) {
      slack.asked.push(userId);
      if (slack.failing)
        throw Object.assign(new Error('An HTTP protocol error occurred'), {
          code: 'slack_webapi_http_error',
        });
      return slack.locales.get(userId);
    },
  } as unknown as SlackGateway,
};

let clock = 1_000_000;
const languages = () =>
  new RedisPersonLanguages({
    redis,
    keys,
    teamSettings: new TeamSettings(redis, keys),
    slackFor: async () => slack.gateway,
    now: () => clock,
    logger: createLogger('silent'),
  });

beforeAll(() => {
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  redis.disconnect();
  await deleteKeys(prefix);
});
beforeEach(async () => {
  await deleteKeys(prefix);
  slack.locales = new Map([
    ['U0MUNICH', 'de-DE'],
    ['U0VIENNA', 'de-AT'],
    ['U0DUBLIN', 'en-IE'],
    ['U0PARIS', 'fr-FR'],
    ['U0NOLOCALE', undefined],
  ]);
  slack.failing = false;
  slack.asked = [];
  clock = 1_000_000;
});

describe('a person’s language on real Redis', () => {
  it('comes from the Slack locale: de-* is German, anything else English', async () => {
    const people = languages();
    expect(await people.of(TEAM, 'U0MUNICH')).toBe('de');
    expect(await people.of(TEAM, 'U0VIENNA')).toBe('de');
    expect(await people.of(TEAM, 'U0DUBLIN')).toBe('en');
    expect(await people.of(TEAM, 'U0PARIS')).toBe('en');
    expect(await people.explain(TEAM, 'U0MUNICH')).toEqual({ language: 'de', source: 'slack' });
  });

  it('asks Slack once a day per person, in one key under the team’s hash tag', async () => {
    const people = languages();
    expect(await people.known(TEAM, 'U0MUNICH')).toBeUndefined();
    await people.of(TEAM, 'U0MUNICH');
    await people.of(TEAM, 'U0MUNICH');
    expect(await people.known(TEAM, 'U0MUNICH')).toBe('de');
    expect(slack.asked).toEqual(['U0MUNICH']);
    const key = keys.language(TEAM, 'U0MUNICH');
    expect(key).toBe(`${prefix}:{${TEAM}}:lang:U0MUNICH`);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(SLACK_LANGUAGE_TTL_MS - 5000);
    expect(ttl).toBeLessThanOrEqual(SLACK_LANGUAGE_TTL_MS);
    // A day later Slack is asked again: the person may have changed their Slack language.
    clock += SLACK_LANGUAGE_TTL_MS + 1;
    slack.locales.set('U0MUNICH', 'en-GB');
    expect(await people.known(TEAM, 'U0MUNICH')).toBeUndefined();
    expect(await people.of(TEAM, 'U0MUNICH')).toBe('en');
    expect(slack.asked).toEqual(['U0MUNICH', 'U0MUNICH']);
  });

  it('keeps a person’s own choice without expiry over the Slack locale, and auto returns to it', async () => {
    const people = languages();
    await people.of(TEAM, 'U0MUNICH');
    await people.choose(TEAM, 'U0MUNICH', 'en');
    const key = keys.language(TEAM, 'U0MUNICH');
    expect(await redis.pttl(key)).toBe(-1);
    expect(await people.explain(TEAM, 'U0MUNICH')).toEqual({ language: 'en', source: 'choice' });
    expect(await people.known(TEAM, 'U0MUNICH')).toBe('en');
    // Slack's value refreshes beneath the choice, and the key still never expires.
    clock += SLACK_LANGUAGE_TTL_MS + 1;
    expect(await people.of(TEAM, 'U0MUNICH')).toBe('en');
    await people.choose(TEAM, 'U0MUNICH', undefined);
    expect(await people.explain(TEAM, 'U0MUNICH')).toEqual({ language: 'de', source: 'slack' });
    expect(await redis.pttl(key)).toBeGreaterThan(0);
    // A choice made before Slack was ever asked: auto asks Slack then.
    await people.choose(TEAM, 'U0DUBLIN', 'de');
    expect(await people.of(TEAM, 'U0DUBLIN')).toBe('de');
    await people.choose(TEAM, 'U0DUBLIN', undefined);
    expect(await people.known(TEAM, 'U0DUBLIN')).toBeUndefined();
    expect(await people.of(TEAM, 'U0DUBLIN')).toBe('en');
  });

  it('falls back to the workspace’s language when Slack gives no locale (English unless chosen)', async () => {
    const people = languages();
    expect(await people.ofWorkspace(TEAM)).toBe('en');
    expect(await people.explain(TEAM, 'U0NOLOCALE')).toEqual({ language: 'en', source: 'workspace' });
    await people.chooseForWorkspace(TEAM, 'de');
    expect(await people.ofWorkspace(TEAM)).toBe('de');
    expect(await people.explain(TEAM, 'U0NOLOCALE')).toEqual({ language: 'de', source: 'workspace' });
    expect(await people.known(TEAM, 'U0NOLOCALE')).toBe('de');
    expect(slack.asked).toEqual(['U0NOLOCALE']);
  });

  it('when Slack fails: the workspace’s language, and Slack is asked again minutes later, not a day', async () => {
    const people = languages();
    await people.chooseForWorkspace(TEAM, 'de');
    slack.failing = true;
    expect(await people.explain(TEAM, 'U0DUBLIN')).toEqual({ language: 'de', source: 'workspace' });
    expect(await people.of(TEAM, 'U0DUBLIN')).toBe('de');
    expect(slack.asked).toEqual(['U0DUBLIN']);
    expect(await redis.pttl(keys.language(TEAM, 'U0DUBLIN'))).toBeLessThanOrEqual(SLACK_RETRY_MS);
    slack.failing = false;
    clock += SLACK_RETRY_MS + 1;
    expect(await people.of(TEAM, 'U0DUBLIN')).toBe('en');
    expect(slack.asked).toEqual(['U0DUBLIN', 'U0DUBLIN']);
  });

  it('keeps what Slack said before when a later refresh fails', async () => {
    const people = languages();
    expect(await people.of(TEAM, 'U0MUNICH')).toBe('de');
    clock += SLACK_LANGUAGE_TTL_MS + 1;
    // The key expired with Redis's clock only if real time passed; here the stored value is still read.
    slack.failing = true;
    expect(await people.of(TEAM, 'U0MUNICH')).toBe('de');
  });
});
