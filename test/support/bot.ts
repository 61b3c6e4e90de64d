import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createWintroApp, type WintroApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { type CapturedStream, captureStream } from './captureLogs.js';
import { dumpKeys } from './dumpKeys.js';
import type { FakeSlack } from './fakeSlack.js';
import { SlackSender } from './slackRequests.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = `xoxb-test-${randomBytes(6).toString('hex')}`;
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface RunningBot {
  bot: WintroApp;
  port: number;
  sender: SlackSender;
  logs: CapturedStream;
  keyPrefix: string;
  encryptionKey: string;
  stop(): Promise<void>;
}

export interface BootOptions {
  slack: FakeSlack;
  env?: Record<string, string | undefined>;
  keyPrefix?: string;
  encryptionKey?: string;
  logs?: CapturedStream;
}

/** Starts the real app over HTTP on a free port, against real Redis and the given fakes. */
export async function bootBot(options: BootOptions): Promise<RunningBot> {
  const keyPrefix = options.keyPrefix ?? `wintro-test-${randomBytes(4).toString('hex')}`;
  const encryptionKey = options.encryptionKey ?? randomBytes(32).toString('base64');
  const logs = options.logs ?? captureStream();
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: options.slack.apiUrl,
    PORT: '0',
    REDIS_URL,
    WINTRO_ENCRYPTION_KEY: encryptionKey,
    WINTRO_NOTIFY_CHANNEL: 'C0NOTIFY',
    WINTRO_VENDOR_TIMEOUT_MS: '1500',
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const bot = await createWintroApp(config, { logDestination: logs.stream, keyPrefix });
  const port = (await bot.start()) as number;
  const sender = new SlackSender({
    baseUrl: `http://127.0.0.1:${port}`,
    signingSecret: SIGNING_SECRET,
    responseUrl: (id) => options.slack.responseUrl(id),
  });
  return { bot, port, sender, logs, keyPrefix, encryptionKey, stop: () => bot.stop() };
}

/** Every key and value under a prefix, as text, to search for leaked secrets. */
export async function dumpRedis(keyPrefix: string): Promise<string> {
  const redis = new Redis(REDIS_URL);
  try {
    return await dumpKeys(redis, keyPrefix);
  } finally {
    redis.disconnect();
  }
}

export async function deleteKeys(keyPrefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${keyPrefix}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
