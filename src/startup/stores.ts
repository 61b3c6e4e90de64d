import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createBullScheduler, createTimerScheduler, type ReminderScheduler } from '../reminders/scheduler.js';
import { ConnectionStore } from '../store/connectionStore.js';
import { FlowStore } from '../store/flowStore.js';
import { HelperSuggestions } from '../store/helperSuggestions.js';
import { keyScheme } from '../store/keys.js';
import { OnceGuard } from '../store/once.js';
import { connectRedis } from '../store/redis.js';
import { createSealer } from '../store/sealing.js';

export interface Stores {
  redis: Redis;
  flows: FlowStore;
  connections: ConnectionStore;
  once: OnceGuard;
  suggestions: HelperSuggestions;
  scheduler: ReminderScheduler;
}

/** Redis (or the in-process store) and everything kept in it. */
export async function openStores(config: Config, logger: Logger, keyPrefix?: string): Promise<Stores> {
  const redis = await connectRedis(config.redisUrl, logger);
  let encryptionKey = config.encryptionKey;
  if (!encryptionKey) {
    logger.warn(
      'WINTRO_ENCRYPTION_KEY is not set: using a throwaway key. Stored connections cannot be read after a restart.',
    );
    encryptionKey = randomBytes(32);
  }
  const keys = keyScheme(keyPrefix);
  return {
    redis,
    flows: new FlowStore(redis, keys, config.flowTtlSeconds),
    connections: new ConnectionStore(redis, keys, createSealer(encryptionKey, config.previousEncryptionKeys)),
    once: new OnceGuard(redis, keys),
    suggestions: new HelperSuggestions(redis, keys),
    scheduler: config.redisUrl
      ? createBullScheduler(config.redisUrl, `${keys.prefix}:{reminders}`, logger)
      : createTimerScheduler(logger),
  };
}
