import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { KeyScheme } from './keys.js';
import type { Sealer } from './sealing.js';

const storedConnectionSchema = z.object({
  systemId: z.string(),
  linkedBy: z.string(),
  linkedAt: z.number(),
  flowId: z.string(),
  details: z.array(z.object({ label: z.string(), value: z.string() })),
  expiresAt: z.string().optional(),
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

  /** Stores the connection sealed; returns what it replaced, so a caller can put it back. */
  async save(connection: NewConnection): Promise<string | null> {
    const { teamId, systemId, credentials, ...rest } = connection;
    const record: StoredConnection = {
      ...rest,
      systemId,
      linkedAt: Date.now(),
      sealed: this.sealer.seal(JSON.stringify(credentials), ConnectionStore.context(teamId, systemId)),
    };
    const key = this.keys.connections(teamId);
    const results = await this.redis
      .multi()
      .hget(key, systemId)
      .hset(key, systemId, JSON.stringify(record))
      .exec();
    return (results?.[0]?.[1] as string | null) ?? null;
  }

  /** Puts back what `save` replaced (or removes the connection if there was none). */
  async restore(teamId: string, systemId: string, previous: string | null): Promise<void> {
    const key = this.keys.connections(teamId);
    if (previous === null) await this.redis.hdel(key, systemId);
    else await this.redis.hset(key, systemId, previous);
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
}
