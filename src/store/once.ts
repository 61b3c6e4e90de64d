import type { Redis } from 'ioredis';
import type { KeyScheme } from './keys.js';
import { runScript } from './scripts.js';

// KEYS: the once-key, a hash of the same team. ARGV: the claim's ttl, then the fields to read (none:
// the whole hash). Answers { 1 when the claim is new else 0, the fields' values (or HGETALL) }.
const CLAIM_READING = `
local first = 0
if redis.call('SET', KEYS[1], '1', 'EX', ARGV[1], 'NX') then first = 1 end
if #ARGV == 1 then return { first, redis.call('HGETALL', KEYS[2]) } end
return { first, redis.call('HMGET', KEYS[2], unpack(ARGV, 2)) }
`;
const CLAIM_READING_COMMAND = 'wintroClaimReading';

/**
 * Takes the once-key `onceKey` (as `OnceGuard.claim` does) and reads a hash of the same team in the
 * same step: the `fields` asked for, or the whole hash when none are.
 */
export async function claimReading(
  redis: Redis,
  onceKey: string,
  ttlSeconds: number,
  hashKey: string,
  fields: string[] = [],
): Promise<{ first: boolean; values: (string | null)[] }> {
  const [first, values] = (await runScript(redis, CLAIM_READING_COMMAND, 2, CLAIM_READING, [
    onceKey,
    hashKey,
    String(ttlSeconds),
    ...fields,
  ])) as [number, (string | null)[]];
  const read = fields.length ? fields.map((_, index) => values[index] ?? null) : values;
  return { first: first === 1, values: read };
}

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
    return claimReading(this.redis, this.keys.once(teamId, name), ttlSeconds, hashKey, fields);
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
