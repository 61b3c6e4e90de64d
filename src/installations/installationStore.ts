import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Redis } from 'ioredis';
import * as z from 'zod/mini';
import type { KeyScheme } from '../store/keys.js';
import type { Sealer } from '../store/sealing.js';

const storedInstallation = z.object({
  teamId: z.optional(z.string()),
  enterpriseId: z.optional(z.string()),
  isEnterpriseInstall: z.boolean(),
  appId: z.optional(z.string()),
  botId: z.string(),
  botUserId: z.string(),
  botScopes: z.array(z.string()),
  installerUserId: z.string(),
  /** The Wintro account the install link named. */
  accountId: z.nullable(z.string()),
  installedAt: z.number(),
  sealedBotToken: z.string(),
});
type StoredInstallation = z.infer<typeof storedInstallation>;

/** Installation facts that are safe to show and log: no token. */
export type InstallationSummary = Omit<StoredInstallation, 'sealedBotToken'>;

export class NotInstalledError extends Error {
  constructor(readonly id: string) {
    super('Wintro is not installed in this workspace');
    this.name = 'NotInstalledError';
  }
}

/**
 * Installations in Redis, one per workspace (or per enterprise for an org-wide install on
 * Enterprise Grid). The bot token is only ever stored sealed, bound to the workspace; the Wintro
 * account id from the install link sits beside it. Bolt's OAuth installer writes and reads it.
 */
export class RedisInstallationStore implements InstallationStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyScheme,
    private readonly sealer: Sealer,
    private readonly now: () => number = Date.now,
  ) {}

  private static context(id: string) {
    return `installation:${id}`;
  }

  async storeInstallation(installation: Installation): Promise<void> {
    const id = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
    const token = installation.bot?.token;
    if (!id || !token || !installation.bot)
      throw new Error('An installation needs a workspace and a bot token');
    const record: StoredInstallation = {
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: Boolean(installation.isEnterpriseInstall),
      appId: installation.appId,
      botId: installation.bot.id,
      botUserId: installation.bot.userId,
      botScopes: installation.bot.scopes ?? [],
      installerUserId: installation.user.id,
      accountId: typeof installation.metadata === 'string' ? installation.metadata : null,
      installedAt: this.now(),
      sealedBotToken: this.sealer.seal(token, RedisInstallationStore.context(id)),
    };
    await this.redis.set(this.keys.installation(id), JSON.stringify(record));
  }

  /** The stored record of a workspace (falling back to its enterprise's org-wide install). */
  private async record(
    query: InstallationQuery<boolean>,
  ): Promise<{ id: string; record: StoredInstallation } | undefined> {
    const ids = query.isEnterpriseInstall
      ? [query.enterpriseId]
      : [
          query.teamId,
          query.enterpriseId ?? (query.teamId ? await this.enterpriseOf(query.teamId) : undefined),
        ];
    for (const id of ids) {
      if (!id) continue;
      const raw = await this.redis.get(this.keys.installation(id));
      const parsed = raw ? storedInstallation.safeParse(JSON.parse(raw)) : undefined;
      if (parsed?.success) return { id, record: parsed.data };
    }
    return undefined;
  }

  private async enterpriseOf(teamId: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.enterpriseOf(teamId))) ?? undefined;
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v2', boolean>> {
    const found = await this.record(query);
    if (!found) throw new NotInstalledError(query.teamId ?? query.enterpriseId ?? 'unknown');
    const { id, record } = found;
    // A workspace of an org-wide install: remembered, so background work can find its token.
    if (record.isEnterpriseInstall && query.teamId && query.teamId !== id) {
      await this.redis.set(this.keys.enterpriseOf(query.teamId), id, 'NX');
    }
    return {
      team: record.teamId ? { id: record.teamId } : undefined,
      enterprise: record.enterpriseId ? { id: record.enterpriseId } : undefined,
      isEnterpriseInstall: record.isEnterpriseInstall,
      appId: record.appId,
      user: { id: record.installerUserId, token: undefined, scopes: undefined },
      bot: {
        id: record.botId,
        userId: record.botUserId,
        scopes: record.botScopes,
        token: this.sealer.open(record.sealedBotToken, RedisInstallationStore.context(id)),
      },
      tokenType: 'bot',
      authVersion: 'v2',
      ...(record.accountId ? { metadata: record.accountId } : {}),
    } as Installation<'v2', boolean>;
  }

  /** What is known of a workspace's installation, without its token; undefined when not installed. */
  async summary(teamId: string): Promise<InstallationSummary | undefined> {
    const found = await this.record({ teamId, isEnterpriseInstall: false, enterpriseId: undefined });
    if (!found) return undefined;
    const { sealedBotToken: _sealed, ...summary } = found.record;
    return summary;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const found = await this.record(query);
    if (found) await this.redis.del(this.keys.installation(found.id));
  }
}
