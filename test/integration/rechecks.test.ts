import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecheckDue } from '../../src/connections/recheckDue.js';
import { ConnectionStore } from '../../src/store/connectionStore.js';
import { keyScheme } from '../../src/store/keys.js';
import { createSealer } from '../../src/store/sealing.js';
import { deleteKeys, REDIS_URL } from '../support/bot.js';

const prefix = `wintro-rechecks-${randomBytes(4).toString('hex')}`;
const keys = keyScheme(prefix);
const TEAM = 'T0HEALTH';
let redis: Redis;

beforeAll(() => {
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  redis.disconnect();
  await deleteKeys(prefix);
});

const link = (store: ConnectionStore, flowId: string) =>
  store.save({
    teamId: TEAM,
    systemId: 'greenhouse',
    linkedBy: 'U1',
    flowId,
    details: [],
    credentials: { client_id: 'id-1', client_secret: 'very-secret' },
  });

describe('recording what a re-check found, on real Redis', () => {
  it('writes the health and the event in one step, on the connection that was checked', async () => {
    const store = new ConnectionStore(redis, keys, createSealer(randomBytes(32)));
    await link(store, 'flow-checked');
    const checked = await store.get(TEAM, 'greenhouse');
    if (!checked) throw new Error('not stored');
    const event = { key: keys.outbox(TEAM), field: 'evt_broken_1', value: '{"id":"evt_broken_1"}' };
    const written = await store.recordHealth(
      TEAM,
      'greenhouse',
      checked,
      () => ({ state: 'broken', checkedAt: 5, brokenSince: 5 }),
      [event],
    );
    expect(written).toMatchObject({ written: true, previous: undefined });
    expect((await store.get(TEAM, 'greenhouse'))?.health).toEqual({
      state: 'broken',
      checkedAt: 5,
      brokenSince: 5,
    });
    expect(await redis.hget(keys.outbox(TEAM), 'evt_broken_1')).toBe(event.value);
    // The sealed credentials are untouched by it.
    expect(await store.credentials(TEAM, 'greenhouse')).toEqual({
      client_id: 'id-1',
      client_secret: 'very-secret',
    });
  });

  it('leaves a replacement that landed during the check alone, and writes no event', async () => {
    const store = new ConnectionStore(redis, keys, createSealer(randomBytes(32)));
    await link(store, 'flow-old');
    const checked = await store.get(TEAM, 'greenhouse');
    if (!checked) throw new Error('not stored');
    await link(store, 'flow-new');
    const event = { key: keys.outbox(TEAM), field: 'evt_broken_2', value: '{}' };
    const written = await store.recordHealth(
      TEAM,
      'greenhouse',
      checked,
      () => ({ state: 'broken', checkedAt: 9, brokenSince: 9 }),
      [event],
    );
    expect(written).toEqual({ written: false });
    const now = await store.get(TEAM, 'greenhouse');
    expect(now?.flowId).toBe('flow-new');
    expect(now?.health).toBeUndefined();
    expect(await redis.hget(keys.outbox(TEAM), 'evt_broken_2')).toBeNull();
  });
});

describe('the due set of re-checks, on real Redis', () => {
  it('hands each due connection to one claimer, leased, and keeps the rest for later', async () => {
    const due = new RecheckDue(redis, keys);
    await due.schedule({ teamId: 'T1', systemId: 'greenhouse' }, 1000);
    await due.schedule({ teamId: 'T2', systemId: 'workable' }, 2000);
    await due.schedule({ teamId: 'T3', systemId: 'recruitee' }, 10_000_000);
    const [a, b] = await Promise.all([due.claim(5000, 99_000, 10), due.claim(5000, 99_000, 10)]);
    const claimed = [...(a ?? []), ...(b ?? [])].map(({ teamId }) => teamId).sort();
    expect(claimed).toEqual(['T1', 'T2']);
    expect(await due.dueAt({ teamId: 'T1', systemId: 'greenhouse' })).toBe(99_000);
    expect(await due.claim(5000, 99_000, 10)).toEqual([]);
    expect(await due.scheduleIfAbsent({ teamId: 'T3', systemId: 'recruitee' }, 1)).toBe(false);
    expect(await due.earliest()).toBe(99_000);
    expect(keys.recheckDue()).toBe(`${prefix}:{rechecks}:due`);
  });

  it('lets one instance hold the sweep lock at a time', async () => {
    const one = new RecheckDue(redis, keys);
    const other = new RecheckDue(redis, keys);
    expect(await one.holdLock(5000)).toBe(true);
    expect(await one.holdLock(5000)).toBe(true);
    expect(await other.holdLock(5000)).toBe(false);
    await other.releaseLock();
    expect(await other.holdLock(5000)).toBe(false);
    await one.releaseLock();
    expect(await other.holdLock(5000)).toBe(true);
    await other.releaseLock();
  });
});
