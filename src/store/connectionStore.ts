import type { Redis } from 'ioredis';
import * as z from 'zod/mini';
import type { HashWrite } from './flowStore.js';
import type { KeyScheme } from './keys.js';
import { scanKeys } from './scan.js';
import type { Sealer } from './sealing.js';

/** What the last re-check of a linked connection found (see src/connections/ health and re-verify). */
export const connectionHealthSchema = z.object({
  state: z.enum(['working', 'broken']),
  /** When the connection was last checked again with its sealed credentials (ms since epoch). */
  checkedAt: z.number(),
  /** Since when it is broken (ms since epoch); kept while it stays broken. */
  brokenSince: z.optional(z.number()),
  /** What broke, in the vendor's words (never secret): the failed check's code, title, detail, missing. */
  failure: z.optional(
    z.object({
      code: z.string(),
      title: z.string(),
      detail: z.string(),
      missing: z.optional(z.array(z.string())),
    }),
  ),
});
export type ConnectionHealth = z.infer<typeof connectionHealthSchema>;

const storedConnectionSchema = z.object({
  systemId: z.string(),
  linkedBy: z.string(),
  linkedAt: z.number(),
  flowId: z.string(),
  details: z.array(z.object({ label: z.string(), value: z.string() })),
  expiresAt: z.optional(z.string()),
  health: z.optional(connectionHealthSchema),
  sealed: z.string(),
});
export type StoredConnection = z.infer<typeof storedConnectionSchema>;
export type ConnectionSummary = Omit<StoredConnection, 'sealed'>;

export interface NewConnection {
  teamId: string;
  systemId: string;
  linkedBy: string;
  flowId: string;
  details: { label: string; value: string }[];
  expiresAt?: string;
  credentials: Record<string, string>;
}

