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

  async release(teamId: string, name: string): Promise<void> {
    await this.redis.del(this.keys.once(teamId, name));
  }

  /**
   * Marks `member` under a one-time name: true only the first time. One key for many one-time marks
   * of the same thing (e.g. each step a setup reached), in one round trip. A small hash, because
   * Redis keeps one compact (listpack) where a set of strings takes three times the memory.
   */
  async firstTime(teamId: string, name: string, member: string, ttlSeconds: number): Promise<boolean> {
    const key = this.keys.once(teamId, name);
    const results = await this.redis.pipeline().hsetnx(key, member, '1').expire(key, ttlSeconds).exec();
    const [error, added] = results?.[0] ?? [new Error('No answer from Redis')];
    if (error) throw error;
    return added === 1;
  }

  /** Keeps a value under a one-time name until it is taken or `ttlSeconds` pass. */
  async hold(teamId: string, name: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.keys.once(teamId, name), value, 'EX', ttlSeconds);
  }

  /** The value held under a one-time name, removed in the same step: only the first caller gets it. */
  async take(teamId: string, name: string): Promise<string | undefined> {
    return (await this.redis.getdel(this.keys.once(teamId, name))) ?? undefined;
  }
}
