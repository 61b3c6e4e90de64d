import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.js';
import { batchWrites } from './batchedWrites.js';

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

/** A seed node of a Redis Cluster, from `REDIS_CLUSTER_URLS`. */
export interface ClusterNode {
  host: string;
  port: number;
}

/** Where Redis is: one server (REDIS_URL) or a Cluster known by some of its nodes (REDIS_CLUSTER_URLS). */
export type RedisTarget = { url: string } | { clusterNodes: ClusterNode[] };

/** REDIS_URL or REDIS_CLUSTER_URLS as a target; neither = the in-process store. */
export function redisTargetOf(config: {
  redisUrl?: string;
  redisClusterNodes?: ClusterNode[];
}): RedisTarget | undefined {
  if (config.redisClusterNodes?.length) return { clusterNodes: config.redisClusterNodes };
  return config.redisUrl ? { url: config.redisUrl } : undefined;
}

const asTarget = (target: RedisTarget | string): RedisTarget =>
  typeof target === 'string' ? { url: target } : target;

/**
 * A client for the target with these per-connection options. A Cluster client applies them to each
 * node's connection and fails as fast as one server would: nothing waits in its own queue for the
 * cluster to be ready, and it looks for the cluster again, backing off to once a second.
 * Typed as `Redis`: the commands the bot uses behave the same on both (each touches one team's slot).
 */
export function redisClient(target: RedisTarget | string, options: RedisOptions): Redis {
  const where = asTarget(target);
  if ('url' in where) return new Redis(where.url, options);
  const { lazyConnect, enableOfflineQueue, retryStrategy, ...perNode } = options;
  const clusterOptions: ClusterOptions = {
    redisOptions: perNode,
    lazyConnect,
    enableOfflineQueue: enableOfflineQueue ?? true,
    clusterRetryStrategy: (attempt: number) => Math.min(attempt * 100, 1000),
    retryDelayOnFailover: 100,
    retryDelayOnClusterDown: 100,
    // Offline queues of the node connections stay on (ioredis moves commands between nodes through
    // them during a resharding); the command timeout still bounds every command.
  };
  return new Cluster(where.clusterNodes, clusterOptions) as unknown as Redis;
}

/** Whether the client is a Cluster client (its key space is spread over several masters). */
export const isCluster = (redis: Redis): boolean => (redis as { isCluster?: boolean }).isCluster === true;

/** Connects to REDIS_URL or the Cluster, or to an in-process store that forgets everything on restart. */
export async function connectRedis(target: RedisTarget | string | undefined, logger: Logger): Promise<Redis> {
  if (!target) {
    logger.warn(
      'REDIS_URL is not set: using an in-process store. Flows and connections are lost when the bot stops.',
    );
    const { default: RedisMock } = await import('ioredis-mock');
    return new RedisMock() as unknown as Redis;
  }
  const redis = redisClient(target, redisOptions);
  batchWrites(redis);
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
