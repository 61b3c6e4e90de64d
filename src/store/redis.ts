import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * How long one Redis command may take before it fails. Every request Slack sends must be answered
 * within 3 seconds, and a request makes a few Redis calls before it answers: a Redis that hangs
 * (a frozen server, a half-open connection) must turn into an error well inside that window, so the
 * person can be told Wintro is briefly unavailable instead of Slack showing a timeout.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 1000;

/**
 * Fail fast, keep reconnecting. While Redis is away every command fails at once (no offline queue,
 * nothing waits for a reconnect), and a command already sent when the connection drops fails too
 * rather than being sent again later: a compare-and-set replayed after the person was already told
 * to try again could move their setup behind their back. In the background the client reconnects
 * for as long as it takes, backing off to one attempt a second.
 */
export const redisOptions: RedisOptions = {
  commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
  connectTimeout: 2000,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  retryStrategy: (attempt: number) => Math.min(attempt * 100, 1000),
  lazyConnect: true,
};

/** Connects to REDIS_URL, or to an in-process store that forgets everything on restart. */
export async function connectRedis(redisUrl: string | undefined, logger: Logger): Promise<Redis> {
  if (!redisUrl) {
    logger.warn(
      'REDIS_URL is not set: using an in-process store. Flows and connections are lost when the bot stops.',
    );
    const { default: RedisMock } = await import('ioredis-mock');
    return new RedisMock() as unknown as Redis;
  }
  const redis = new Redis(redisUrl, redisOptions);
  // One line when Redis goes away and one when it is back, not one per reconnection attempt.
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: { message: error.message } }, 'Redis connection problem');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('Redis connection is back');
  });
  await redis.connect();
  return redis;
}
