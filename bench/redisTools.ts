/** Redis helpers for the benchmark: make sure a server runs, read INFO figures, watch MONITOR. */
import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { reachable } from '../test/support/reachable.js';

/**
 * Uses the Redis at `url`; if none answers on loopback, starts `redis-server` the way
 * test/globalSetup.ts does (daemonized, no persistence). Returns whether it started one.
 */
export async function ensureRedis(url: string): Promise<boolean> {
  const { hostname, port: rawPort } = new URL(url);
  const port = Number(rawPort || 6379);
  const host = hostname || '127.0.0.1';
  if (await reachable(host, port)) return false;
  if (host !== '127.0.0.1' && host !== 'localhost')
    throw new Error(`Redis at ${host}:${port} does not answer`);
  const started = spawnSync(
    'redis-server',
    ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: 'inherit' },
  );
  if (started.error || started.status !== 0) {
    throw new Error(
      `The benchmark needs Redis on 127.0.0.1:${port}; redis-server could not be started (apt-get install redis-server).`,
    );
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await reachable('127.0.0.1', port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server started but 127.0.0.1:${port} does not answer`);
}

export function databaseOf(url: string): number {
  const path = new URL(url).pathname.replace(/^\//, '');
  return path ? Number(path) : 0;
}

function infoFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0 && !line.startsWith('#')) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  return fields;
}

/** Calls per command from INFO commandstats (server-wide, every database), INFO itself left out. */
export async function commandStats(redis: Redis): Promise<Record<string, number>> {
  const stats: Record<string, number> = {};
  for (const [key, value] of infoFields(await redis.info('commandstats'))) {
    const name = key.replace(/^cmdstat_/, '');
    const calls = Number(/calls=(\d+)/.exec(value)?.[1] ?? 0);
    if (name !== 'info') stats[name] = calls;
  }
  return stats;
}

export function statsDelta(before: Record<string, number>, after: Record<string, number>) {
  const byCommand: Record<string, number> = {};
  let total = 0;
  for (const [name, calls] of Object.entries(after)) {
    const delta = calls - (before[name] ?? 0);
    if (delta > 0) {
      byCommand[name] = delta;
      total += delta;
    }
  }
  return { total, byCommand };
}

export async function usedMemory(redis: Redis): Promise<number> {
  return Number(infoFields(await redis.info('memory')).get('used_memory'));
}

export async function redisVersion(redis: Redis): Promise<string> {
  return infoFields(await redis.info('server')).get('redis_version') ?? '?';
}

export interface MonitorCounts {
  /** Commands executed in the watched database, by the watched clients or inside Lua scripts. */
  total: number;
  byClients: number;
  byLua: number;
  /** Commands executed in the watched database by any other connection. */
  others: number;
  /** Commands executed in other databases (other users of the server; they do show in commandstats). */
  otherDatabases: number;
  byCommand: Record<string, number>;
}

/**
 * Counts, with MONITOR on a connection of its own, the commands Redis executes in `db` for the
 * clients at `clients` (ip:port), and those run inside Lua scripts (only the bot runs scripts there).
 */
export async function watchCommands(url: string, db: number, clients: string[]) {
  const watched = new Set(clients);
  const base = new Redis(url, { lazyConnect: true });
  const monitor = await base.monitor();
  const counts: MonitorCounts = {
    total: 0,
    byClients: 0,
    byLua: 0,
    others: 0,
    otherDatabases: 0,
    byCommand: {},
  };
  monitor.on('monitor', (_time: string, args: string[], source: string, database: string) => {
    if (Number(database) !== db) {
      counts.otherDatabases += 1;
      return;
    }
    const mine = watched.has(source);
    const lua = source === 'lua';
    if (!mine && !lua) {
      counts.others += 1;
      return;
    }
    counts.total += 1;
    if (mine) counts.byClients += 1;
    else counts.byLua += 1;
    const name = `${lua ? 'lua:' : ''}${String(args[0] ?? '?').toLowerCase()}`;
    counts.byCommand[name] = (counts.byCommand[name] ?? 0) + 1;
  });
  return {
    async stop(): Promise<MonitorCounts> {
      // MONITOR lines trail the commands slightly.
      await new Promise((resolve) => setTimeout(resolve, 200));
      monitor.disconnect();
      base.disconnect();
      return counts;
    },
  };
}
