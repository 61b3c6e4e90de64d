import type { Redis } from 'ioredis';
import * as z from 'zod/mini';
import type { HashWrite } from '../store/flowStore.js';
import type { KeyScheme } from '../store/keys.js';
import { scanKeys } from '../store/scan.js';
import type { ConnectionEventType } from './events.js';

/**
 * An event waiting for Wintro: the exact body to sign and send (its credentials only ever as a
 * JWE), and what the retries need. Never anything Wintro's private key is not needed to read.
 */
const outboxRecordSchema = z.object({
  id: z.string(),
  type: z.string(),
  teamId: z.string(),
  systemId: z.string(),
  flowId: z.string(),
  /** Whoever acted: told when the hand-over fails for good. */
  userId: z.string(),
  body: z.string(),
  createdAt: z.number(),
  /** No retry after this time (ms since epoch). */
  deadline: z.number(),
  attempts: z.number().check(z.int(), z.minimum(0)),
  /** Refused for good or out of time: kept (its JWE only) until an operator sends it again. */
  failedAt: z.optional(z.number()),
});
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;

export const HANDOVER_STATES = ['pending', 'delivered', 'failed'] as const;
export type HandoverPhase = (typeof HANDOVER_STATES)[number];

/** Where the hand-over of a system's latest link stands: what the DM and `/wintro status` show. */
const handoverStateSchema = z.object({
  eventId: z.string(),
  flowId: z.string(),
  state: z.enum(HANDOVER_STATES),
  attempts: z.number().check(z.int(), z.minimum(0)),
  /** The last answer: an HTTP status, or `timeout` / `unreachable`. */
  last: z.optional(z.union([z.number(), z.string()])),
  /** Why it failed: Wintro refused it, or the retry window ended. */
  reason: z.optional(z.enum(['rejected', 'expired'])),
  at: z.number(),
});
export type HandoverState = z.infer<typeof handoverStateSchema>;

