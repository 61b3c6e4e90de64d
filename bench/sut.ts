/**
 * Child process: one app under test — the Wintro bot (createWintroApp, HTTP mode) or the bare Bolt
 * baseline — alone in its process, so its RSS, CPU time and event loop are its own and both apps
 * face the same load generator and the same fake Slack from outside. Each mode loads only its own
 * modules (dynamic imports), so the baseline's RSS carries none of the bot's code.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { DestinationStream } from 'pino';
import { serve } from './ipc.js';
import { type LogCounts, newLogCounts, remember } from './logCounts.js';
import type { RedisCounters } from './redisCounter.js';

export type SutMode = 'bot' | 'baseline';

export interface SutConfig {
  mode: SutMode;
  slackApiUrl: string;
  redisUrl: string;
  keyPrefix: string;
  signingSecret: string;
  botToken: string;
  notifyChannel: string;
}

export interface SutInfo {
  mode: SutMode;
  port: number;
  pid: number;
}

export interface SutStats {
  rss: number;
  peakRss: number;
  heapUsed: number;
  peakHeapUsed: number;
  cpu: NodeJS.CpuUsage;
  /** Event loop delay since the last `mark`, in ms. */
  loopDelay: { p50: number; p99: number; max: number };
  /** What the bot's Redis clients have sent so far (all of its connections). */
  redis?: RedisCounters;
  logs: LogCounts;
}

const config = JSON.parse(process.env.BENCH_SUT ?? '{}') as SutConfig;
const logs = newLogCounts();

// RSS and heap, every 100 ms; `mark` starts a new phase (the peak is kept per phase and overall).
let peakRss = 0;
let peakHeapUsed = 0;
let phasePeakRss = 0;
const sample = () => {
  const { rss, heapUsed } = process.memoryUsage();
  peakRss = Math.max(peakRss, rss);
  phasePeakRss = Math.max(phasePeakRss, rss);
  peakHeapUsed = Math.max(peakHeapUsed, heapUsed);
};
sample();
setInterval(sample, 100);

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

/** pino destination: nothing is kept but counts and the last few lines. */
const logDestination: DestinationStream = {
  write(line: string) {
    const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
    if (level >= 60) logs.fatal += 1;
    else if (level >= 50) logs.error += 1;
    else if (level >= 40) logs.warn += 1;
    remember(logs, line.trim());
  },
};

let port: number;
let stop: () => Promise<void>;
let countRedis: (() => RedisCounters) | undefined;
let scopeRequests: ((on: boolean) => boolean) | undefined;

if (config.mode === 'bot') {
  const counter = await import('./redisCounter.js');
  counter.instrumentRedis();
  await counter.instrumentAcks();
  const { createWintroApp } = await import('../src/app.js');
  const { loadConfig } = await import('../src/config.js');
  const appConfig = loadConfig({
    SLACK_BOT_TOKEN: config.botToken,
    SLACK_SIGNING_SECRET: config.signingSecret,
    SLACK_API_URL: config.slackApiUrl,
    PORT: '0',
    REDIS_URL: config.redisUrl,
    WINTRO_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    WINTRO_NOTIFY_CHANNEL: config.notifyChannel,
    LOG_LEVEL: 'warn',
  });
  const bot = await createWintroApp(appConfig, { logDestination, keyPrefix: config.keyPrefix });
  counter.markMainClient(bot.redis);
  countRedis = counter.redisCounters;
  scopeRequests = counter.scopeRequests;
  await simulateFixes((process.env.BENCH_WHATIF ?? '').split(',').filter(Boolean));
  port = (await bot.start()) as number;
  stop = () => bot.stop();
} else {
  const { startBaseline } = await import('./baseline.js');
  const baseline = await startBaseline({
    botToken: config.botToken,
    signingSecret: config.signingSecret,
    slackApiUrl: config.slackApiUrl,
    logs,
  });
  port = baseline.port;
  stop = baseline.stop;
}

/**
 * BENCH_WHATIF: fixes proposed in bench/README.md, simulated by patching this process only (src/
 * is untouched, and so is everything the bot calls it through: only the libraries are patched), to
 * measure what each would change:
 * - no-request-guard: the per-request claim (a SET NX of an `…:once:request:<trigger_id>` key)
 *   is answered without a round trip;
 * - no-reminder-job: BullMQ adds no job (so no delayed job per new flow).
 */
async function simulateFixes(fixes: string[]) {
  if (fixes.includes('no-request-guard')) {
    const { Redis } = await import('ioredis');
    const set = Redis.prototype.set as (...args: unknown[]) => Promise<unknown>;
    Object.assign(Redis.prototype, {
      set(this: unknown, ...args: unknown[]) {
        return String(args[0]).includes(':once:request:') ? Promise.resolve('OK') : set.apply(this, args);
      },
    });
  }
  if (fixes.includes('no-reminder-job')) {
    const { Queue } = await import('bullmq');
    Object.assign(Queue.prototype, { add: async () => undefined });
  }
}

const ms = (ns: number) => Math.round(ns / 1e4) / 100;

const stats = (): SutStats => {
  sample();
  const { rss, heapUsed } = process.memoryUsage();
  return {
    rss,
    peakRss,
    heapUsed,
    peakHeapUsed,
    cpu: process.cpuUsage(),
    loopDelay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
    ...(countRedis ? { redis: countRedis() } : {}),
    logs: structuredClone(logs),
  };
};

const info: SutInfo = { mode: config.mode, port, pid: process.pid };

// CPU profiles of single runs, on request (BENCH_CPU_PROF): the inspector's sampling profiler.
// With BENCH_HEAP_PROF=1 as well, an allocation profile instead (every sampled allocation, also
// the garbage collected since: where the collector's work comes from), written as .heapprofile.
let profiler: Session | undefined;
const allocations = process.env.BENCH_HEAP_PROF === '1';

serve(info, {
  profileStart: async () => {
    profiler = new Session();
    profiler.connect();
    if (allocations) {
      await profiler.post('HeapProfiler.enable');
      await profiler.post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      return true;
    }
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 250 });
    await profiler.post('Profiler.start');
    return true;
  },
  profileStop: async (file: string) => {
    if (!profiler) return false;
    const { profile } = allocations
      ? await profiler.post('HeapProfiler.stopSampling')
      : await profiler.post('Profiler.stop');
    profiler.disconnect();
    profiler = undefined;
    await writeFile(
      allocations ? file.replace(/\.cpuprofile$/, '.heapprofile') : file,
      JSON.stringify(profile),
    );
    return true;
  },
  stats,
  /** Starts a phase: resets the event-loop histogram and the phase RSS peak; returns the stats so far. */
  mark: () => {
    const before = stats();
    loop.reset();
    phasePeakRss = process.memoryUsage.rss();
    return before;
  },
  phasePeakRss: () => phasePeakRss,
  /** Counts each request's round trips in its own async context (see redisCounter.ts). */
  scopeRequests: (on: boolean) => scopeRequests?.(on) ?? false,
  gc: () => {
    (globalThis as { gc?: () => void }).gc?.();
    return true;
  },
  stop: async () => {
    await stop();
    return stats();
  },
});
