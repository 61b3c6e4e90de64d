/**
 * The tests' Redis Cluster: three masters on 127.0.0.1:7001-7003 (started by .ci/redis-cluster when
 * none answers), or the seed nodes in TEST_REDIS_CLUSTER_URLS.
 */
import { Cluster, type Redis } from 'ioredis';
import { scanKeys } from '../../src/store/scan.js';

export const CLUSTER_URLS =
  process.env.TEST_REDIS_CLUSTER_URLS ??
  'redis://127.0.0.1:7001,redis://127.0.0.1:7002,redis://127.0.0.1:7003';

export const clusterNodes = () =>
  CLUSTER_URLS.split(',').map((seed) => {
    const { hostname, port } = new URL(seed.trim());
    return { host: hostname, port: Number(port) };
  });

/** A plain Cluster client for a test to read and clean up with (typed as Redis, as the bot's is). */
export function clusterClient(): Redis {
  return new Cluster(clusterNodes()) as unknown as Redis;
}

/** Runs `work` with a Cluster client that has found the masters, and disconnects it after. */
async function onTheCluster<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = clusterClient();
  try {
    await redis.ping();
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

/** Every key and value under a prefix, on every master, as text (for the secret scan). */
export async function dumpCluster(keyPrefix: string): Promise<string> {
  return onTheCluster(async (redis) => {
    const lines: string[] = [];
    for await (const key of scanKeys(redis, `${keyPrefix}:*`)) {
      const type = await redis.type(key);
      const value =
        type === 'string'
          ? await redis.get(key)
          : type === 'hash'
            ? JSON.stringify(await redis.hgetall(key))
            : type === 'list'
              ? JSON.stringify(await redis.lrange(key, 0, -1))
              : type === 'zset'
                ? JSON.stringify(await redis.zrange(key, 0, -1))
                : type === 'set'
                  ? JSON.stringify(await redis.smembers(key))
                  : type === 'stream'
                    ? JSON.stringify(await redis.xrange(key, '-', '+'))
                    : '';
      lines.push(`${key} ${value}`);
    }
    return lines.join('\n');
  });
}

/** Deletes every key under a prefix on every master (one key at a time: keys live in different slots). */
export async function deleteClusterKeys(keyPrefix: string): Promise<void> {
  return onTheCluster(async (redis) => {
    const keys: string[] = [];
    for await (const key of scanKeys(redis, `${keyPrefix}:*`)) keys.push(key);
    await Promise.all(keys.map((key) => redis.del(key)));
  });
}

/** The masters holding at least one key under the prefix (to see that a test spread over the cluster). */
export async function mastersHolding(keyPrefix: string): Promise<number> {
  return onTheCluster(async (redis) => {
    let holding = 0;
    for (const master of (redis as unknown as Cluster).nodes('master')) {
      const [, found] = await master.scan('0', 'MATCH', `${keyPrefix}:*`, 'COUNT', 10_000);
      if (found.length > 0) holding += 1;
    }
    return holding;
  });
}
