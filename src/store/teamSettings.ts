import type { Redis } from 'ioredis';
import { isLanguage, type Language } from '../messages/index.js';
import type { KeyScheme } from './keys.js';

/** What a workspace chose for itself: the channel where new links are announced, the language of its channel notices. */
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

  /** The language of the workspace's channel notices, if it chose one. */
  async language(teamId: string): Promise<Language | undefined> {
    const language = await this.redis.hget(this.keys.teamSettings(teamId), 'language');
    return isLanguage(language) ? language : undefined;
  }

  async setLanguage(teamId: string, language: Language): Promise<void> {
    await this.redis.hset(this.keys.teamSettings(teamId), 'language', language);
  }
}
