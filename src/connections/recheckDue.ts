import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { KeyScheme } from '../store/keys.js';

/** A linked connection in the due set: `<team>|<system>`. */
export interface DueConnection {
  teamId: string;
  systemId: string;
}

const memberOf = ({ teamId, systemId }: DueConnection) => `${teamId}|${systemId}`;
const parseMember = (member: string): DueConnection | undefined => {
  const [teamId, systemId] = member.split('|');
  return teamId && systemId ? { teamId, systemId } : undefined;
};

// KEYS: the due set. ARGV: now, lease until, batch size.
// Claims what is due for this instance: each member gets the lease as its new due time, so it runs
// again (on any instance) only if it was not finished and rescheduled by then.
const CLAIM_DUE = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], member) end
return due
`;

// KEYS: the lock. ARGV: the holder's token, lease ms. Takes the lock, or extends it for its holder.
const HOLD_LOCK = `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
return 1
`;

// KEYS: the lock. ARGV: the holder's token.
const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`;

/**
 * When each linked connection is next due (a re-check, an expiry warning, the expiry), in one
 * sorted set across workspaces, and the lock of the one instance sweeping it. Both keys share the
 * `{rechecks}` hash tag: on a Redis Cluster they live in one slot, as the scripts need.
 */
export class RecheckDue {
  private readonly token = randomBytes(9).toString('base64url');

  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyScheme,
  ) {}

  /** Sets when the connection is next due (a later schedule replaces an earlier one). */
  async schedule(connection: DueConnection, at: number): Promise<void> {
    await this.redis.zadd(this.keys.recheckDue(), Math.round(at), memberOf(connection));
  }

  /** Adds the connection only if it is not scheduled yet (for connections linked before re-checks). */
  async scheduleIfAbsent(connection: DueConnection, at: number): Promise<boolean> {
    return (await this.redis.zadd(this.keys.recheckDue(), 'NX', Math.round(at), memberOf(connection))) === 1;
  }

  async remove(connection: DueConnection): Promise<void> {
    await this.redis.zrem(this.keys.recheckDue(), memberOf(connection));
  }

  async dueAt(connection: DueConnection): Promise<number | undefined> {
    const score = await this.redis.zscore(this.keys.recheckDue(), memberOf(connection));
    return score === null ? undefined : Number(score);
  }

  /** Claims up to `batch` connections due by `now`, each leased until `leaseUntil`. */
  async claim(now: number, leaseUntil: number, batch: number): Promise<DueConnection[]> {
    const members = (await this.redis.eval(
      CLAIM_DUE,
      1,
      this.keys.recheckDue(),
      String(now),
      String(leaseUntil),
      String(batch),
    )) as string[];
    return members.flatMap((member) => parseMember(member) ?? []);
  }

  /** The earliest due time in the set, if any. */
  async earliest(): Promise<number | undefined> {
    const [, score] = await this.redis.zrange(this.keys.recheckDue(), 0, 0, 'WITHSCORES');
    return score === undefined ? undefined : Number(score);
  }

  /** Takes (or extends) the sweep lock for this instance; false while another instance holds it. */
  async holdLock(leaseMs: number): Promise<boolean> {
    return (
      (await this.redis.eval(HOLD_LOCK, 1, this.keys.recheckSweepLock(), this.token, String(leaseMs))) === 1
    );
  }

  async releaseLock(): Promise<void> {
    await this.redis.eval(RELEASE_LOCK, 1, this.keys.recheckSweepLock(), this.token);
  }
}
