import type { Redis } from 'ioredis';

/**
 * A hash's fields in name order: Redis may return a large hash's fields in another order after a
 * mere read (its incremental rehashing), which is no change.
 */
const sortedFields = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Every key and value under a prefix, one `key value` line each, to search for leaked secrets. */
export async function dumpKeys(redis: Redis, keyPrefix: string): Promise<string> {
  const keys = await redis.keys(`${keyPrefix}:*`);
  const parts: string[] = [];
  for (const key of keys.sort()) {
    const type = await redis.type(key);
    const value =
      type === 'hash'
        ? sortedFields(await redis.hgetall(key))
        : type === 'set'
          ? await redis.smembers(key)
          : type === 'string'
            ? await redis.get(key)
            : type === 'zset'
              ? await redis.zrange(key, 0, -1, 'WITHSCORES')
              : type === 'list'
                ? await redis.lrange(key, 0, -1)
                : type;
    parts.push(`${key} ${JSON.stringify(value)}`);
  }
  return parts.join('\n');
}
