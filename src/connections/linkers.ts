import type { Redis } from 'ioredis';
import type { Linkers } from '../config.js';
import type { FlowDeps } from '../flows/deps.js';
import type { SlackGateway } from '../slack/gateway.js';
import type { KeyScheme } from '../store/keys.js';

/** Whether a person may link, replace or unlink a system (WINTRO_LINKERS), and if not, why. */
export type LinkerDecision =
  | { ok: true }
  /** The setting names who may: the person is told, and offered to ask one of them. */
  | {
      ok: false;
      reason: 'not_allowed';
      linkers: Exclude<Linkers, { kind: 'anyone' }>;
      /** A few admins Slack named as such here before (only for `admins`): whom to ask. */
      examples?: string[];
    }
  /** Slack could not say (an error, a rate limit): neither allowed nor denied; the person may retry. */
  | { ok: false; reason: 'unknown' };

/** Slack's answers are kept this long: a person removed from the admins loses the right within it. */
export const LINKER_CACHE_SECONDS = 300;
/** How long an admin found by a check is offered as someone to ask, and how many are named. */
const ADMINS_SEEN_SECONDS = 30 * 24 * 3600;
const KNOWN_ADMINS_SHOWN = 3;

/** Asks Slack who may link, and remembers the answers briefly in Redis (per workspace). */
export class LinkerPolicy {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyScheme,
    readonly linkers: Linkers,
    private readonly cacheSeconds = LINKER_CACHE_SECONDS,
  ) {}

  get gated(): boolean {
    return this.linkers.kind !== 'anyone';
  }

  async decide(slack: SlackGateway, teamId: string, userId: string): Promise<LinkerDecision> {
    const { linkers } = this;
    if (linkers.kind === 'anyone') return { ok: true };
    let allowed: boolean;
    try {
      allowed =
        linkers.kind === 'admins'
          ? await this.isAdmin(slack, teamId, userId)
          : (await this.members(slack, teamId, linkers.groupId)).includes(userId);
    } catch {
      return { ok: false, reason: 'unknown' };
    }
    if (allowed) return { ok: true };
    const examples = linkers.kind === 'admins' ? await this.knownAdmins(teamId) : [];
    return { ok: false, reason: 'not_allowed', linkers, ...(examples.length ? { examples } : {}) };
  }

  /** Admins seen here lately (each found by a check of their own), at most a few; none when unknown. */
  private async knownAdmins(teamId: string): Promise<string[]> {
    const key = this.keys.linkerCache(teamId, 'admins-seen');
    return (await this.redis.srandmember(key, KNOWN_ADMINS_SHOWN).catch(() => [])) ?? [];
  }

  private async isAdmin(slack: SlackGateway, teamId: string, userId: string): Promise<boolean> {
    const key = this.keys.linkerCache(teamId, `admin:${userId}`);
    const cached = await this.redis.get(key).catch(() => null);
    if (cached === '1' || cached === '0') return cached === '1';
    const admin = await slack.isWorkspaceAdmin(userId);
    const seen = this.keys.linkerCache(teamId, 'admins-seen');
    const remembered = this.redis.multi().set(key, admin ? '1' : '0', 'EX', this.cacheSeconds);
    // Admins are remembered a while, so someone refused can be told whom to ask without listing users.
    if (admin) remembered.sadd(seen, userId).expire(seen, ADMINS_SEEN_SECONDS);
    else remembered.srem(seen, userId);
    await remembered.exec().catch(() => undefined);
    return admin;
  }

  private async members(slack: SlackGateway, teamId: string, groupId: string): Promise<string[]> {
    const key = this.keys.linkerCache(teamId, `group:${groupId}`);
    const cached = await this.redis.get(key).catch(() => null);
    if (cached) {
      try {
        const parsed: unknown = JSON.parse(cached);
        if (Array.isArray(parsed)) return parsed.filter((id): id is string => typeof id === 'string');
      } catch {
        // asked again below
      }
    }
    const members = await slack.usergroupMembers(groupId);
    await this.redis.set(key, JSON.stringify(members), 'EX', this.cacheSeconds).catch(() => undefined);
    return members;
  }
}

/** May this person link, replace, unlink or fix a system of this workspace now? */
export function mayLink(deps: FlowDeps, teamId: string, userId: string): Promise<LinkerDecision> {
  return deps.linkers.decide(deps.slack, teamId, userId);
}
