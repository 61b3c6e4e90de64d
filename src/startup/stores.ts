import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { type Handover, openHandover } from '../connections/handover.js';
import { RedisInstallationStore } from '../installations/installationStore.js';
import { SingleUseStateStore } from '../installations/singleUseState.js';
import type { Logger } from '../logger.js';
import {
  createRedisScheduler,
  createTimerScheduler,
  type ReminderScheduler,
  sweepIntervalMs,
} from '../reminders/scheduler.js';
import { CheckDeadlines } from '../store/checkDeadlines.js';
import { ConnectionStore } from '../store/connectionStore.js';
import { FlowStore } from '../store/flowStore.js';
import { HelperSuggestions } from '../store/helperSuggestions.js';
import { type KeyScheme, keyScheme } from '../store/keys.js';
import { AbuseLimits } from '../store/limits.js';
import { OnceGuard } from '../store/once.js';
import { connectRedis, redisTargetOf } from '../store/redis.js';
import { createSealer } from '../store/sealing.js';
import { TeamSettings } from '../store/teamSettings.js';

export interface Stores {
  redis: Redis;
  keys: KeyScheme;
  flows: FlowStore;
  connections: ConnectionStore;
  once: OnceGuard;
  suggestions: HelperSuggestions;
  teamSettings: TeamSettings;
  checkDeadlines: CheckDeadlines;
  scheduler: ReminderScheduler;
  /** The abuse limits: help requests, credential checks, new setups. */
  limits: AbuseLimits;
  handover: Handover;
  /** Multi-workspace mode: every workspace's installation. */
  installations?: RedisInstallationStore;
  /** Multi-workspace mode: Bolt's OAuth state, made single-use. */
  oauthStates?: SingleUseStateStore;
}

/** Redis (or the in-process store) and everything kept in it. */
export async function openStores(config: Config, logger: Logger, keyPrefix?: string): Promise<Stores> {
  const target = redisTargetOf(config);
  const redis = await connectRedis(target, logger);
  let encryptionKey = config.encryptionKey;
  if (!encryptionKey) {
    logger.warn(
      'WINTRO_ENCRYPTION_KEY is not set: using a throwaway key. Stored connections cannot be read after a restart.',
    );
    encryptionKey = randomBytes(32);
  }
  const keys = keyScheme(keyPrefix);
  const sealer = createSealer(encryptionKey, config.previousEncryptionKeys);
  return {
    redis,
    keys,
    flows: new FlowStore(redis, keys, config.flowTtlSeconds),
    connections: new ConnectionStore(redis, keys, sealer),
    once: new OnceGuard(redis, keys),
    suggestions: new HelperSuggestions(redis, keys),
    teamSettings: new TeamSettings(redis, keys),
    limits: new AbuseLimits(redis, keys.prefix),
    checkDeadlines: new CheckDeadlines(redis, keys),
    ...(config.slack.oauth
      ? {
          installations: new RedisInstallationStore(redis, keys, sealer),
          oauthStates: new SingleUseStateStore(config.slack.oauth.stateSecret, redis, keys.prefix),
        }
      : {}),
    handover: await openHandover(config.wintroWebhook, redis, keys, target, logger),
    scheduler: target
      ? createRedisScheduler(redis, `${keys.prefix}:{reminders}`, logger, {
          sweepMs: sweepIntervalMs(config.reminders),
        })
      : createTimerScheduler(logger),
  };
}
