import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../messages/index.js';
import type { SlackGateway } from '../slack/gateway.js';
import { writeLater } from '../store/batchedWrites.js';
import type { KeyScheme } from '../store/keys.js';
import { runScript } from '../store/scripts.js';
import type { TeamSettings } from '../store/teamSettings.js';
import { languageOfLocale } from './locale.js';
import type { LanguageLookUp, PersonLanguage, PersonLanguages } from './personLanguages.js';

/** How long the language Slack gave for a person is trusted before Slack is asked again. */
export const SLACK_LANGUAGE_TTL_MS = 24 * 3600 * 1000;
/** After Slack could not answer, how long until it is asked again (the workspace's language meanwhile). */
export const SLACK_RETRY_MS = 5 * 60 * 1000;

// One hash per person: `choice` (their own, never expires), `slack` (from their Slack locale; empty
// when Slack gave none) and `until` (when to ask Slack again). Without a choice the whole key
// expires with the Slack value; with one it is kept. One script, so a choice made meanwhile is never
// given the Slack value's expiry. ARGV: slack value ('-' = keep the one stored), until (ms), ttl (ms).
const STORE_SLACK_LANGUAGE = `
if ARGV[1] ~= '-' then redis.call('HSET', KEYS[1], 'slack', ARGV[1]) end
redis.call('HSET', KEYS[1], 'until', ARGV[2])
if redis.call('HEXISTS', KEYS[1], 'choice') == 1 then
  redis.call('PERSIST', KEYS[1])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return 1
`;

// Back to Slack's language: what Slack said is kept until its time is up, then the key goes. ARGV: now (ms).
const CLEAR_CHOICE = `
redis.call('HDEL', KEYS[1], 'choice')
local ttl = tonumber(redis.call('HGET', KEYS[1], 'until') or '0') - tonumber(ARGV[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], math.floor(ttl)) else redis.call('DEL', KEYS[1]) end
return 1
`;

const STORED_FIELDS = ['choice', 'slack', 'until'] as const;

/** What is kept for a person, and whether Slack's part of it is recent enough to use. */
interface StoredLanguage {
  key: string;
  choice: string | null;
  slack: string | null;
  fresh: boolean;
}

export interface RedisPersonLanguagesOptions {
  redis: Redis;
  keys: KeyScheme;
  teamSettings: TeamSettings;
  /** The Slack Web API of a workspace (to ask for a person's locale). */
  slackFor(teamId: string): Promise<SlackGateway>;
  now: () => number;
  logger: Logger;
}

/** Languages kept in Redis, next to the team's other keys; Slack is asked at most once a day per person. */
export class RedisPersonLanguages implements PersonLanguages {
  constructor(private readonly options: RedisPersonLanguagesOptions) {}

  async of(teamId: string, userId: string): Promise<Language> {
    return (await this.explain(teamId, userId)).language;
  }

  async ofWorkspace(teamId: string): Promise<Language> {
    return (await this.options.teamSettings.language(teamId)) ?? DEFAULT_LANGUAGE;
  }

  async known(teamId: string, userId: string): Promise<Language | undefined> {
    return this.knownFrom(teamId, await this.stored(teamId, userId));
  }

  async lookUp(teamId: string, userId: string): Promise<LanguageLookUp> {
    return this.lookUpStored(teamId, userId, await this.stored(teamId, userId));
  }

  readOf(teamId: string, userId: string): { key: string; fields: string[] } {
    return { key: this.options.keys.language(teamId, userId), fields: [...STORED_FIELDS] };
  }

  async lookUpFrom(teamId: string, userId: string, values: (string | null)[]): Promise<LanguageLookUp> {
    return this.lookUpStored(teamId, userId, this.storedOf(teamId, userId, values));
  }

  private async lookUpStored(
    teamId: string,
    userId: string,
    stored: StoredLanguage,
  ): Promise<LanguageLookUp> {
    const known = await this.knownFrom(teamId, stored);
    return {
      known,
      find: async () => known ?? (await this.explainFrom(teamId, userId, stored)).language,
    };
  }

  async explain(teamId: string, userId: string): Promise<PersonLanguage> {
    return this.explainFrom(teamId, userId, await this.stored(teamId, userId));
  }

  private async knownFrom(teamId: string, stored: StoredLanguage): Promise<Language | undefined> {
    if (isLanguage(stored.choice)) return stored.choice;
    if (!stored.fresh) return undefined;
    return isLanguage(stored.slack) ? stored.slack : this.ofWorkspace(teamId);
  }

  private async explainFrom(teamId: string, userId: string, stored: StoredLanguage): Promise<PersonLanguage> {
    const { choice, slack, fresh, key } = stored;
    if (isLanguage(choice)) return { language: choice, source: 'choice' };
    const fromSlack = fresh ? slack : await this.askSlack(teamId, userId, key, slack);
    if (isLanguage(fromSlack)) return { language: fromSlack, source: 'slack' };
    return { language: await this.ofWorkspace(teamId), source: 'workspace' };
  }

  /** One read of what is kept for a person (the command is issued before the first await). */
  private async stored(teamId: string, userId: string): Promise<StoredLanguage> {
    const key = this.options.keys.language(teamId, userId);
    return this.storedOf(teamId, userId, await this.options.redis.hmget(key, ...STORED_FIELDS));
  }

  private storedOf(teamId: string, userId: string, values: (string | null)[]): StoredLanguage {
    const [choice, slack, until] = values;
    const fresh = until != null && Number(until) > this.options.now();
    return {
      key: this.options.keys.language(teamId, userId),
      choice: choice ?? null,
      slack: slack ?? null,
      fresh,
    };
  }

  async choose(teamId: string, userId: string, language: Language | undefined): Promise<void> {
    const { redis, keys, now } = this.options;
    const key = keys.language(teamId, userId);
    if (language) await redis.multi().hset(key, 'choice', language).persist(key).exec();
    else await runScript(redis, 'wintroClearLanguageChoice', 1, CLEAR_CHOICE, [key, String(now())]);
  }

  async chooseForWorkspace(teamId: string, language: Language): Promise<void> {
    await this.options.teamSettings.setLanguage(teamId, language);
  }

  /** The language of the person's Slack locale ('' when Slack gives none); a failure keeps what was known. */
  private async askSlack(
    teamId: string,
    userId: string,
    key: string,
    known: string | null,
  ): Promise<string | null> {
    const { logger } = this.options;
    let language: string;
    try {
      const locale = await (await this.options.slackFor(teamId)).userLocale(userId);
      language = locale ? languageOfLocale(locale) : '';
    } catch (error) {
      logger.warn({ error: (error as Error).message }, 'Slack did not say a person’s locale');
      await this.store(key, '-', SLACK_RETRY_MS).catch(() => undefined);
      return known;
    }
    // Not waited for: the answer goes on at once, and the write joins the request's next round
    // trip to Redis (its setup being stored, say). Kept or not, this request has its language.
    writeLater(this.options.redis, () => {
      this.store(key, language, SLACK_LANGUAGE_TTL_MS).catch((error: Error) =>
        logger.warn({ error: error.message }, 'Could not keep a person’s language'),
      );
    });
    return language;
  }

  private async store(key: string, slack: string, ttlMs: number): Promise<void> {
    const until = this.options.now() + ttlMs;
    await runScript(this.options.redis, 'wintroStoreSlackLanguage', 1, STORE_SLACK_LANGUAGE, [
      key,
      slack,
      String(until),
      String(ttlMs),
    ]);
  }
}
