import type { Cluster, Redis } from 'ioredis';
import { isCluster } from './redis.js';

/**
 * Every key matching a pattern. SCAN walks one server's key space, so on a Cluster each master is
 * scanned in turn (a replica holds the same keys as its master). A key may be found twice while
 * Redis rehashes or the cluster moves a slot: callers treat what they find as a set.
 */
export async function* scanKeys(redis: Redis, pattern: string): AsyncGenerator<string> {
  const servers = isCluster(redis) ? (redis as unknown as Cluster).nodes('master') : [redis];
  for (const server of servers) {
    let cursor = '0';
    do {
      const [next, found] = await server.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      yield* found;
    } while (cursor !== '0');
  }
}
