import type { Redis } from 'ioredis';
import type { KeyScheme } from './keys.js';

/** What a workspace chose for itself: today, the channel where new links are announced. */
export class TeamSettings {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyScheme,
  ) {}

  async notifyChannel(teamId: string): Promise<string | undefined> {
    return (await this.redis.hget(this.keys.teamSettings(teamId), 'notify')) ?? undefined;
  }

  async setNotifyChannel(teamId: string, channelId: string): Promise<void> {
    await this.redis.hset(this.keys.teamSettings(teamId), 'notify', channelId);
  }
}
