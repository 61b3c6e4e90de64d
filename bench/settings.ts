/** Everything the benchmark run is parameterised by. Override with BENCH_* variables. */
const int = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};

export const SETTINGS = {
  /** A database of its own on the running Redis: flushed at the start and at the end. */
  redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9',
  keyPrefix: 'wintro-bench',
  teamId: 'T0BENCH',
  signingSecret: 'bench-signing-secret-0123456789abcdef',
  botToken: 'xoxb-bench-0000000000',
  notifyChannel: 'C0NOTIFY',
  /** Seconds of load per app per cell (scenario × concurrency). */
  durationSeconds: int('BENCH_DURATION', 5),
  /** Each cell's seconds are split into this many runs, alternating the apps. */
  rounds: int('BENCH_ROUNDS', 2),
  /** BENCH_CONCURRENCIES=50 runs only those cells (e.g. to compare heap flags on peak RSS). */
  concurrencies: (process.env.BENCH_CONCURRENCIES ?? '1,10,50').split(',').map(Number).filter(Boolean),
  /** Seconds of each kind of request (c=10) per app before anything is measured: JIT, script cache, sockets. */
  warmupSeconds: int('BENCH_WARMUP', 3),
  /** Sequential interactions used to count Redis commands and round trips. */
  sequentialInteractions: int('BENCH_SEQUENTIAL', 200),
  /** Flows stored to measure Redis memory per flow. */
  memoryFlows: int('BENCH_MEMORY_FLOWS', 10_000),
  /** People in the returning-people cell (each greeted once, then starting one setup; more than one cell sends). */
  returningPeople: int('BENCH_RETURNING_PEOPLE', 6000),
  /**
   * Most flows prepared for one click run (enough for twice the highest click rate seen so far).
   * Each is clicked at most once per pass, so a click never races the previous click on the same
   * flow (the bot acks first and works after).
   */
  clickPool: int('BENCH_CLICK_POOL', 30_000),
  /** Longest wait for the bot to finish the work behind the acks of a run. */
  drainTimeoutMs: 60_000,
} as const;

export const TARGETS = {
  /** At every concurrency, for commands and clicks. */
  p99Ratio: 1.5,
  maxAckMs: 1000,
  throughputRatio: 0.6,
  cpuRatio: 1.6,
  roundTripsBeforeClickAck: 2,
  roundTripsPerClick: 3,
  /** Latency with the installed base stored, against an empty Redis: within the run-to-run noise. */
  flatLatencyRatio: 1.3,
  redisBytesPerSetup: 1024,
  botRssBytes: 120 * 1024 * 1024,
} as const;

/** The installed base of the "flat with data" phase (bench/seedData.ts). */
export const SEED = {
  setups: int('BENCH_SEED_SETUPS', 100_000),
  connections: int('BENCH_SEED_CONNECTIONS', 20_000),
  workspaces: int('BENCH_SEED_WORKSPACES', 10_000),
} as const;