/** Verified connections, one per team and system; the credentials are only ever stored sealed. */
export class ConnectionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyScheme,
    private readonly sealer: Sealer,
  ) {}

  private static context(teamId: string, systemId: string) {
    return `connection:${teamId}:${systemId}`;
  }

  /** The sealed record of a connection, to store with `save` or inside a flow's compare-and-set. */
  record(connection: NewConnection): HashWrite {
    const { teamId, systemId, credentials, ...rest } = connection;
    const record: StoredConnection = {
      ...rest,
      systemId,
      linkedAt: Date.now(),
      sealed: this.sealer.seal(JSON.stringify(credentials), ConnectionStore.context(teamId, systemId)),
    };
    return { key: this.keys.connections(teamId), field: systemId, value: JSON.stringify(record) };
  }

  /** Stores the connection sealed (tools and tests; flows store theirs with the flow's own step). */
  async save(connection: NewConnection): Promise<void> {
    const { key, field, value } = this.record(connection);
    await this.redis.hset(key, field, value);
  }

  async get(teamId: string, systemId: string): Promise<ConnectionSummary | undefined> {
    const raw = await this.redis.hget(this.keys.connections(teamId), systemId);
    const parsed = raw ? storedConnectionSchema.safeParse(JSON.parse(raw)) : undefined;
    if (!parsed?.success) return undefined;
    const { sealed: _sealed, ...summary } = parsed.data;
    return summary;
  }

  async list(teamId: string): Promise<ConnectionSummary[]> {
    const all = await this.redis.hgetall(this.keys.connections(teamId));
    return Object.values(all)
      .map((raw) => storedConnectionSchema.safeParse(JSON.parse(raw)))
      .filter((parsed) => parsed.success)
      .map(({ data }) => {
        const { sealed: _sealed, ...summary } = data as StoredConnection;
        return summary;
      });
  }

  async credentials(teamId: string, systemId: string): Promise<Record<string, string> | undefined> {
    const raw = await this.redis.hget(this.keys.connections(teamId), systemId);
    if (!raw) return undefined;
    const record = storedConnectionSchema.parse(JSON.parse(raw));
    return JSON.parse(this.sealer.open(record.sealed, ConnectionStore.context(teamId, systemId)));
  }

  /**
   * Records what a re-check found, only on the connection it checked (same flow and link time): a
   * replacement that landed meanwhile keeps its own health. `writes` (keys of the same team, e.g.
   * the event for Wintro) are stored in the same step. False when the connection changed or is gone.
   */
  async recordHealth(
    teamId: string,
    systemId: string,
    checked: { flowId: string; linkedAt: number },
    health: (previous: ConnectionHealth | undefined) => ConnectionHealth,
    writes: HashWrite[] = [],
  ): Promise<
    { written: false } | { written: true; previous: ConnectionHealth | undefined; health: ConnectionHealth }
  > {
    const key = this.keys.connections(teamId);
    for (let attempt = 0; attempt < 5; attempt++) {
      const raw = await this.redis.hget(key, systemId);
      const parsed = raw ? storedConnectionSchema.safeParse(JSON.parse(raw)) : undefined;
      if (!raw || !parsed?.success) return { written: false };
      const record = parsed.data;
      if (record.flowId !== checked.flowId || record.linkedAt !== checked.linkedAt) return { written: false };
      const updated = health(record.health);
      const next = JSON.stringify({ ...record, health: updated });
      const extra = writes.flatMap((write) => [write.key]);
      const swapped = await this.redis.eval(
        SWAP_IF_UNCHANGED_WITH,
        1 + extra.length,
        key,
        ...extra,
        systemId,
        raw,
        next,
        ...writes.flatMap((write) => [write.field, write.value]),
      );
      if (swapped === 1) return { written: true, previous: record.health, health: updated };
    }
    return { written: false };
  }

  /**
   * Seals every connection of a team again with the current key, so an old key can be retired.
   * A record that changed meanwhile is left alone (it was just sealed with the current key).
   */
  async reseal(teamId: string): Promise<ResealCounts> {
    const key = this.keys.connections(teamId);
    const counts: ResealCounts = { resealed: 0, current: 0, unreadable: 0 };
    for (const [systemId, raw] of Object.entries(await this.redis.hgetall(key))) {
      const parsed = storedConnectionSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) {
        counts.unreadable += 1;
        continue;
      }
      const record = parsed.data;
      if (this.sealer.keyIdOf(record.sealed) === this.sealer.currentKeyId) {
        counts.current += 1;
        continue;
      }
      const context = ConnectionStore.context(teamId, systemId);
      let plaintext: string;
      try {
        plaintext = this.sealer.open(record.sealed, context);
      } catch {
        counts.unreadable += 1;
        continue;
      }
      const next = JSON.stringify({ ...record, sealed: this.sealer.seal(plaintext, context) });
      const swapped = await this.redis.eval(SWAP_IF_UNCHANGED, 1, key, systemId, raw, next);
      if (swapped === 1) counts.resealed += 1;
      else counts.current += 1;
    }
    return counts;
  }

  /**
   * Deletes the connection (its sealed credentials with it) only while it is the one linked by
   * `flowId`; `writes` (keys of the same team, e.g. the event for Wintro) are stored in the same
   * step. `gone`: nothing is linked; `changed`: another link replaced it meanwhile.
   */
  async removeIf(
    teamId: string,
    systemId: string,
    flowId: string,
    writes: HashWrite[] = [],
  ): Promise<'removed' | 'gone' | 'changed'> {
    const result = await this.redis.eval(
      REMOVE_IF_LINKED_BY,
      1 + writes.length,
      this.keys.connections(teamId),
      ...writes.map((write) => write.key),
      systemId,
      linkedByFlowMarker(flowId),
      ...writes.flatMap((write) => [write.field, write.value]),
    );
    return result === 1 ? 'removed' : result === 0 ? 'gone' : 'changed';
  }

  /** Team ids that have stored connections, found by scanning the key space. */
  async *teams(): AsyncGenerator<string> {
    const seen = new Set<string>();
    for await (const key of scanKeys(this.redis, this.keys.connections('*'))) {
      const team = /\{([^}]+)\}/.exec(key)?.[1];
      if (team && !seen.has(team)) {
        seen.add(team);
        yield team;
      }
    }
  }
}

export interface ResealCounts {
  resealed: number;
  current: number;
  unreadable: number;
}

// KEYS: the connections hash, then one key per extra write. ARGV: system id, the record as read,
// the new record, then a field and a value per extra write.
const SWAP_IF_UNCHANGED_WITH = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
for i = 2, #KEYS do
  redis.call('HSET', KEYS[i], ARGV[4 + (i - 2) * 2], ARGV[5 + (i - 2) * 2])
end
return 1
`;

/**
 * How a stored record names the flow that linked it, exactly as JSON.stringify writes it (flow
 * ids are base64url, never escaped): what Lua scripts look for to know which link a record is.
 */
export const linkedByFlowMarker = (flowId: string) => `"flowId":${JSON.stringify(flowId)}`;

// KEYS: the connections hash, then one key per extra write. ARGV: system id, the record's flow
// marker, then a field and a value per extra write. 1 removed, 0 nothing linked, -1 another link.
const REMOVE_IF_LINKED_BY = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
if not string.find(raw, ARGV[2], 1, true) then return -1 end
redis.call('HDEL', KEYS[1], ARGV[1])
for i = 2, #KEYS do
  redis.call('HSET', KEYS[i], ARGV[1 + (i - 1) * 2], ARGV[2 + (i - 1) * 2])
end
return 1
`;

const SWAP_IF_UNCHANGED = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  return 1
end
return 0
`;
