/**
 * One bot per test for the service tier, with the guards every e2e test has too: nothing the bot
 * sent breaks Slack's limits, and no secret shows in its logs, its Slack traffic or its store.
 */
import type { Redis } from 'ioredis';
import RedisMock from 'ioredis-mock';
import { afterEach, beforeEach, expect } from 'vitest';
import { dumpKeys } from '../support/dumpKeys.js';
import type { RecordedCall } from '../support/fakeSlackCore.js';
import { expectNoneOf, expectWithinSlackLimits, slackTraffic } from '../support/guards.js';
import { eventually, Journey, settle } from '../support/journey.js';
import { type CredentialsForm, checkCredentials, walkToCredentials } from '../support/linking.js';
import { createMemoryGreenhouse, type MemoryGreenhouse } from '../support/memoryGreenhouse.js';
import { bootServiceBot, SERVICE_BOT_TOKEN, type ServiceBot } from '../support/serviceBot.js';

export const TEAM = 'T0ACME';
export const ADMIN = 'U0ADMIN';
export const HELPER = 'U0HELPER';
export const CLIENT_ID = 'a1b2c3d4e5f6-7';
export const CLIENT_SECRET = 'gh-secret-Service7Ts6Rq5Po4Nm3Lk2';
export const USER_ID = '12345';
export const GOOD = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, user_id: USER_ID };
export const PREREQUISITE = 'Can manage ALL organization';

export interface ServiceContext {
  bot: ServiceBot;
  greenhouse: MemoryGreenhouse;
  acks: unknown[];
  /** The admin's DM with the bot. */
  admin: Journey;
  journey(userId: string, teamId?: string): Journey;
  /** The admin walks Greenhouse's guide to the open credentials form. */
  toCredentials(): Promise<CredentialsForm>;
  check(form: CredentialsForm, values: Record<string, string>): ReturnType<typeof checkCredentials>;
}

/** A mock client on the same in-process data the bot used (ioredis-mock shares it), to read it after the bot stopped. */
const reader = () => new RedisMock() as unknown as Redis;

export function useServiceBot(env: Record<string, string> = {}): ServiceContext {
  const context = { acks: [] as unknown[] } as ServiceContext;
  beforeEach(async () => {
    context.acks.length = 0;
    context.greenhouse = createMemoryGreenhouse({
      clientId: CLIENT_ID,
      secret: CLIENT_SECRET,
      userId: USER_ID,
    });
    context.bot = await bootServiceBot({ vendorHttp: context.greenhouse.http, env });
    context.journey = (userId, teamId = TEAM) =>
      new Journey(context.bot.slack, context.bot.sender, teamId, userId);
    context.admin = context.journey(ADMIN);
    context.toCredentials = () =>
      walkToCredentials(context.admin, 'greenhouse', { prerequisite: PREREQUISITE, acks: context.acks });
    context.check = (form, values) => checkCredentials(context.admin, form, values, context.acks);
  });
  afterEach(async () => {
    const { bot, greenhouse, acks } = context;
    bot.redisOutage.up();
    expectWithinSlackLimits(bot.slack, acks);
    await bot.stop();
    const redis = reader();
    try {
      const stored = await dumpKeys(redis, bot.keyPrefix);
      expectNoneOf(
        [bot.logs.text(), ...slackTraffic(bot.slack, acks), stored],
        [SERVICE_BOT_TOKEN, CLIENT_SECRET, ...greenhouse.issuedTokens],
      );
      await Promise.all((await redis.keys(`${bot.keyPrefix}:*`)).map((key) => redis.del(key)));
    } finally {
      redis.disconnect();
    }
    // The bot token travels only as the Authorization header of Web API calls.
    expect(bot.slack.calls.every((call) => call.token === SERVICE_BOT_TOKEN)).toBe(true);
  });
  return context;
}

/** The DM posts to a person, in order. */
export const dmsTo = (bot: ServiceBot, userId: string) =>
  bot.slack.callsTo('chat.postMessage').filter((call) => call.channel === `D${userId}`);

/** Ephemeral notices to a person, in order. */
export const noticesTo = (bot: ServiceBot, userId: string) =>
  bot.slack.callsTo('chat.postEphemeral').filter((call) => call.args.user === userId);

/**
 * The one ephemeral notice a person gets: waits for it, then makes sure no second one follows
 * (a second click or a retry must not be answered twice).
 */
export async function theNoticeTo(bot: ServiceBot, userId: string, quietMs = 50) {
  await eventually(() => expect(noticesTo(bot, userId)).not.toHaveLength(0), 3000);
  await settle(quietMs);
  const notices = noticesTo(bot, userId);
  expect(notices).toHaveLength(1);
  return notices[0] as RecordedCall;
}
