import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowState } from '../../src/flows/state.js';
import { ConnectionStore } from '../../src/store/connectionStore.js';
import { FlowStore, newFlowId } from '../../src/store/flowStore.js';
import { keyScheme } from '../../src/store/keys.js';
import { OnceGuard } from '../../src/store/once.js';
import { createSealer } from '../../src/store/sealing.js';
import { deleteKeys, REDIS_URL } from '../support/bot.js';
import { aFlow } from '../support/flowFixture.js';

const prefix = `wintro-store-${randomBytes(4).toString('hex')}`;
const keys = keyScheme(prefix);
let redis: Redis;

const flow = (changes: Partial<FlowState> = {}) =>
  aFlow({ id: newFlowId(), teamId: 'T0STORE', createdAt: 1, updatedAt: 1, ...changes });

beforeAll(() => {
  redis = new Redis(REDIS_URL);
});

afterAll(async () => {
  redis.disconnect();
  await deleteKeys(prefix);
});

describe('flow store on real Redis', () => {
  it('creates a flow, indexes it for its holder, and reads it back', async () => {
    const store = new FlowStore(redis, keys, 60);
    const state = flow();
    await store.create(state);
    expect(await store.get('T0STORE', state.id)).toEqual(state);
    expect((await store.activeFor('T0STORE', 'U1')).map((active) => active.id)).toContain(state.id);
    expect(await redis.ttl(keys.flow('T0STORE', state.id))).toBeGreaterThan(50);
    expect(keys.flow('T0STORE', state.id)).toMatch(new RegExp(`^${prefix}:\\{T0STORE\\}:flow:`));
  });

  it('writes only over the expected version: of two writers, one wins', async () => {
    const store = new FlowStore(redis, keys, 60);
    const state = flow();
    await store.create(state);
    const results = await Promise.all([
      store.compareAndSet(1, { ...state, version: 2, stepIndex: 1 }),
      store.compareAndSet(1, { ...state, version: 2, stepIndex: 2 }),
    ]);
    expect(results.sort()).toEqual(['conflict', 'saved']);
    expect((await store.get('T0STORE', state.id))?.version).toBe(2);
    expect(await store.compareAndSet(1, { ...state, version: 2 })).toBe('conflict');
    expect(await store.compareAndSet(1, { ...state, id: 'nonexistent00', version: 2 })).toBe('missing');
  });

  it('gives the once-claim that guarded the setup back in the step that stores it, and indexes it', async () => {
    const store = new FlowStore(redis, keys, 60);
    const once = new OnceGuard(redis, keys);
    const state = flow();
    expect(await once.claim('T0STORE', `starting:${state.starterId}:greenhouse`, 10)).toBe(true);
    await store.create(state, 'm:prerequisites:0', `starting:${state.starterId}:greenhouse`);
    expect(await once.isClaimed('T0STORE', `starting:${state.starterId}:greenhouse`)).toBe(false);
    expect(await redis.hget(keys.activeFlows('T0STORE', state.starterId), state.id)).toBe(state.systemId);
    expect(await redis.sismember(keys.teamSetups('T0STORE'), state.id)).toBe(1);
    expect(await redis.ttl(keys.activeFlows('T0STORE', state.starterId))).toBeGreaterThan(50);
    expect(await redis.ttl(keys.teamSetups('T0STORE'))).toBeGreaterThan(50);
    // Without a claim to give back, no once-key is touched.
    const other = flow();
    await store.create(other);
    expect(await redis.exists(keys.once('T0STORE', 'nothing-to-release'))).toBe(0);
  });

  it("reads a person's setups and takes a starting claim in one step: the claim once, the setups each time", async () => {
    const store = new FlowStore(redis, keys, 60);
    const once = new OnceGuard(redis, keys);
    const holder = `U0CLAIM${randomBytes(3).toString('hex').toUpperCase()}`;
    const older = flow({ starterId: holder, holderId: holder, updatedAt: 5 });
    const newer = flow({ starterId: holder, holderId: holder, systemId: 'personio-hr', updatedAt: 9 });
    await store.create(older);
    await store.create(newer);
    // An index entry whose flow is gone is dropped as it is found.
    await redis.hset(keys.activeFlows('T0STORE', holder), 'gone-flow', 'workable');
    const claim = `starting:${holder}:greenhouse`;

    const first = await store.activeForClaiming('T0STORE', holder, claim, 10);
    expect(first.claimed).toBe(true);
    expect(first.flows.map((active) => active.id)).toEqual([newer.id, older.id]);
    expect(await redis.hexists(keys.activeFlows('T0STORE', holder), 'gone-flow')).toBe(0);
    expect(await once.isClaimed('T0STORE', claim)).toBe(true);
    expect(await redis.ttl(keys.once('T0STORE', claim))).toBeGreaterThan(5);

    const second = await store.activeForClaiming('T0STORE', holder, claim, 10);
    expect(second.claimed).toBe(false);
    expect(second.flows.map((active) => active.id)).toEqual([newer.id, older.id]);
    // Given back (as the new setup's step does), it can be taken again; nobody's setups: none.
    await once.release('T0STORE', claim);
    expect((await store.activeForClaiming('T0STORE', holder, claim, 10)).claimed).toBe(true);
    expect(await store.activeForClaiming('T0STORE', 'U0NOBODY', `${claim}-nobody`, 10)).toEqual({
      flows: [],
      claimed: true,
    });
  });

  it('claims a request once and reads the hash fields asked for in the same step', async () => {
    const once = new OnceGuard(redis, keys);
    const hash = keys.language('T0STORE', 'U0READ');
    await redis.hset(hash, 'slack', 'de', 'until', '123');
    const name = `request:${randomBytes(4).toString('hex')}`;
    expect(await once.claimReading('T0STORE', name, 60, hash, ['override', 'slack', 'until'])).toEqual({
      first: true,
      values: [null, 'de', '123'],
    });
    expect(await once.claimReading('T0STORE', name, 60, hash, ['slack'])).toEqual({
      first: false,
      values: ['de'],
    });
    expect(await redis.ttl(keys.once('T0STORE', name))).toBeGreaterThan(50);
    expect(
      await once.claimReading('T0STORE', `${name}-2`, 60, keys.language('T0STORE', 'U0NONE'), ['slack']),
    ).toEqual({
      first: true,
      values: [null],
    });
  });

  it('keeps a flow in one string, and marks each funnel step once', async () => {
    const store = new FlowStore(redis, keys, 60);
    const state = flow();
    await store.create(state, 'm:prerequisites:0');
    const key = keys.flow('T0STORE', state.id);
    expect(await redis.type(key)).toBe('string');
    const moved = { ...state, version: 2, phase: 'guide' as const };
    expect(await store.compareAndSetMarking(1, moved, [], 'm:guide:0')).toEqual({
      result: 'saved',
      newMark: true,
    });
    const again = { ...moved, version: 3 };
    expect(await store.compareAndSetMarking(2, again, [], 'm:guide:0')).toEqual({
      result: 'saved',
      newMark: false,
    });
    expect(await store.compareAndSetMarking(3, { ...again, version: 4 }, [], 'm:prerequisites:0')).toEqual({
      result: 'saved',
      newMark: false,
    });
    expect(await store.get('T0STORE', state.id)).toEqual({ ...again, version: 4 });
    expect(await redis.ttl(key)).toBeGreaterThan(50);
  });

  it('reads and moves a flow stored as a hash by an earlier version, keeping its marks', async () => {
    const store = new FlowStore(redis, keys, 60);
    const state = flow({ phase: 'guide' });
    const key = keys.flow('T0STORE', state.id);
    await redis.hset(key, 'v', '1', 'd', JSON.stringify(state), 'm:prerequisites:0', '1', 'm:guide:0', '1');
    await redis.hset(keys.activeFlows('T0STORE', state.holderId), state.id, state.systemId);
    expect(await store.get('T0STORE', state.id)).toEqual(state);
    expect((await store.activeFor('T0STORE', state.holderId)).map((active) => active.id)).toContain(state.id);
    await redis.sadd(keys.teamSetups('T0STORE'), state.id);
    expect((await store.setupsInTeam('T0STORE')).map((setup) => setup.id)).toContain(state.id);
    expect(await store.compareAndSetMarking(2, { ...state, version: 3 }, [], 'm:guide:0')).toEqual({
      result: 'conflict',
      newMark: false,
    });
    const moved = { ...state, version: 2, stepIndex: 1 };
    expect(await store.compareAndSetMarking(1, moved, [], 'm:guide:0')).toEqual({
      result: 'saved',
      newMark: false,
    });
    expect(await redis.type(key)).toBe('string');
    expect(await store.compareAndSetMarking(2, { ...moved, version: 3 }, [], 'm:guide:1')).toEqual({
      result: 'saved',
      newMark: true,
    });
    expect(await store.compareAndSetMarking(3, { ...moved, version: 4 }, [], 'm:prerequisites:0')).toEqual({
      result: 'saved',
      newMark: false,
    });
    expect((await store.get('T0STORE', state.id))?.version).toBe(4);
  });

  it('drops a finished flow from the active index', async () => {
    const store = new FlowStore(redis, keys, 60);
    const state = flow({ holderId: 'U2', starterId: 'U2' });
    await store.create(state);
    expect(await store.compareAndSet(1, { ...state, version: 2, phase: 'linked' })).toBe('saved');
    expect(await store.activeFor('T0STORE', 'U2')).toEqual([]);
  });

  it('forgets a flow when its time to live runs out', async () => {
    const store = new FlowStore(redis, keys, 1);
    const state = flow({ holderId: 'U3', starterId: 'U3' });
    await store.create(state);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(await store.get('T0STORE', state.id)).toBeUndefined();
    expect(await store.activeFor('T0STORE', 'U3')).toEqual([]);
  });

  it('is read back unchanged by a new client, as after a restart', async () => {
    const state = flow();
    await new FlowStore(redis, keys, 60).create(state);
    const fresh = new Redis(REDIS_URL);
    try {
      expect(await new FlowStore(fresh, keys, 60).get('T0STORE', state.id)).toEqual(state);
    } finally {
      fresh.disconnect();
    }
  });

  it('keeps teams apart', async () => {
    const store = new FlowStore(redis, keys, 60);
    const state = flow();
    await store.create(state);
    expect(await store.get('T0OTHER', state.id)).toBeUndefined();
  });
});

