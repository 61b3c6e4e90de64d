import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { type Cluster, Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { batchWrites, LATER_WRITE_MAX_WAIT_MS, writeLater } from '../../src/store/batchedWrites.js';
import { redisClient } from '../../src/store/redis.js';
import { deleteKeys, REDIS_URL } from '../support/bot.js';
import { clusterNodes } from '../support/redisCluster.js';
import { type PrivateRedis, startPrivateRedis } from '../support/redisServer.js';

const prefix = `wintro-batch-${randomBytes(4).toString('hex')}`;
const key = (name: string) => `${prefix}:{T0BATCH}:${name}`;
const clients: Redis[] = [];

/** A client whose socket system calls are counted (a write of one buffer, or of several at once). */
function counted(url = REDIS_URL, batched = true) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  clients.push(redis);
  if (batched) batchWrites(redis);
  const calls = { count: 0 };
  redis.on('connect', () => {
    const socket = (redis as unknown as { stream: Socket & { _writeGeneric: (...args: unknown[]) => void } })
      .stream;
    const writeGeneric = socket._writeGeneric.bind(socket);
    socket._writeGeneric = (...args: unknown[]) => {
      calls.count += 1;
      writeGeneric(...args);
    };
  });
  return { redis, calls };
}

/** A counted client, connected and warmed up: `writes()` counts the socket writes since. */
async function ready(batched = true) {
  const { redis, calls } = counted(REDIS_URL, batched);
  await redis.connect();
  await redis.ping();
  const before = calls.count;
  return { redis, writes: () => calls.count - before };
}

let privateRedis: PrivateRedis | undefined;

beforeAll(async () => {
  privateRedis = await startPrivateRedis();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

afterAll(async () => {
  await privateRedis?.close();
  await deleteKeys(prefix);
});

describe('commands of one turn of the event loop', () => {
  it('leave in one write, and each gets its own reply', async () => {
    const { redis, writes } = await ready();
    const replies = await Promise.all([
      redis.set(key('a'), 'one'),
      redis.set(key('b'), 'two', 'EX', 60, 'NX'),
      redis.hset(key('h'), 'f', 'v'),
      redis.get(key('a')),
      redis.hgetall(key('h')),
    ]);
    expect(writes()).toBe(1);
    expect(replies).toEqual(['OK', 'OK', 1, 'one', { f: 'v' }]);
  });

  it('were one write each before (what the batching saves)', async () => {
    const { redis, writes } = await ready(false);
    await Promise.all([redis.get(key('a')), redis.get(key('b')), redis.get(key('c'))]);
    expect(writes()).toBe(3);
  });

  it('fail one by one: a refused command leaves the others of its write answered', async () => {
    const { redis } = counted();
    await redis.connect();
    await redis.set(key('text'), 'x');
    const [typed, wrong, after] = await Promise.allSettled([
      redis.get(key('text')),
      redis.hgetall(key('text')),
      redis.incr(key('counter')),
    ]);
    expect(typed).toEqual({ status: 'fulfilled', value: 'x' });
    expect(wrong.status).toBe('rejected');
    expect(String((wrong as PromiseRejectedResult).reason)).toContain('WRONGTYPE');
    expect(after).toEqual({ status: 'fulfilled', value: 1 });
  });

  it('leave in one write again on the socket of a reconnection', async () => {
    if (!privateRedis) throw new Error('no private Redis');
    const { redis, calls } = counted(privateRedis.url);
    await redis.connect();
    await privateRedis.stop();
    await privateRedis.start();
    await new Promise<void>((resolve) => {
      if (redis.status === 'ready') resolve();
      else redis.once('ready', () => resolve());
    });
    const before = calls.count;
    const replies = await Promise.all([redis.set('x', '1'), redis.get('x'), redis.exists('x')]);
    expect(replies).toEqual(['OK', '1', 1]);
    expect(calls.count - before).toBe(1);
  });

  it('leave in one write per node of a Cluster', async () => {
    const cluster = redisClient({ clusterNodes: clusterNodes() }, { lazyConnect: true });
    clients.push(cluster);
    batchWrites(cluster);
    await cluster.connect();
    await cluster.set(key('warm'), '1');
    const calls = { count: 0 };
    const masters = (cluster as unknown as Cluster).nodes('master');
    for (const node of masters) {
      const socket = (node as unknown as { stream?: { _writeGeneric: (...args: unknown[]) => void } }).stream;
      if (!socket) continue;
      const writeGeneric = socket._writeGeneric.bind(socket);
      socket._writeGeneric = (...args: unknown[]) => {
        calls.count += 1;
        writeGeneric(...args);
      };
    }
    const replies = await Promise.all([
      cluster.set(key('c1'), 'one'),
      cluster.get(key('warm')),
      cluster.incr(key('c2')),
      cluster.del(key('c1'), key('c2'), key('warm')),
    ]);
    expect(replies).toEqual(['OK', '1', 1, 3]);
    expect(calls.count).toBe(1);
  });
});

describe('a write left for later', () => {
  it('joins the next command’s write, after it', async () => {
    const { redis, writes } = await ready();
    let later: Promise<unknown> | undefined;
    writeLater(redis, () => {
      later = redis.set(key('later'), 'kept');
    });
    expect(later).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(writes()).toBe(0);
    const read = await redis.get(key('later'));
    // The command that came first was sent first: the write followed it in the same system call.
    expect(read).toBeNull();
    expect(await later).toBe('OK');
    expect(writes()).toBe(1);
    expect(await redis.get(key('later'))).toBe('kept');
  });

  it('goes on its own when no command comes', async () => {
    const { redis, writes } = await ready();
    const sent = new Promise<unknown>((resolve) =>
      writeLater(redis, () => resolve(redis.set(key('alone'), '1'))),
    );
    const started = Date.now();
    expect(await sent).toBe('OK');
    expect(Date.now() - started).toBeGreaterThanOrEqual(LATER_WRITE_MAX_WAIT_MS - 5);
    expect(writes()).toBe(1);
  });

  it('joins the writes being gathered when it is left in the same turn', async () => {
    const { redis, writes } = await ready();
    const first = redis.set(key('same-turn'), 'a');
    let later: Promise<unknown> | undefined;
    writeLater(redis, () => {
      later = redis.append(key('same-turn'), 'b');
    });
    expect(later).toBeDefined();
    await first;
    expect(await later).toBe(2);
    expect(writes()).toBe(1);
  });

  it('is sent at once on a connection that does not batch', async () => {
    const { redis } = counted(REDIS_URL, false);
    await redis.connect();
    let sent = false;
    writeLater(redis, () => {
      sent = true;
    });
    expect(sent).toBe(true);
  });
});
