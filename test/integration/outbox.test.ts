import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbox } from '../../src/connections/outbox.js';
import { redeliverFailed } from '../../src/connections/redeliver.js';
import { FlowStore, newFlowId } from '../../src/store/flowStore.js';
import { keyScheme } from '../../src/store/keys.js';
import { deleteKeys, REDIS_URL } from '../support/bot.js';
import { aFlow } from '../support/flowFixture.js';

const prefix = `wintro-outbox-${randomBytes(4).toString('hex')}`;
const keys = keyScheme(prefix);
const TEAM = 'T0OUTBOX';
let redis: Redis;
let outbox: Outbox;

const event = (flowId: string, at = 1000) => ({
  id: `evt_${flowId}`,
  type: 'connection.linked' as const,
  teamId: TEAM,
  systemId: 'greenhouse',
  flowId,
  userId: 'U1',
  body: JSON.stringify({ type: 'connection.linked', data: { credentials: 'a.b.c.d.e' } }),
  createdAt: at,
  deadline: at + 60_000,
});

const verifying = (id: string) =>
  aFlow({
    id,
    teamId: TEAM,
    phase: 'verifying',
    stepIndex: 5,
    attempts: 1,
    version: 3,
    createdAt: 1,
    updatedAt: 1,
  });

beforeAll(() => {
  redis = new Redis(REDIS_URL);
  outbox = new Outbox(redis, keys);
});

afterAll(async () => {
  redis.disconnect();
  await deleteKeys(prefix);
});

describe('the outbox on real Redis', () => {
  it('is written in the flow’s own compare-and-set, or not at all', async () => {
    const flows = new FlowStore(redis, keys, 3600);
    const flowId = newFlowId();
    const flow = verifying(flowId);
    await flows.create({ ...flow, version: 3 });
    const linked = { ...flow, phase: 'linked' as const, version: 4 };
    // A compare-and-set on a version that moved on stores neither the flow nor its event.
    expect(await flows.compareAndSet(2, linked, outbox.records(event(flowId), 1000))).toBe('conflict');
    expect(await outbox.get(TEAM, `evt_${flowId}`)).toBeUndefined();
    expect(await outbox.state(TEAM, 'greenhouse')).toBeUndefined();
    expect(await flows.compareAndSet(3, linked, outbox.records(event(flowId), 1000))).toBe('saved');
    expect(await outbox.get(TEAM, `evt_${flowId}`)).toMatchObject({ attempts: 0, deadline: 61_000 });
    expect(await outbox.state(TEAM, 'greenhouse')).toMatchObject({
      eventId: `evt_${flowId}`,
      state: 'pending',
    });
    expect([...(await outbox.waiting(TEAM))].map((record) => record.id)).toContain(`evt_${flowId}`);
  });

  it('counts attempts, then leaves the outbox with the state recorded', async () => {
    const flowId = newFlowId();
    for (const write of outbox.records(event(flowId), 1000))
      await redis.hset(write.key, write.field, write.value);
    const record = (await outbox.get(TEAM, `evt_${flowId}`)) as NonNullable<
      Awaited<ReturnType<Outbox['get']>>
    >;
    const retried = await outbox.attempted(record, 503, 2000);
    expect(retried.attempts).toBe(1);
    expect(await outbox.state(TEAM, 'greenhouse')).toMatchObject({
      state: 'pending',
      attempts: 1,
      last: 503,
    });
    const done = await outbox.finish(retried, { state: 'delivered', last: 200 }, 3000);
    expect(done).toMatchObject({ state: 'delivered', attempts: 2, last: 200, at: 3000 });
    expect(await outbox.get(TEAM, `evt_${flowId}`)).toBeUndefined();
    expect((await outbox.states(TEAM)).get('greenhouse')?.state).toBe('delivered');
  });

  it('an older link finishing late does not overwrite the state of the newer one', async () => {
    const older = newFlowId();
    const newer = newFlowId();
    for (const write of outbox.records(event(older), 1000))
      await redis.hset(write.key, write.field, write.value);
    const olderRecord = await outbox.get(TEAM, `evt_${older}`);
    for (const write of outbox.records(event(newer), 2000))
      await redis.hset(write.key, write.field, write.value);
    await outbox.finish(olderRecord as never, { state: 'failed', last: 400, reason: 'rejected' }, 3000);
    expect(await outbox.state(TEAM, 'greenhouse')).toMatchObject({
      eventId: `evt_${newer}`,
      state: 'pending',
    });
  });

  it('keeps an event that failed for good, out of line, until it is sent again', async () => {
    const flowId = newFlowId();
    for (const write of outbox.records(event(flowId), 1000))
      await redis.hset(write.key, write.field, write.value);
    const record = await outbox.get(TEAM, `evt_${flowId}`);
    await outbox.finish(record as never, { state: 'failed', last: 400, reason: 'rejected' }, 3000);
    expect(await outbox.get(TEAM, `evt_${flowId}`)).toMatchObject({ failedAt: 3000, attempts: 1 });
    expect((await outbox.waiting(TEAM)).map((each) => each.id)).not.toContain(`evt_${flowId}`);
    expect((await outbox.failed(TEAM)).map((each) => each.id)).toContain(`evt_${flowId}`);
    expect(await redeliverFailed(outbox, 5000, 60_000)).toBeGreaterThanOrEqual(1);
    expect(await outbox.get(TEAM, `evt_${flowId}`)).toEqual(
      expect.objectContaining({ attempts: 0, deadline: 65_000, body: event(flowId).body }),
    );
    expect((await outbox.get(TEAM, `evt_${flowId}`))?.failedAt).toBeUndefined();
    expect(await outbox.state(TEAM, 'greenhouse')).toMatchObject({
      eventId: `evt_${flowId}`,
      state: 'pending',
    });
  });

  it('finds the teams with events waiting', async () => {
    const teams: string[] = [];
    for await (const team of outbox.teams()) teams.push(team);
    expect(teams).toEqual([TEAM]);
  });
});