describe('connection store on real Redis', () => {
  it('stores credentials sealed and opens them with the same key only', async () => {
    const key = randomBytes(32);
    const store = new ConnectionStore(redis, keys, createSealer(key));
    await store.save({
      teamId: 'T0STORE',
      systemId: 'greenhouse',
      linkedBy: 'U1',
      flowId: 'f1',
      details: [{ label: 'User', value: '42' }],
      credentials: { client_secret: 'plain-secret-value' },
    });
    const raw = await redis.hgetall(keys.connections('T0STORE'));
    expect(JSON.stringify(raw)).not.toContain('plain-secret-value');
    expect(await store.credentials('T0STORE', 'greenhouse')).toEqual({ client_secret: 'plain-secret-value' });
    const list = await store.list('T0STORE');
    expect(list).toHaveLength(1);
    expect(list[0]).not.toHaveProperty('sealed');
    await expect(
      new ConnectionStore(redis, keys, createSealer(randomBytes(32))).credentials('T0STORE', 'greenhouse'),
    ).rejects.toThrow();
  });
});

describe('resealing connections after a key rotation', () => {
  it('seals every connection with the current key, leaves current ones alone, and counts unreadable ones', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const lostKey = randomBytes(32);
    const credentials = { client_secret: 'rotate-me-secret' };
    const base = { systemId: 'greenhouse', linkedBy: 'U1', flowId: 'f1', details: [], credentials };
    await new ConnectionStore(redis, keys, createSealer(oldKey)).save({ ...base, teamId: 'T0ROT1' });
    await new ConnectionStore(redis, keys, createSealer(newKey)).save({ ...base, teamId: 'T0ROT2' });
    await new ConnectionStore(redis, keys, createSealer(lostKey)).save({ ...base, teamId: 'T0ROT3' });

    const rotated = new ConnectionStore(redis, keys, createSealer(newKey, [oldKey]));
    const teams: string[] = [];
    for await (const team of rotated.teams()) teams.push(team);
    expect(teams).toEqual(expect.arrayContaining(['T0ROT1', 'T0ROT2', 'T0ROT3']));
    expect(await rotated.reseal('T0ROT1')).toEqual({ resealed: 1, current: 0, unreadable: 0 });
    expect(await rotated.reseal('T0ROT2')).toEqual({ resealed: 0, current: 1, unreadable: 0 });
    expect(await rotated.reseal('T0ROT3')).toEqual({ resealed: 0, current: 0, unreadable: 1 });

    const newOnly = new ConnectionStore(redis, keys, createSealer(newKey));
    expect(await newOnly.credentials('T0ROT1', 'greenhouse')).toEqual(credentials);
    expect(JSON.stringify(await redis.hgetall(keys.connections('T0ROT1')))).not.toContain('rotate-me-secret');
  });
});

describe('once guard on real Redis', () => {
  it('lets exactly one of many claims through, and again after a release', async () => {
    const guard = new OnceGuard(redis, keys);
    const claims = await Promise.all(Array.from({ length: 10 }, () => guard.claim('T0STORE', 'notify:x')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await guard.release('T0STORE', 'notify:x');
    expect(await guard.claim('T0STORE', 'notify:x')).toBe(true);
  });
});
