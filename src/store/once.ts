import type { Redis } from 'ioredis';
import type { KeyScheme } from './keys.js';

/** Claims a one-time action (a DM, a notification, a retried request) across every bot instance. */
export class OnceGuard {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyScheme,
  ) {}

  async claim(teamId: string, name: string, ttlSeconds = 24 * 3600): Promise<boolean> {
    const result = await this.redis.set(this.keys.once(teamId, name), '1', 'EX', ttlSeconds, 'NX');
    return result === 'OK';
  }

  /** `claim`, reading `fields` of a hash of the same team (`hashKey`) in the same round trip. */
  async claimReading(
    teamId: string,
    name: string,
    ttlSeconds: number,
    hashKey: string,
    fields: string[],
  ): Promise<{ first: boolean; values: (string | null)[] }> {
    // One transaction: the claim and the read are written and answered together.
    const replies = await this.redis
      .multi()
      .set(this.keys.once(teamId, name), '1', 'EX', ttlSeconds, 'NX')
      .hmget(hashKey, ...fields)
      .exec();
    const [claimed, read] = replies ?? [];
    if (!claimed || !read || claimed[0] || read[0])
      throw claimed?.[0] ?? read?.[0] ?? new Error('Redis aborted the claim');
    return { first: claimed[1] === 'OK', values: read[1] as (string | null)[] };
  }

  /** Whether a one-time action was claimed already (and not given back). */
  async isClaimed(teamId: string, name: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.once(teamId, name))) === 1;
  }

  async release(teamId: string, name: string): Promise<void> {
    await this.redis.del(this.keys.once(teamId, name));
  }

  /** Keeps a value under a one-time name until it is taken or `ttlSeconds` pass. */
  async hold(teamId: string, name: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.keys.once(teamId, name), value, 'EX', ttlSeconds);
  }

  /** The value held under a one-time name, left in place. */
  async peek(teamId: string, name: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.once(teamId, name))) ?? undefined;
  }

  /** The value held under a one-time name, removed in the same step: only the first caller gets it. */
  async take(teamId: string, name: string): Promise<string | undefined> {
    return (await this.redis.getdel(this.keys.once(teamId, name))) ?? undefined;
  }
}
