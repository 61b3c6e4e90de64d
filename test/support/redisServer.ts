/**
 * A private redis-server for tests that stop and restart Redis: its own free port and its own data
 * directory, with an append-only file fsynced on every write, so whatever was written before a stop
 * is there again after the restart.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { dumpKeys } from './dumpKeys.js';
import { freePort } from './freePort.js';

export interface PrivateRedis {
  port: number;
  url: string;
  dir: string;
  /** Whether a redis-server process is running now. */
  readonly running: boolean;
  /** SIGTERM, then waits until the process has exited and the port no longer answers. */
  stop(): Promise<void>;
  /** Starts redis-server again on the same port and directory; resolves once it answers PING. */
  start(): Promise<void>;
  /** SIGSTOP: the server keeps its connections open but answers nothing (a hung Redis). */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
  /** Stops the server (if running) and removes its directory. */
  close(): Promise<void>;
  /** Every key under a prefix with its value, as text (to search for leaked secrets). */
  dump(keyPrefix: string): Promise<string>;
  /** How many clients are connected, not counting the one that asks. */
  clientCount(): Promise<number>;
  /** Number of fields in a hash. */
  hlen(key: string): Promise<number>;
}

const HOST = '127.0.0.1';

const answersPing = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = new Socket();
    let buffer = '';
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(300);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      if (buffer.includes('\r\n')) done(buffer.startsWith('+PONG'));
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
    socket.connect(port, HOST);
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'wintro-redis-'));
  const url = `redis://${HOST}:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let output = '';

  const start = async () => {
    if (child) throw new Error('the private redis-server is already running');
    output = '';
    const spawned = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        HOST,
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
        '--daemonize',
        'no',
        '--loglevel',
        'warning',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    spawned.stdout?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    });
    spawned.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    });
    child = spawned;
    exited = new Promise<void>((resolve) => {
      spawned.once('exit', () => {
        if (child === spawned) child = undefined;
        resolve();
      });
      spawned.once('error', (error) => {
        output += `\n${error.message}`;
        if (child === spawned) child = undefined;
        resolve();
      });
    });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (!child) throw new Error(`redis-server on port ${port} exited at start:\n${output}`);
      if (await answersPing(port)) return;
      await sleep(50);
    }
    throw new Error(`redis-server on port ${port} did not answer within 10 s:\n${output}`);
  };

  let frozen = false;
  const signal = (name: NodeJS.Signals) => {
    if (!child) throw new Error('the private redis-server is not running');
    child.kill(name);
  };

  const stop = async () => {
    const running = child;
    if (!running) return;
    if (frozen) {
      running.kill('SIGCONT');
      frozen = false;
    }
    running.kill('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
    if (timedOut) {
      running.kill('SIGKILL');
      await exited;
    }
    while (await answersPing(port)) await sleep(20);
  };

  const withClient = async <T>(use: (redis: Redis) => Promise<T>): Promise<T> => {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      return await use(redis);
    } finally {
      redis.disconnect();
    }
  };

  await start();
  return {
    port,
    url,
    dir,
    get running() {
      return child !== undefined;
    },
    start,
    stop,
    freeze() {
      signal('SIGSTOP');
      frozen = true;
    },
    thaw() {
      if (!frozen) return;
      signal('SIGCONT');
      frozen = false;
    },
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
    dump: (keyPrefix) => withClient((redis) => dumpKeys(redis, keyPrefix)),
    hlen: (key) => withClient((redis) => redis.hlen(key)),
    clientCount: () =>
      withClient(async (redis) => {
        const list = (await redis.client('LIST')) as string;
        return list.split('\n').filter((line) => line.trim().length > 0).length - 1;
      }),
  };
}