const parse = <T>(schema: z.ZodMiniType<T>, raw: string | null | undefined): T | undefined => {
  if (!raw) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** The outbox of connection events and the hand-over state of each linked system, per team. */
export class Outbox {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyScheme,
  ) {}

  /** The writes that put an event in the outbox: to store in the same step as what caused it. */
  records(record: Omit<OutboxRecord, 'attempts'> & { type: ConnectionEventType }, at: number): HashWrite[] {
    const stored: OutboxRecord = { ...record, attempts: 0 };
    const writes: HashWrite[] = [
      { key: this.keys.outbox(record.teamId), field: record.id, value: JSON.stringify(stored) },
    ];
    if (record.type === 'connection.linked') {
      const state: HandoverState = {
        eventId: record.id,
        flowId: record.flowId,
        state: 'pending',
        attempts: 0,
        at,
      };
      writes.push({
        key: this.keys.handovers(record.teamId),
        field: record.systemId,
        value: JSON.stringify(state),
      });
    }
    return writes;
  }

  /** Stores the writes of `records` on their own, for an event not tied to another write. */
  async store(writes: HashWrite[]): Promise<void> {
    const multi = this.redis.multi();
    for (const write of writes) multi.hset(write.key, write.field, write.value);
    const results = await multi.exec();
    if (!results || results.some(([error]) => error)) throw new Error('Could not store a connection event');
  }

  async get(teamId: string, eventId: string): Promise<OutboxRecord | undefined> {
    return parse(outboxRecordSchema, await this.redis.hget(this.keys.outbox(teamId), eventId));
  }

  private async all(teamId: string): Promise<OutboxRecord[]> {
    const all = await this.redis.hgetall(this.keys.outbox(teamId));
    return Object.values(all).flatMap((raw) => parse(outboxRecordSchema, raw) ?? []);
  }

  /** Every event of the team still to be delivered. */
  async waiting(teamId: string): Promise<OutboxRecord[]> {
    return (await this.all(teamId)).filter((record) => record.failedAt === undefined);
  }

  /** Every event of the team that failed for good. */
  async failed(teamId: string): Promise<OutboxRecord[]> {
    return (await this.all(teamId)).filter((record) => record.failedAt !== undefined);
  }

  /** A failed event back to waiting, with a fresh retry window; the sweep queues it. */
  async retryFailed(record: OutboxRecord, now: number, windowMs: number): Promise<void> {
    const { failedAt: _failedAt, ...rest } = record;
    const waiting: OutboxRecord = { ...rest, attempts: 0, deadline: now + windowMs };
    const state = await this.stateOf(record);
    const multi = this.redis
      .multi()
      .hset(this.keys.outbox(record.teamId), record.id, JSON.stringify(waiting));
    if (state) {
      const pending: HandoverState = {
        eventId: state.eventId,
        flowId: state.flowId,
        state: 'pending',
        attempts: 0,
        at: now,
      };
      multi.hset(this.keys.handovers(record.teamId), record.systemId, JSON.stringify(pending));
    }
    await multi.exec();
  }

  /** An attempt that will be retried: counted, and the last answer kept. */
  async attempted(record: OutboxRecord, last: number | string, at: number): Promise<OutboxRecord> {
    const next = { ...record, attempts: record.attempts + 1 };
    const state = await this.stateOf(record);
    const multi = this.redis.multi().hset(this.keys.outbox(record.teamId), record.id, JSON.stringify(next));
    if (state) {
      const updated: HandoverState = { ...state, attempts: next.attempts, last, at };
      multi.hset(this.keys.handovers(record.teamId), record.systemId, JSON.stringify(updated));
    }
    await multi.exec();
    return next;
  }

  /** The event is done with: delivered (out of the outbox) or failed for good (kept, marked), its state recorded. */
  async finish(
    record: OutboxRecord,
    outcome: { state: 'delivered' | 'failed'; last: number | string; reason?: HandoverState['reason'] },
    at: number,
  ): Promise<HandoverState | undefined> {
    const state = await this.stateOf(record);
    const key = this.keys.outbox(record.teamId);
    const failed = { ...record, attempts: record.attempts + 1, failedAt: at };
    const multi =
      outcome.state === 'delivered'
        ? this.redis.multi().hdel(key, record.id)
        : this.redis.multi().hset(key, record.id, JSON.stringify(failed));
    let updated: HandoverState | undefined;
    if (state) {
      updated = { ...state, ...outcome, attempts: record.attempts + 1, at };
      multi.hset(this.keys.handovers(record.teamId), record.systemId, JSON.stringify(updated));
    }
    const results = await multi.exec();
    if (!results || results.some(([error]) => error))
      throw new Error('Could not record the end of a hand-over');
    return updated;
  }

  /** The state of the system's latest link, if this event is that link (a newer link replaces it). */
  private async stateOf(record: OutboxRecord): Promise<HandoverState | undefined> {
    const state = await this.state(record.teamId, record.systemId);
    return state?.eventId === record.id ? state : undefined;
  }

  async state(teamId: string, systemId: string): Promise<HandoverState | undefined> {
    return parse(handoverStateSchema, await this.redis.hget(this.keys.handovers(teamId), systemId));
  }

  /** Every linked system's hand-over state, by system id. */
  async states(teamId: string): Promise<Map<string, HandoverState>> {
    const all = await this.redis.hgetall(this.keys.handovers(teamId));
    const states = new Map<string, HandoverState>();
    for (const [systemId, raw] of Object.entries(all)) {
      const state = parse(handoverStateSchema, raw);
      if (state) states.set(systemId, state);
    }
    return states;
  }

  /** Teams with events in the outbox (waiting or failed), found by scanning the key space. */
  async *teams(): AsyncGenerator<string> {
    yield* scanTeams(this.redis, this.keys.outbox('*'));
  }
}

/** Team ids of keys matching a pattern with the team's hash tag, e.g. `wintro:{*}:outbox`. */
export async function* scanTeams(redis: Redis, pattern: string): AsyncGenerator<string> {
  const seen = new Set<string>();
  // Every master of a Cluster, or the one server.
  for await (const key of scanKeys(redis, pattern)) {
    const team = /\{([^}]+)\}/.exec(key)?.[1];
    if (team && !seen.has(team)) {
      seen.add(team);
      yield team;
    }
  }
}
