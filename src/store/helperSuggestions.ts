import type { Redis } from 'ioredis';
import type { KeyScheme } from './keys.js';

/** Who a team last asked for help with each system, offered first the next time. */
export class HelperSuggestions {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyScheme,
  ) {}

  async remember(teamId: string, systemId: string, userId: string): Promise<void> {
    await this.redis.hset(this.keys.helpers(teamId), systemId, userId);
  }

  async suggest(teamId: string, systemId: string): Promise<string | undefined> {
    return (await this.redis.hget(this.keys.helpers(teamId), systemId)) ?? undefined;
  }
}
