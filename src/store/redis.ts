import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/** Connects to REDIS_URL, or to an in-process store that forgets everything on restart. */
export async function connectRedis(redisUrl: string | undefined, logger: Logger): Promise<Redis> {
  if (!redisUrl) {
    logger.warn(
      'REDIS_URL is not set: using an in-process store. Flows and connections are lost when the bot stops.',
    );
    const { default: RedisMock } = await import('ioredis-mock');
    return new RedisMock() as unknown as Redis;
  }
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    lazyConnect: true,
  });
  redis.on('error', (error: Error) =>
    logger.warn({ err: { message: error.message } }, 'Redis connection problem'),
  );
  await redis.connect();
  return redis;
}
