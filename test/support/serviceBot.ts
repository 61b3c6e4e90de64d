/**
 * The bot for the service tier: the real app (listeners, flows, stores, renderers) with nothing
 * that needs a network. Requests go through Bolt's own processing via a FakeReceiver, Web API calls
 * and response_url posts into the in-process fake Slack, vendor calls into an in-memory vendor, and
 * Redis is ioredis-mock (the app's store when REDIS_URL is unset), under a key prefix of its own.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { createWintroApp, type WintroApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { VendorHttp } from '../../src/vendors/http.js';
import { type CapturedStream, captureStream } from './captureLogs.js';
import { FakeReceiver } from './fakeReceiver.js';
import { createInProcessSlack, type InProcessSlack } from './fakeSlackFetch.js';
import { MEMORY_GREENHOUSE_URL } from './memoryGreenhouse.js';
import { SlackSender } from './slackRequests.js';

export const SERVICE_SIGNING_SECRET = 'service-signing-secret-0123456789';
export const SERVICE_BOT_TOKEN = `xoxb-service-${randomBytes(6).toString('hex')}`;

export interface ServiceBot {
  bot: WintroApp;
  slack: InProcessSlack;
  sender: SlackSender;
  receiver: FakeReceiver;
  logs: CapturedStream;
  keyPrefix: string;
  /** Makes every Redis command fail the way ioredis fails while Redis is away, until `up()`. */
  redisOutage: { down(): void; up(): void };
  stop(): Promise<void>;
}

export interface ServiceBotOptions {
  vendorHttp: VendorHttp;
  env?: Record<string, string | undefined>;
}

/** The ioredis error while the connection is down (no offline queue). */
const OUTAGE_ERROR = "Stream isn't writeable and enableOfflineQueue options is false";
/** What stays callable while Redis is "down": the client's own lifecycle and events. */
const KEEP = new Set([
  'constructor',
  'connect',
  'quit',
  'disconnect',
  'duplicate',
  'defineCommand',
  ...Object.getOwnPropertyNames(EventEmitter.prototype),
]);

/**
 * Wraps every command of this client (its own Lua commands included) so that it rejects while
 * `down`. The stores keep the same client object, so they meet the outage as they would in
 * production: as rejected commands.
 */
export function controlOutage(redis: Redis): { down(): void; up(): void } {
  let down = false;
  const target = redis as unknown as Record<string, unknown>;
  const names = new Set<string>();
  for (
    let proto: object | null = redis;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  }
  for (const name of names) {
    if (KEEP.has(name) || !/^[a-z][a-zA-Z]*$/.test(name) || name.startsWith('_')) continue;
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function (this: unknown, ...args: unknown[]) {
      if (down && (name === 'multi' || name === 'pipeline')) {
        // As ioredis: the batch is queued, and its exec is what fails.
        const batch = (original as (...a: unknown[]) => { exec: () => Promise<unknown> }).apply(this, args);
        batch.exec = () => Promise.reject(new Error(OUTAGE_ERROR));
        return batch;
      }
      if (down) return Promise.reject(new Error(OUTAGE_ERROR));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  return {
    down: () => {
      down = true;
    },
    up: () => {
      down = false;
    },
  };
}

export async function bootServiceBot(options: ServiceBotOptions): Promise<ServiceBot> {
  const slack = createInProcessSlack();
  const receiver = new FakeReceiver(SERVICE_SIGNING_SECRET);
  const logs = captureStream();
  const keyPrefix = `wintro-service-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    SLACK_BOT_TOKEN: SERVICE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: SERVICE_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    WINTRO_NOTIFY_CHANNEL: 'C0NOTIFY',
    GREENHOUSE_API_URL: MEMORY_GREENHOUSE_URL,
    GREENHOUSE_AUTH_URL: MEMORY_GREENHOUSE_URL,
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const bot = await createWintroApp(config, {
    receiver,
    slackFetch: slack.fetch,
    vendorHttp: options.vendorHttp,
    keyPrefix,
    logDestination: logs.stream,
  });
  await bot.start();
  const sender = new SlackSender({
    baseUrl: 'https://bot.invalid',
    signingSecret: SERVICE_SIGNING_SECRET,
    responseUrl: (id) => slack.responseUrl(id),
    transport: receiver.transport,
  });
  const redisOutage = controlOutage(bot.redis);
  return { bot, slack, sender, receiver, logs, keyPrefix, redisOutage, stop: () => bot.stop() };
}
