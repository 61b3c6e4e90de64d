import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.js';
import { Outbox } from '../connections/outbox.js';
import { redeliverFailed } from '../connections/redeliver.js';
import { createLogger } from '../logger.js';
import { keyScheme } from '../store/keys.js';
import { connectRedis, redisTargetOf } from '../store/redis.js';

/**
 * `npm run redeliver`: sends every connection event that Wintro refused, or that ran out of retry
 * time, again — once Wintro's side is fixed. The running bots pick them up within a minute, with
 * their original webhook-ids. Reads the bot's own environment (and .env); safe while the bot runs.
 */
async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const target = redisTargetOf(config);
  if (!target || !config.wintroWebhook) {
    throw new Error(
      'Redelivering needs REDIS_URL (or REDIS_CLUSTER_URLS) and WINTRO_WEBHOOK_URL: without them nothing waits or is sent.',
    );
  }
  const logger = createLogger(config.logLevel);
  const redis = await connectRedis(target, logger);
  try {
    const count = await redeliverFailed(
      new Outbox(redis, keyScheme()),
      Date.now(),
      config.wintroWebhook.retryWindowMs,
    );
    logger.info(
      { events: count },
      'Failed connection events are waiting again; the bots send them within a minute',
    );
  } finally {
    await redis.quit();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Redelivering failed: ${(error as Error).message}`}\n`,
  );
  process.exit(1);
});
