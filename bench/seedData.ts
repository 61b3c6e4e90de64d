/**
 * Fills Redis with a large installed base, written through the bot's own store code (FlowStore,
 * ConnectionStore, the reminder scheduler), so the keys are exactly what the bot writes:
 * `setups` setups in progress and `connections` linked connections across `workspaces` workspaces,
 * each setup with its idle reminder due, each expiring connection with its expiry warning due.
 *
 *   npx tsx bench/seedData.ts [redis-url] [key-prefix]     # defaults: database 9, wintro-bench
 *   SEED_SETUPS=100000 SEED_CONNECTIONS=20000 SEED_WORKSPACES=10000 (the defaults)
 *
 * The client auto-pipelines (many commands in flight, written together), so 100,000 setups take
 * seconds, not the hours one round trip at a time would. `npm run bench` runs it for its
 * "flat with data" phase. It writes under the prefix only; it never deletes anything.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { FlowState } from '../src/flows/state.js';
import { createLogger } from '../src/logger.js';
import { funnelMark } from '../src/metrics/flowCounters.js';
import { createRedisScheduler } from '../src/reminders/scheduler.js';
import { ConnectionStore } from '../src/store/connectionStore.js';
import { FlowStore, newFlowId } from '../src/store/flowStore.js';
import { keyScheme } from '../src/store/keys.js';
import { createSealer } from '../src/store/sealing.js';

export interface SeedOptions {
  redisUrl: string;
  keyPrefix: string;
  setups: number;
  connections: number;
  workspaces: number;
  /** The flow TTL and idle-reminder delay the bot uses by default. */
  flowTtlSeconds?: number;
  idleMs?: number;
}

export interface SeedResult {
  setups: number;
  connections: number;
  workspaces: number;
  reminders: number;
  seconds: number;
}

const SYSTEMS = ['greenhouse', 'personio-recruiting', 'recruitee', 'workable'] as const;
/** A workspace's connections, in order: its first is Greenhouse, its second Workable (which expires). */
const LINKED = ['greenhouse', 'workable', 'personio-recruiting', 'recruitee'] as const;
const DAY_MS = 24 * 3600_000;
/** Commands in flight at once; the client writes them to the socket together. */
const IN_FLIGHT = 2000;

const teamOf = (n: number) => `T0SEED${String(n).padStart(6, '0')}`;

/** Runs `count` writes, IN_FLIGHT at a time. */
async function inBatches(count: number, write: (i: number) => Promise<unknown>) {
  for (let start = 0; start < count; start += IN_FLIGHT) {
    const batch: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(count, start + IN_FLIGHT); i++) batch.push(write(i));
    await Promise.all(batch);
  }
}

/** Setups at realistic points: three in ten at the prerequisites, the rest in the guide, a step further. */
function setupAt(i: number, teamId: string, now: number): FlowState {
  const userId = `U0SEED${String(i).padStart(7, '0')}`;
  const systemId = SYSTEMS[i % SYSTEMS.length] as string;
  const inGuide = i % 10 >= 3;
  return {
    id: newFlowId(),
    teamId,
    systemId,
    starterId: userId,
    holderId: userId,
    phase: inGuide ? 'guide' : 'prerequisites',
    stepIndex: inGuide ? i % 3 : 0,
    attempts: 0,
    version: inGuide ? 2 + (i % 3) : 1,
    createdAt: now - (i % 600) * 1000,
    updatedAt: now - (i % 300) * 1000,
    dm: { channelId: `D${userId}`, ts: `${Math.floor(now / 1000)}.${String(i).padStart(6, '0')}` },
  };
}

export async function seedData(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const redis = new Redis(options.redisUrl, { enableAutoPipelining: true, maxRetriesPerRequest: 1 });
  const keys = keyScheme(options.keyPrefix);
  const flows = new FlowStore(redis, keys, options.flowTtlSeconds ?? 30 * 24 * 3600);
  const connections = new ConnectionStore(redis, keys, createSealer(randomBytes(32)));
  const reminders = createRedisScheduler(redis, `${options.keyPrefix}:{reminders}`, createLogger('silent'), {
    sweepMs: 5000,
  });
  const idleMs = options.idleMs ?? DAY_MS;
  const now = Date.now();
  let reminderCount = 0;
  try {
    await inBatches(options.setups, async (i) => {
      const state = setupAt(i, teamOf(i % options.workspaces), now);
      await flows.create(state, funnelMark(state));
      await reminders.schedule({ kind: 'idle', teamId: state.teamId, flowId: state.id, n: 0 }, idleMs);
      reminderCount += 1;
    });
    await inBatches(options.connections, async (i) => {
      const teamId = teamOf(i % options.workspaces);
      // One system per connection of a workspace: a workspace has at most one connection per system.
      const systemId = LINKED[Math.floor(i / options.workspaces) % LINKED.length] as string;
      const expiresAt = systemId === 'workable' ? new Date(now + 90 * DAY_MS).toISOString() : undefined;
      const flowId = newFlowId();
      await connections.save({
        teamId,
        systemId,
        linkedBy: `U0SEED${String(i).padStart(7, '0')}`,
        flowId,
        details: [{ label: 'Company', value: `Company ${i}` }],
        ...(expiresAt ? { expiresAt } : {}),
        credentials: { apiKey: randomBytes(24).toString('base64url') },
      });
      if (expiresAt) {
        await reminders.schedule({ kind: 'expiry', teamId, flowId, systemId, expiresAt }, 83 * DAY_MS);
        reminderCount += 1;
      }
    });
  } finally {
    await reminders.close();
    await redis.quit().catch(() => redis.disconnect());
  }
  return {
    setups: options.setups,
    connections: options.connections,
    workspaces: options.workspaces,
    reminders: reminderCount,
    seconds: (performance.now() - started) / 1000,
  };
}

const count = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await seedData({
    redisUrl: process.argv[2] ?? 'redis://127.0.0.1:6379/9',
    keyPrefix: process.argv[3] ?? 'wintro-bench',
    setups: count('SEED_SETUPS', 100_000),
    connections: count('SEED_CONNECTIONS', 20_000),
    workspaces: count('SEED_WORKSPACES', 10_000),
  });
  console.log(
    `seeded ${result.setups} setups, ${result.connections} connections across ${result.workspaces} workspaces (${result.reminders} reminders due) in ${result.seconds.toFixed(1)} s`,
  );
}
