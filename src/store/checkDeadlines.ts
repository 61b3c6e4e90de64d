import type { Redis } from 'ioredis';
import type { KeyScheme } from './keys.js';

export interface RunningCheck {
  teamId: string;
  flowId: string;
  checkId: string;
}

const memberOf = (check: RunningCheck) => `${check.teamId}|${check.flowId}|${check.checkId}`;

/**
 * When each running credential check must have finished, in one sorted set. A check whose instance
 * died (a crash, kill -9) is found here by another instance once its deadline has passed.
 */
export class CheckDeadlines {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyScheme,
  ) {}

  async add(check: RunningCheck, dueAt: number): Promise<void> {
    await this.redis.zadd(this.keys.checkDeadlines(), dueAt, memberOf(check));
  }

  async remove(check: RunningCheck): Promise<void> {
    await this.redis.zrem(this.keys.checkDeadlines(), memberOf(check));
  }

  /** Checks whose deadline passed, oldest first. */
  async overdue(now: number, limit = 50): Promise<RunningCheck[]> {
    const members = await this.redis.zrangebyscore(this.keys.checkDeadlines(), 0, now, 'LIMIT', 0, limit);
    return members.flatMap((member) => {
      const [teamId, flowId, checkId] = member.split('|');
      return teamId && flowId && checkId ? [{ teamId, flowId, checkId }] : [];
    });
  }
}
