import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBullDeliveryQueue } from '../../src/connections/bullDeliveryQueue.js';
import { scanTeams } from '../../src/connections/outbox.js';
import type { FlowState } from '../../src/flows/state.js';
import { createLogger } from '../../src/logger.js';
import { createRedisScheduler, type ReminderJob } from '../../src/reminders/scheduler.js';
import { ConnectionStore } from '../../src/store/connectionStore.js';
import { FlowStore, newFlowId, TERMINAL_TTL_SECONDS } from '../../src/store/flowStore.js';
import { keyScheme } from '../../src/store/keys.js';
import { AbuseLimits } from '../../src/store/limits.js';
import { connectRedis, type RedisTarget } from '../../src/store/redis.js';
import { createSealer } from '../../src/store/sealing.js';
import { REDIS_URL } from '../support/bot.js';
import { aFlow } from '../support/flowFixture.js';
import { eventually } from '../support/journey.js';
import { clusterNodes, deleteClusterKeys, mastersHolding } from '../support/redisCluster.js';

const logger = createLogger('silent');
/** Enough teams that their hash tags land on every master of a three-node cluster. */
const TEAMS = Array.from({ length: 12 }, (_, n) => `T0CLUSTER${n}`);

const flow = (teamId: string, changes: Partial<FlowState> = {}) =>
  aFlow({ id: newFlowId(), teamId, createdAt: 1, updatedAt: 1, ...changes });

const targets: [string, () => RedisTarget][] = [
  ['one Redis', () => ({ url: REDIS_URL })],
  ['a Redis Cluster', () => ({ clusterNodes: clusterNodes() })],
];

describe.each(targets)('the stores on %s', (name, target) => {
  const prefix = `wintro-cluster-${randomBytes(4).toString('hex')}`;
  const keys = keyScheme(prefix);
  let redis: Redis;

  beforeAll(async () => {
    redis = await connectRedis(target(), logger);
  });

  afterAll(async () => {
    if (name === 'a Redis Cluster') await deleteClusterKeys(prefix);
    else {
      const found = await redis.keys(`${prefix}:*`);
      if (found.length) await redis.del(...found);
    }
    redis.disconnect();
  });

  it('keeps a flow, its index and what is stored with it in one step, and finds every team’s flows by a scan', async () => {
    const store = new FlowStore(redis, keys, 3600);
    const flows = TEAMS.map((teamId) => flow(teamId));
    for (const each of flows) await store.create(each);
    const connections = new ConnectionStore(redis, keys, createSealer(randomBytes(32)));
    for (const each of flows) {
      const write = connections.record({
        teamId: each.teamId,
        systemId: 'greenhouse',
        linkedBy: 'U1',
        flowId: each.id,
        details: [],
        credentials: { secret: 'x' },
      });
      expect(await store.compareAndSet(1, { ...each, version: 2, phase: 'linked' }, [write])).toBe('saved');
    }
    const teams: string[] = [];
    for await (const teamId of connections.teams()) if (teamId.startsWith('T0CLUSTER')) teams.push(teamId);
    expect(teams.sort()).toEqual([...TEAMS].sort());
    if (name === 'a Redis Cluster') expect(await mastersHolding(prefix)).toBe(3);
  });

  it('finds the unfinished flows of a workspace, and keeps a cancelled one for a day, not for the whole TTL', async () => {
    const store = new FlowStore(redis, keys, 14 * 24 * 3600);
    const open = flow('T0SCAN');
    const other = flow('T0SCAN', { holderId: 'U2', starterId: 'U2' });
    const cancelled = flow('T0SCAN', { systemId: 'personio-recruiting' });
    for (const each of [open, other, cancelled]) await store.create(each);
    expect(await store.compareAndSet(1, { ...cancelled, version: 2, phase: 'cancelled' })).toBe('saved');
    const active = await store.activeInTeam('T0SCAN');
    expect(active.map((each) => each.id).sort()).toEqual([open.id, other.id].sort());
    const ttl = await redis.ttl(keys.flow('T0SCAN', cancelled.id));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(TERMINAL_TTL_SECONDS);
    expect(await redis.ttl(keys.flow('T0SCAN', open.id))).toBeGreaterThan(13 * 24 * 3600);
  });

  it('finds the teams of waiting outbox events on every master', async () => {
    for (const teamId of TEAMS) await redis.hset(keys.outbox(teamId), 'evt_1', '{}');
    const found = new Set<string>();
    for await (const teamId of scanTeams(redis, keys.outbox('*'))) found.add(teamId);
    expect([...found].sort()).toEqual([...TEAMS].sort());
  });

  it('counts the abuse limits', async () => {
    const limits = new AbuseLimits(redis, prefix);
    for (let n = 0; n < 3; n++) expect(await limits.helpRequest('T0LIMIT', 'flow-1', 'U1')).toBeUndefined();
    expect((await limits.helpRequest('T0LIMIT', 'flow-1', 'U1'))?.limit).toBe('helpPerSetup');
  });

  it('runs a due reminder once, with two instances sweeping', async () => {
    const second = await connectRedis(target(), logger);
    const schedulers = [redis, second].map((client) =>
      createRedisScheduler(client, `${prefix}:{reminders}`, logger, { sweepMs: 50 }),
    );
    const ran: ReminderJob[] = [];
    for (const scheduler of schedulers) {
      scheduler.start(async (job) => {
        ran.push(job);
      });
    }
    const job: ReminderJob = { kind: 'idle', teamId: 'T0QUEUE', flowId: 'flow-1', n: 0 };
    await schedulers[0]?.schedule(job, 200);
    await eventually(() => expect(ran).toEqual([job]), 8000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ran).toEqual([job]);
    for (const scheduler of schedulers) await scheduler.close();
    second.disconnect();
  });

  it('tries a failing reminder again after a minute, three times in all', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const scheduler = createRedisScheduler(redis, `${prefix}:{retries}`, logger, { sweepMs: 20 });
      let attempts = 0;
      scheduler.start(async () => {
        attempts += 1;
        throw new Error('Slack is down');
      });
      await scheduler.schedule({ kind: 'idle', teamId: 'T0RETRY', flowId: 'flow-2', n: 0 }, 0);
      for (let attempt = 1; attempt <= 3; attempt++) {
        await eventually(() => expect(attempts).toBe(attempt), 4000);
        vi.setSystemTime(Date.now() + 61_000);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(attempts).toBe(3);
      expect(await redis.zcard(`${prefix}:{retries}:due`)).toBe(0);
      await scheduler.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('delivers a hand-over job through BullMQ, and retries it when asked', async () => {
    const queue = createBullDeliveryQueue(target(), `${prefix}:{handover}`, logger);
    let attempts = 0;
    queue.start(async () => {
      attempts += 1;
      return attempts === 1 ? { retryInMs: 100 } : undefined;
    });
    await queue.enqueue({ teamId: 'T0QUEUE', eventId: 'evt_cluster' });
    await eventually(() => expect(attempts).toBe(2), 8000);
    await queue.close();
  });
});
