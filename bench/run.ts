/**
 * `npm run bench`: the Wintro bot against a bare Bolt baseline, under signed Slack traffic on
 * loopback. See bench/README.md for what is measured and how.
 *
 * Processes: this one (orchestration + autocannon), the fake Slack Web API, the bot and the baseline
 * (each alone in a child process, started once and driven in turn). Redis: a database of its own.
 */
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { appBuild, buildApps, removeBuild } from './buildApps.js';
import { ClickPool } from './clickPool.js';
import { ChildHandle } from './ipc.js';
import { type LoadResult, type RawLoad, runLoad, runLoadRaw, summariseLoad } from './load.js';
import {
  commandStats,
  databaseOf,
  ensureRedis,
  redisVersion,
  statsDelta,
  usedMemory,
  watchCommands,
} from './redisTools.js';
import {
  type AppName,
  type CommandPathMemory,
  checkTargets,
  compare,
  type FlatnessFigures,
  type InteractionCost,
  interactionTable,
  loadTable,
  type MemoryFigures,
  mb,
  type RunRecord,
  type Scenario,
  targetTable,
} from './report.js';
import { type ClickTarget, RequestFactory, type SignedRequest, userIdSource } from './requests.js';
import { seedData } from './seedData.js';
import { parseFlowRef, seedGuideFlows, sendAll, waitForButton } from './seedFlows.js';
import { SEED, SETTINGS } from './settings.js';
import type { CallCounts, LatestMessage, SlackInfo } from './slackProcess.js';
import type { SutConfig, SutInfo, SutMode, SutStats } from './sut.js';

/** The heap settings `npm start` runs the bot with (package.json). */
const START_NODE_FLAGS = '--max-old-space-size=96 --max-semi-space-size=4';

type Sut = ChildHandle<SutInfo>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string) =>
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

const db = databaseOf(SETTINGS.redisUrl);
const commandUser = userIdSource('UC');
const clickUser = userIdSource('UK');
const memoryUser = userIdSource('UM');

interface Context {
  redis: Redis;
  slack: ChildHandle<SlackInfo>;
  factory: RequestFactory;
  apps: Record<AppName, Sut>;
}

/** What every acknowledged request of a scenario makes the app call on Slack. */
const completionCalls = (scenario: Scenario) =>
  scenario === 'command' ? ['chat.postMessage'] : ['chat.update', 'chat.postEphemeral'];

const sumOf = (counts: CallCounts, methods: string[]) =>
  methods.reduce((sum, method) => sum + (counts[method] ?? 0), 0);

/**
 * Waits until the app has made the Slack calls behind every acknowledged request (the bot acks
 * first and works after), and its Redis traffic has stopped. Returns how long that took.
 */
async function drain(ctx: Context, app: Sut, methods: string[], acks: number) {
  const started = performance.now();
  let reachedAt: number | undefined;
  let lastRedis = -1;
  let lastCalls = -1;
  let quietSince = started;
  for (;;) {
    const counts = await ctx.slack.request<CallCounts>('counts');
    const calls = sumOf(counts, methods);
    const redisCommands = (await app.request<SutStats>('stats')).redis?.commands ?? 0;
    const now = performance.now();
    if (calls !== lastCalls || redisCommands !== lastRedis) {
      lastCalls = calls;
      lastRedis = redisCommands;
      quietSince = now;
    }
    if (reachedAt === undefined && calls >= acks) reachedAt = now;
    if (reachedAt !== undefined && now - quietSince >= 300)
      return { ms: reachedAt - started, complete: true };
    if (now - quietSince > 5000 || now - started > SETTINGS.drainTimeoutMs) {
      return { ms: now - started, complete: false };
    }
    await sleep(25);
  }
}

interface Prepared {
  next(): SignedRequest;
  expectAck(status: number, body: string): boolean;
  verify(load: LoadResult, counts: CallCounts): Promise<RunRecord['verification']>;
}

/** The requests of one run, and how to check afterwards that each did what it should. */
async function prepare(
  ctx: Context,
  scenario: Scenario,
  app: AppName,
  poolSize: number,
  /** Returning people (their language known to the bot): every ack must carry the reply. */
  returning?: () => string,
): Promise<Prepared> {
  const within = (value: number, load: LoadResult) => value >= load.acks && value <= load.sent;
  if (scenario === 'command') {
    const users: string[] = [];
    return {
      next: () => {
        const user = (returning ?? commandUser)();
        users.push(user);
        return ctx.factory.command(user, 'link greenhouse');
      },
      // The bot acks a person whose language it does not know yet (a new user) with nothing, asks
      // Slack, and sends the reply to the response URL.
      expectAck: (status, body) =>
        status === 200 &&
        (app === 'bot'
          ? body.includes('direct message') || (!returning && body.length === 0)
          : body.includes('Baseline')),
      verify: async (load, counts) => {
        const posted = counts['chat.postMessage'] ?? 0;
        const figures: Record<string, number> = { sent: load.sent, acks: load.acks, posted };
        let ok = within(posted, load);
        if (app === 'bot') {
          // Every command from a new user starts a flow: its setup message, with Begin, is in their DM.
          const opened = counts['conversations.open'] ?? 0;
          const step = Math.max(1, Math.floor(users.length / 50));
          const sample = users.filter((_, i) => i % step === 0).slice(0, 50);
          const latest = await ctx.slack.request<Record<string, LatestMessage>>('latest', {
            channels: sample.map((user) => `D${user}`),
          });
          figures.opened = opened;
          figures.sampledUsers = sample.length;
          figures.sampledWithFlow = sample.filter((user) =>
            parseFlowRef(latest[`D${user}`]?.buttons['flow.begin']),
          ).length;
          // The flow message goes to the user id, so no DM has to be opened first.
          ok = ok && opened === 0 && figures.sampledWithFlow >= sample.length - load.connections;
        }
        return { ok, detail: `${posted} DMs posted for ${load.acks} acks (${load.sent} sent)`, figures };
      },
    };
  }

  const pool = await ClickPool.create(poolSize, clickUser, app === 'bot' ? seedThroughBot(ctx) : undefined);
  return {
    next: () => ctx.factory.click('flow.next', pool.next()),
    expectAck: (status, body) => status === 200 && body.length === 0,
    verify: async (load, counts) => {
      const updates = counts['chat.update'] ?? 0;
      const refusals = counts['chat.postEphemeral'] ?? 0;
      const figures: Record<string, number> = { sent: load.sent, acks: load.acks, updates, refusals };
      let ok = within(updates, load) && refusals === 0;
      let detail = `${updates} messages redrawn for ${load.acks} acks (${load.sent} sent), ${refusals} refusals`;
      if (app === 'bot') {
        const checked = await pool.verify(ctx.slack);
        Object.assign(figures, checked);
        ok = ok && within(checked.transitionsStored, load) && checked.beyondCapacity === 0;
        detail += `; ${checked.transitionsStored} transitions shown in the redrawn messages (${checked.flowsBehind} flows behind, ${checked.flowsMissing} missing, ${checked.revisits} revisits)`;
        // A sample of the redraws: the DM message of a clicked flow, now at a later step.
        const sample = await ctx.slack.request<any[]>('sample', { method: 'chat.update', limit: 5 });
        const good = sample.filter(
          (args) =>
            String(args?.channel ?? '').startsWith('DUK') &&
            typeof args?.ts === 'string' &&
            /Step [2-6] of 6|credentials/.test(JSON.stringify(args?.blocks ?? [])),
        ).length;
        figures.sampledRedraws = sample.length;
        figures.sampledRedrawsAtLaterStep = good;
        ok = ok && good === sample.length && sample.length > 0;
      }
      return { ok, detail, figures };
    },
  };
}

interface Segment {
  record: RunRecord;
  raw: RawLoad;
}

/** One autocannon run against one app, with everything measured around it. */
async function measureRun(
  ctx: Context,
  scenario: Scenario,
  appName: AppName,
  connections: number,
  options: {
    duration?: number;
    amount?: number;
    poolSize: number;
    profileName?: string;
    returning?: () => string;
  },
): Promise<Segment> {
  const app = ctx.apps[appName];
  const prepared = await prepare(ctx, scenario, appName, options.poolSize, options.returning);
  await ctx.slack.request('reset');
  await app.request('gc');
  await sleep(200);
  const profileDir = options.profileName ? process.env.BENCH_CPU_PROF : undefined;
  if (profileDir) await app.request('profileStart');
  const before = await app.request<SutStats>('mark');
  const slackCpuBefore = await ctx.slack.request<NodeJS.CpuUsage>('cpu');
  const ownCpuBefore = process.cpuUsage();

  const raw = await runLoadRaw({
    port: app.info.port,
    connections,
    ...(options.amount
      ? { amount: options.amount }
      : { duration: options.duration ?? SETTINGS.durationSeconds }),
    next: prepared.next,
    expectAck: prepared.expectAck,
  });
  const load = summariseLoad([raw]);

  const ownCpu = process.cpuUsage(ownCpuBefore);
  const after = await app.request<SutStats>('stats');
  const slackCpuAfter = await ctx.slack.request<NodeJS.CpuUsage>('cpu');
  const peakRss = await app.request<number>('phasePeakRss');
  const drained = await drain(ctx, app, completionCalls(scenario), load.acks);
  if (profileDir && options.profileName) {
    await app.request('profileStop', path.join(profileDir, `${options.profileName}.cpuprofile`));
  }
  const counts = await ctx.slack.request<CallCounts>('counts');
  const verification = await prepared.verify(load, counts);
  await ctx.slack.request('reset');

  const appCpu = cpuMs(after.cpu) - cpuMs(before.cpu);
  const record: RunRecord = {
    scenario,
    app: appName,
    connections,
    load,
    cpuMicrosPerRequest: load.acks ? (appCpu * 1000) / load.acks : Number.NaN,
    cpuMs: {
      app: appCpu,
      loadGenerator: cpuMs(ownCpu),
      fakeSlack: cpuMs(slackCpuAfter) - cpuMs(slackCpuBefore),
    },
    loopDelayMs: after.loopDelay,
    peakRssMb: peakRss / 1024 / 1024,
    drain: drained,
    slackCalls: counts,
    verification,
    logs: {
      warn: after.logs.warn - before.logs.warn,
      error: after.logs.error + after.logs.fatal - before.logs.error - before.logs.fatal,
      last: after.logs.error + after.logs.warn > before.logs.error + before.logs.warn ? after.logs.last : [],
    },
    machineLoad: [os.loadavg()[0] ?? 0],
  };
  return { record, raw };
}

/** The segments of one app in one cell as one record: sums, maxima, percentiles over all acks. */
function mergeSegments(segments: Segment[]): RunRecord {
  const records = segments.map((segment) => segment.record);
  const first = records[0] as RunRecord;
  const load = summariseLoad(segments.map((segment) => segment.raw));
  const sum = (pick: (record: RunRecord) => number) =>
    records.reduce((total, record) => total + pick(record), 0);
  const max = (pick: (record: RunRecord) => number) => Math.max(...records.map(pick));
  const appCpu = sum((record) => record.cpuMs.app);
  const slackCalls: Record<string, number> = {};
  const figures: Record<string, number> = {};
  for (const record of records) {
    for (const [method, calls] of Object.entries(record.slackCalls))
      slackCalls[method] = (slackCalls[method] ?? 0) + calls;
    for (const [name, value] of Object.entries(record.verification.figures))
      figures[name] = (figures[name] ?? 0) + value;
  }
  return {
    ...first,
    load,
    cpuMicrosPerRequest: load.acks ? (appCpu * 1000) / load.acks : Number.NaN,
    cpuMs: {
      app: appCpu,
      loadGenerator: sum((record) => record.cpuMs.loadGenerator),
      fakeSlack: sum((record) => record.cpuMs.fakeSlack),
    },
    loopDelayMs: {
      p50: max((record) => record.loopDelayMs.p50),
      p99: max((record) => record.loopDelayMs.p99),
      max: max((record) => record.loopDelayMs.max),
    },
    peakRssMb: max((record) => record.peakRssMb),
    drain: {
      ms: max((record) => record.drain.ms),
      complete: records.every((record) => record.drain.complete),
    },
    slackCalls,
    verification: {
      ok: records.every((record) => record.verification.ok),
      detail: records.map((record) => record.verification.detail).join(' | '),
      figures,
    },
    logs: {
      warn: sum((record) => record.logs.warn),
      error: sum((record) => record.logs.error),
      last: records.flatMap((record) => record.logs.last).slice(-5),
    },
    machineLoad: records.flatMap((record) => record.machineLoad),
  };
}

const nameDelta = (before: Record<string, number> = {}, after: Record<string, number> = {}) => {
  const out: Record<string, number> = {};
  for (const [name, calls] of Object.entries(after)) {
    const delta = calls - (before[name] ?? 0);
    if (delta > 0) out[name] = delta;
  }
  return out;
};

/** Redis traffic of `n` interactions sent one at a time, counted three ways (see README). */
async function interactionCost(ctx: Context, scenario: Scenario, n: number): Promise<InteractionCost> {
  const app = ctx.apps.bot;
  const prepared = await prepare(ctx, scenario, 'bot', n);
  await ctx.slack.request('reset');
  const before = await app.request<SutStats>('stats');
  const addresses = Object.values(before.redis?.connections ?? {})
    .map((connection) => connection.address)
    .filter((address): address is string => Boolean(address));
  const monitor = await watchCommands(SETTINGS.redisUrl, db, addresses);
  const statsBefore = await commandStats(ctx.redis);
  await app.request('scopeRequests', true);

  const load = await runLoad({
    port: app.info.port,
    connections: 1,
    amount: n,
    next: prepared.next,
    expectAck: prepared.expectAck,
  });
  await drain(ctx, app, completionCalls(scenario), load.acks);
  await app.request('scopeRequests', false);

  const statsAfter = await commandStats(ctx.redis);
  const monitored = await monitor.stop();
  const after = await app.request<SutStats>('stats');
  const counts = await ctx.slack.request<CallCounts>('counts');
  const verification = await prepared.verify(load, counts);
  await ctx.slack.request('reset');
  if (!verification.ok) log(`warning: ${scenario} interactions not all applied: ${verification.detail}`);

  const byConnection: InteractionCost['byConnection'] = {};
  for (const [label, connection] of Object.entries(after.redis?.connections ?? {})) {
    const previous = before.redis?.connections[label];
    const roundTrips = connection.roundTrips - (previous?.roundTrips ?? 0);
    const commands = connection.commands - (previous?.commands ?? 0);
    if (commands > 0) {
      byConnection[label] = { roundTrips, commands, byName: nameDelta(previous?.byName, connection.byName) };
    }
  }
  const beforeAck = nameDelta(before.redis?.beforeAck, after.redis?.beforeAck);
  const acked = Object.values(beforeAck).reduce((sum, count) => sum + count, 0);
  const tripsBeforeAck = Object.entries(beforeAck).reduce(
    (sum, [trips, count]) => sum + Number(trips) * count,
    0,
  );
  const roundTrips = (after.redis?.roundTrips ?? 0) - (before.redis?.roundTrips ?? 0);
  const clientCommands = (after.redis?.commands ?? 0) - (before.redis?.commands ?? 0);
  const commandstats = statsDelta(statsBefore, statsAfter);
  return {
    interactions: n,
    roundTrips,
    clientCommands,
    clientByCommand: nameDelta(before.redis?.byName, after.redis?.byName),
    byConnection,
    monitor: monitored,
    commandstats,
    perInteraction: {
      roundTrips: roundTrips / n,
      clientCommands: clientCommands / n,
      serverCommands: monitored.total / n,
      commandstatsCalls: commandstats.total / n,
      beforeAck: acked ? tripsBeforeAck / acked : Number.NaN,
      beforeAckMax: Math.max(0, ...Object.keys(beforeAck).map(Number)),
    },
  };
}

/** Flows for the click runs, made through the bot (a command and Begin each). */
const seedThroughBot = (ctx: Context) => (users: string[]) =>
  seedGuideFlows({ port: ctx.apps.bot.info.port, factory: ctx.factory, slack: ctx.slack, users });

/** The command each memory flow starts with: every system, as people would link them. */
const MEMORY_COMMANDS = ['link greenhouse', 'link personio recruiting', 'link recruitee', 'link workable'];

/** The first key under the bench prefix matching the pattern (e.g. `*:flow:<id>`). */
async function findKey(redis: Redis, pattern: string): Promise<string | undefined> {
  let cursor = '0';
  do {
    const [nextCursor, batch] = await redis.scan(
      cursor,
      'MATCH',
      `${SETTINGS.keyPrefix}:${pattern}`,
      'COUNT',
      5000,
    );
    cursor = nextCursor;
    if (batch[0]) return batch[0];
  } while (cursor !== '0');
  return undefined;
}

/**
 * `n` setups made through the bot as people make them, at realistic points: every system; three
 * in ten still at the prerequisites, the others in the guide, some a step further. What their flow
 * state (the flow keys and the per-user index) takes in Redis, and everything they left.
 */
async function memoryPerFlow(ctx: Context, n: number): Promise<MemoryFigures> {
  const { redis } = ctx;
  const port = ctx.apps.bot.info.port;
  await redis.flushdb();
  await sleep(300);
  await ctx.slack.request('reset');
  const before = await usedMemory(redis);
  const users = Array.from({ length: n }, () => memoryUser());
  const channels = users.map((user) => `D${user}`);
  await sendAll(
    port,
    users.map(
      (user, i) => () => ctx.factory.command(user, MEMORY_COMMANDS[i % MEMORY_COMMANDS.length] as string),
    ),
  );
  const atPrerequisites = await waitForButton(ctx.slack, channels, 'flow.begin');
  const target = (user: string, actionId: string, latest: Record<string, LatestMessage>) => {
    const message = latest[`D${user}`] as LatestMessage;
    const ref = parseFlowRef(message.buttons[actionId]) as { flowId: string; version: number };
    return { userId: user, channelId: `D${user}`, ts: message.ts, ...ref };
  };
  const begun = users.filter((_, i) => i % 10 >= 3);
  await sendAll(
    port,
    begun.map((user) => () => ctx.factory.click('flow.begin', target(user, 'flow.begin', atPrerequisites))),
  );
  const inGuide = await waitForButton(
    ctx.slack,
    begun.map((user) => `D${user}`),
    'flow.next',
  );
  const further = users.filter((_, i) => i % 10 >= 7);
  await sendAll(
    port,
    further.map((user) => () => ctx.factory.click('flow.next', target(user, 'flow.next', inGuide))),
  );
  await drain(ctx, ctx.apps.bot, ['chat.update'], begun.length + further.length);
  await ctx.slack.request('reset');
  await sleep(300);
  const after = await usedMemory(redis);

  const byKind = await memoryByKind(redis);
  const sum = Object.values(byKind).reduce((total, kind) => total + kind.bytes, 0);
  const keyCount = Object.values(byKind).reduce((total, kind) => total + kind.keys, 0);
  const flowState = (byKind.flow?.bytes ?? 0) + (byKind['active index']?.bytes ?? 0);

  const usage = async (key: string | undefined) =>
    key ? Number((await redis.memory('USAGE', key, 'SAMPLES', 0)) ?? 0) : 0;
  const first = target(users[0] as string, 'flow.begin', atPrerequisites);
  // The stored state, as text: a sample of flows (one string each; a hash's fields and values for
  // a bot that stores flows as hashes).
  const sampled = await Promise.all(
    users.slice(0, 100).map(async (user) => {
      const key = await findKey(redis, `*:flow:${target(user, 'flow.begin', atPrerequisites).flowId}`);
      if (!key) return 0;
      if ((await redis.type(key)) === 'string') return (await redis.strlen(key)) ?? 0;
      const fields = await redis.hgetall(key);
      return Object.entries(fields).reduce((total, [field, value]) => total + field.length + value.length, 0);
    }),
  );
  return {
    flows: n,
    usedMemoryBefore: before,
    usedMemoryAfter: after,
    bytesPerFlow: flowState / n,
    memoryUsageSumPerFlow: sum / n,
    usedMemoryPerFlow: (after - before) / n,
    flowKeyBytes: await usage(await findKey(redis, `*:flow:${first.flowId}`)),
    activeKeyBytes: await usage(await findKey(redis, `*:active:${first.userId}`)),
    onceKeyBytes: await usage(await findKey(redis, '*:once:request:*')),
    averageJsonBytes: sampled.reduce((total, bytes) => total + bytes, 0) / Math.max(1, sampled.length),
    keysPerFlow: keyCount / n,
  };
}

const kindOf = (key: string) =>
  key.includes('{reminders}')
    ? key.endsWith(':due')
      ? 'reminders due'
      : `reminders ${/:([a-z-]+)$/.exec(key)?.[1]}`
    : key.includes(':flow:')
      ? 'flow'
      : key.includes(':active:')
        ? 'active index'
        : key.includes(':once:')
          ? 'once-keys'
          : key.includes(':limit:')
            ? 'new-setup limit'
            : key.endsWith(':conns')
              ? 'connections'
              : key.includes(':lang:')
                ? 'person language'
                : 'other';

/** MEMORY USAGE of every key under the bench prefix, summed by kind of key. */
async function memoryByKind(redis: Redis) {
  const byKind: Record<string, { keys: number; bytes: number }> = {};
  let cursor = '0';
  do {
    const [nextCursor, batch] = await redis.scan(cursor, 'MATCH', `${SETTINGS.keyPrefix}:*`, 'COUNT', 1000);
    cursor = nextCursor;
    if (batch.length === 0) continue;
    const pipeline = redis.pipeline();
    for (const key of batch) pipeline.memory('USAGE', key, 'SAMPLES', 0);
    const replies = (await pipeline.exec()) ?? [];
    batch.forEach((key, i) => {
      const kind = kindOf(key);
      const entry = byKind[kind] ?? { keys: 0, bytes: 0 };
      entry.keys += 1;
      entry.bytes += Number(replies[i]?.[1] ?? 0);
      byKind[kind] = entry;
    });
  } while (cursor !== '0');
  return byKind;
}

/** `n` × `/wintro link greenhouse` from new users through the bot: everything they leave in Redis. */
async function memoryThroughCommands(ctx: Context, n: number): Promise<CommandPathMemory> {
  const { redis } = ctx;
  await redis.flushdb();
  await sleep(300);
  const before = await usedMemory(redis);
  const prepared = await prepare(ctx, 'command', 'bot', 0);
  await ctx.slack.request('reset');
  const load = await runLoad({
    port: ctx.apps.bot.info.port,
    connections: 10,
    amount: n,
    next: prepared.next,
    expectAck: prepared.expectAck,
  });
  await drain(ctx, ctx.apps.bot, completionCalls('command'), load.acks);
  await sleep(300);
  const after = await usedMemory(redis);
  const counts = await ctx.slack.request<CallCounts>('counts');
  await ctx.slack.request('reset');
  const byKind = await memoryByKind(redis);
  const flowsCreated = byKind.flow?.keys ?? counts['chat.postMessage'] ?? n;
  return {
    commands: n,
    flowsCreated,
    usedMemoryBefore: before,
    usedMemoryAfter: after,
    bytesPerFlow: (after - before) / flowsCreated,
    byKind: Object.fromEntries(
      Object.entries(byKind).map(([kind, { keys, bytes }]) => [
        kind,
        { keys, bytesPerFlow: bytes / flowsCreated },
      ]),
    ),
  };
}

/** Sequential clicks (round trips) and a click run at c=10 (latency, CPU) on the bot as Redis is now. */
async function clickProbe(ctx: Context, poolSize: number) {
  const click = await interactionCost(ctx, 'click', SETTINGS.sequentialInteractions);
  const { record: run } = await measureRun(ctx, 'click', 'bot', 10, {
    duration: SETTINGS.durationSeconds / SETTINGS.rounds,
    poolSize,
  });
  return { click, run };
}

/**
 * Flat with data: clicks on an almost empty Redis, then the same after seeding a large installed base
 * through the bot's store code (bench/seedData.ts); and what that base takes in Redis, by kind.
 */
/**
 * `/wintro link greenhouse` at c=10 from people the bot has met before (their language stored by
 * an earlier `/wintro help`, as in a workspace where people come back), each starting a new setup:
 * the reply is in the acknowledgement and Slack is not asked for their language. The new-person
 * cells above stay the worst case; this one shows the common one next to it.
 */
async function returningUsers(
  ctx: Context,
  people: number,
): Promise<{ people: number; resumed: number; runs: RunRecord[] }> {
  const pool = Array.from({ length: people }, userIdSource('UR'));
  let greeted = 0;
  const help = await runLoad({
    port: ctx.apps.bot.info.port,
    connections: 10,
    amount: people,
    next: () => ctx.factory.command(pool[greeted++ % people] as string, 'help'),
    expectAck: (status) => status === 200,
  });
  await drain(ctx, ctx.apps.bot, ['users.info'], help.acks);
  await ctx.slack.request('reset');
  const segments: Record<AppName, Segment[]> = { bot: [], baseline: [] };
  // Each app's rounds go on through the pool, so nobody is sent a second `/wintro link` while their
  // first setup is open (that one is resumed: the old message retired with a `chat.update`, a new
  // one posted), unless the pool runs out; those are counted as `resumed`.
  const sent: Record<AppName, number> = { bot: 0, baseline: 0 };
  for (let round = 0; round < SETTINGS.rounds; round++) {
    for (const app of round % 2 === 0 ? (['bot', 'baseline'] as const) : (['baseline', 'bot'] as const)) {
      segments[app].push(
        await measureRun(ctx, 'command', app, 10, {
          duration: SETTINGS.durationSeconds / SETTINGS.rounds,
          poolSize: 0,
          returning: () => pool[sent[app]++ % people] as string,
        }),
      );
    }
  }
  return {
    people,
    resumed: Math.max(0, sent.bot - people),
    runs: (['bot', 'baseline'] as const).map((app) => mergeSegments(segments[app])),
  };
}

async function flatWithData(ctx: Context, poolSize: number): Promise<FlatnessFigures> {
  const { redis } = ctx;
  await redis.flushdb();
  await sleep(300);
  const empty = await clickProbe(ctx, poolSize);
  await redis.flushdb();
  await sleep(300);
  const before = await usedMemory(redis);
  const seeded = await seedData({ redisUrl: SETTINGS.redisUrl, keyPrefix: SETTINGS.keyPrefix, ...SEED });
  await sleep(300);
  const delta = (await usedMemory(redis)) - before;
  const byKind = await memoryByKind(redis);
  const bytes = (kind: string) => byKind[kind]?.bytes ?? 0;
  log(
    `seeded ${seeded.setups} setups, ${seeded.connections} connections in ${seeded.workspaces} workspaces (${seeded.reminders} reminders due) in ${seeded.seconds.toFixed(1)} s`,
  );
  const withData = await clickProbe(ctx, poolSize);
  const reminderBytesPerEntry = bytes('reminders due') / Math.max(1, seeded.reminders);
  const expiring = seeded.reminders - seeded.setups;
  return {
    seeded,
    empty,
    withData,
    bytesPerSetup: (bytes('flow') + bytes('active index')) / seeded.setups + reminderBytesPerEntry,
    bytesPerConnection: (bytes('connections') + reminderBytesPerEntry * expiring) / seeded.connections,
    byKind,
    usedMemoryDelta: delta,
  };
}

async function startApps(slack: SlackInfo, script: URL): Promise<Record<AppName, Sut>> {
  const env = (mode: SutMode) => ({
    BENCH_SUT: JSON.stringify({
      mode,
      slackApiUrl: slack.apiUrl,
      redisUrl: SETTINGS.redisUrl,
      keyPrefix: SETTINGS.keyPrefix,
      signingSecret: SETTINGS.signingSecret,
      botToken: SETTINGS.botToken,
      notifyChannel: SETTINGS.notifyChannel,
    } satisfies SutConfig),
  });
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each app per measured run is written there
  // (<app>-<scenario>-c<N>.cpuprofile; summarise with `npx tsx bench/profile.ts <file>`).
  const profileDir = process.env.BENCH_CPU_PROF;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  // --expose-gc: both apps are collected before every run, so each starts from the same footing.
  // Both apps run with the heap settings `npm start` gives the bot (package.json), so the
  // comparison is like for like. BENCH_APP_NODE_FLAGS replaces them, e.g. '' for Node's defaults
  // or '--max-old-space-size=64' to see how a heap cap changes RSS and throughput.
  const flags = [
    '--expose-gc',
    ...(process.env.BENCH_APP_NODE_FLAGS ?? START_NODE_FLAGS).split(' ').filter(Boolean),
  ];
  const bot = await ChildHandle.start<SutInfo>('bot', script, env('bot'), {
    execArgv: flags,
    typescript: false,
  });
  const baseline = await ChildHandle.start<SutInfo>('baseline', script, env('baseline'), {
    execArgv: flags,
    typescript: false,
  });
  return { bot, baseline };
}

async function settledStats(app: Sut): Promise<SutStats> {
  await app.request('gc');
  await sleep(200);
  return app.request<SutStats>('stats');
}

async function main() {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  log(`node ${process.version}, ${os.cpus().length} cores, ${mb(os.totalmem())} memory`);
  const startedRedis = await ensureRedis(SETTINGS.redisUrl);
  const redis = new Redis(SETTINGS.redisUrl, { maxRetriesPerRequest: 1 });
  await redis.flushdb();
  log(
    `Redis ${await redisVersion(redis)} at ${SETTINGS.redisUrl}${startedRedis ? ' (started by the bench)' : ''}, database flushed`,
  );

  const slack = await ChildHandle.start<SlackInfo>(
    'fake Slack',
    new URL('./slackProcess.ts', import.meta.url),
    {},
  );
  const build = await buildApps();
  log(
    appBuild() === 'bundle'
      ? `bundled the app processes as production runs (build/bundle.ts) in ${build.seconds.toFixed(1)} s`
      : `compiled the app processes file by file with tsc (BENCH_BUILD=tsc) in ${build.seconds.toFixed(1)} s`,
  );
  const apps = await startApps(slack.info, build.script);
  const idle: Record<AppName, SutStats> = {
    bot: await settledStats(apps.bot),
    baseline: await settledStats(apps.baseline),
  };
  log(
    `fake Slack pid ${slack.pid}, bot pid ${apps.bot.pid} :${apps.bot.info.port}, baseline pid ${apps.baseline.pid} :${apps.baseline.info.port}`,
  );
  const ctx: Context = {
    redis,
    slack,
    factory: new RequestFactory({
      signingSecret: SETTINGS.signingSecret,
      teamId: SETTINGS.teamId,
      responseUrl: (id) => `${slack.info.baseUrl}/response/${encodeURIComponent(id)}`,
    }),
    apps,
  };

  try {
    // Click runs get a pool of flows sized on the highest click rate seen so far for that app.
    const clickRate: Record<AppName, number> = { bot: 1500, baseline: 1500 };
    const poolFor = (app: AppName, seconds: number) =>
      Math.min(SETTINGS.clickPool, Math.max(2000, Math.ceil(clickRate[app] * seconds * 2)));

    // Warm-up: JIT, sockets, the script cache. The bot's redraw gives the real message blocks
    // that every measured click then carries in its payload, as Slack's would.
    for (const app of ['bot', 'baseline'] as const) {
      for (const scenario of ['command', 'click'] as const) {
        const { record: run } = await measureRun(ctx, scenario, app, 10, {
          duration: SETTINGS.warmupSeconds,
          poolSize: poolFor(app, SETTINGS.warmupSeconds),
        });
        if (scenario === 'click') clickRate[app] = run.load.rps;
        log(`warm-up ${app} ${scenario}: ${run.load.rps.toFixed(0)} req/s, ${run.verification.detail}`);
      }
      if (app === 'bot') {
        const probe = await ClickPool.create(1, clickUser, seedThroughBot(ctx));
        await slack.request('reset');
        const target: ClickTarget = probe.next();
        const sent = ctx.factory.click('flow.next', target);
        await fetch(`http://127.0.0.1:${apps.bot.info.port}${sent.path}`, {
          method: 'POST',
          headers: sent.headers,
          body: sent.body,
        });
        await drain(ctx, apps.bot, ['chat.update'], 1);
        const [update] = await slack.request<any[]>('sample', { method: 'chat.update', limit: 1 });
        if (update?.blocks) {
          ctx.factory.messageBlocks = update.blocks;
          ctx.factory.messageText = String(update.text ?? '');
        }
        await slack.request('reset');
        log(
          `click payloads carry the bot's step message: ${JSON.stringify(ctx.factory.messageBlocks).length} bytes of blocks`,
        );
      }
    }

    log(`Redis per interaction: ${SETTINGS.sequentialInteractions} sequential commands, then clicks`);
    const commandCost = await interactionCost(ctx, 'command', SETTINGS.sequentialInteractions);
    const clickCost = await interactionCost(ctx, 'click', SETTINGS.sequentialInteractions);

    // Each cell (scenario × concurrency) alternates the apps over several shorter runs, so drift —
    // other load on the machine, Redis growing — falls on both alike; the runs are then merged.
    const runs: RunRecord[] = [];
    const segmentSeconds = SETTINGS.durationSeconds / SETTINGS.rounds;
    for (const scenario of ['command', 'click'] as const) {
      for (const connections of SETTINGS.concurrencies) {
        const segments: Record<AppName, Segment[]> = { bot: [], baseline: [] };
        for (let round = 0; round < SETTINGS.rounds; round++) {
          const order: AppName[] = round % 2 === 0 ? ['bot', 'baseline'] : ['baseline', 'bot'];
          for (const app of order) {
            const segment = await measureRun(ctx, scenario, app, connections, {
              duration: segmentSeconds,
              poolSize: poolFor(app, segmentSeconds),
              profileName: `${app}-${scenario}-c${connections}-r${round + 1}`,
            });
            if (scenario === 'click') clickRate[app] = Math.max(clickRate[app], segment.record.load.rps);
            segments[app].push(segment);
          }
        }
        for (const app of ['bot', 'baseline'] as const) {
          const run = mergeSegments(segments[app]);
          runs.push(run);
          log(
            `${scenario} c=${connections} ${app}: ${run.load.rps.toFixed(0)} req/s, p50 ${run.load.latencyMs.p50.toFixed(2)} ms, p99 ${run.load.latencyMs.p99.toFixed(2)} ms, max ${run.load.latencyMs.max.toFixed(1)} ms (first ack per connection: max ${run.load.firstOnConnection.max.toFixed(1)} ms), ${run.load.errors} errors, ${run.load.non2xx} non-2xx, ${run.load.unexpectedAcks} unexpected acks; drain ${run.drain.complete ? `${run.drain.ms.toFixed(0)} ms` : 'incomplete'}; ${run.verification.ok ? 'verified' : 'NOT VERIFIED'}: ${run.verification.detail}`,
          );
          if (run.logs.error > 0)
            log(`  ${app} logged ${run.logs.error} errors, e.g. ${run.logs.last.at(-1)}`);
        }
      }
    }

    log('returning people: /wintro link greenhouse at c=10 from people whose language the bot knows');
    const returning = await returningUsers(ctx, SETTINGS.returningPeople);
    {
      const [bot, base] = returning.runs as [RunRecord, RunRecord];
      log(
        `returning people c=10: bot ${bot.load.rps.toFixed(0)} req/s, p50 ${bot.load.latencyMs.p50.toFixed(2)} ms, p99 ${bot.load.latencyMs.p99.toFixed(2)} ms, ${bot.cpuMicrosPerRequest.toFixed(0)} µs CPU/req; baseline ${base.load.rps.toFixed(0)} req/s, p50 ${base.load.latencyMs.p50.toFixed(2)} ms, p99 ${base.load.latencyMs.p99.toFixed(2)} ms, ${base.cpuMicrosPerRequest.toFixed(0)} µs CPU/req; ratios: throughput ${(bot.load.rps / base.load.rps).toFixed(2)}×, p99 ${(bot.load.latencyMs.p99 / base.load.latencyMs.p99).toFixed(2)}×, CPU ${(bot.cpuMicrosPerRequest / base.cpuMicrosPerRequest).toFixed(2)}×; ${bot.verification.ok ? 'verified' : 'NOT VERIFIED'}: ${bot.verification.detail}; ${returning.resumed} sent to a person a second time (a resumed setup: one chat.update each); bot Slack calls ${JSON.stringify(bot.slackCalls)}`,
      );
    }

    log(`Redis memory: ${SETTINGS.memoryFlows} setups through the bot, at mixed steps`);
    const memory = await memoryPerFlow(ctx, SETTINGS.memoryFlows);
    log(`Redis memory: ${SETTINGS.memoryFlows} × /wintro link greenhouse through the bot`);
    const commandMemory = await memoryThroughCommands(ctx, SETTINGS.memoryFlows);

    log(
      `flat with data: clicks on an empty Redis, then with ${SEED.setups} setups and ${SEED.connections} connections stored`,
    );
    const flatness = await flatWithData(ctx, poolFor('bot', SETTINGS.durationSeconds / SETTINGS.rounds));

    const botStats = await apps.bot.request<SutStats>('stats');
    const baselineStats = await apps.baseline.request<SutStats>('stats');
    // What stays after a full collection: tells retained memory from garbage not yet collected.
    const settled: Record<AppName, SutStats> = {
      bot: await settledStats(apps.bot),
      baseline: await settledStats(apps.baseline),
    };

    const comparisons = compare(runs);
    const peakAtC50 =
      Math.max(
        0,
        ...runs.filter((run) => run.app === 'bot' && run.connections === 50).map((run) => run.peakRssMb),
      ) *
      1024 *
      1024;
    const checks = checkTargets({
      comparisons,
      click: clickCost,
      memory,
      commandMemory,
      botPeakRss: botStats.peakRss,
      botPeakRssAtC50: peakAtC50,
      flatness,
    });

    const summary = [
      '',
      `Wintro bot vs bare Bolt baseline — ${startedAt.toISOString()} — node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})`,
      `${SETTINGS.durationSeconds} s of load per app per cell, in ${SETTINGS.rounds} runs alternating the apps; latency = time to the HTTP acknowledgement on an open connection; ratio = bot / baseline`,
      `machine load average (1 min) at the end of the runs: ${Math.min(...runs.flatMap((run) => run.machineLoad)).toFixed(1)}–${Math.max(...runs.flatMap((run) => run.machineLoad)).toFixed(1)} on ${os.cpus().length} cores` +
        `; app node flags: ${process.env.BENCH_APP_NODE_FLAGS ?? START_NODE_FLAGS}; apps built as ${appBuild() === 'bundle' ? 'a bundle, as in production' : 'files by tsc (BENCH_BUILD=tsc)'}` +
        (process.env.BENCH_WHATIF ? `; SIMULATED FIXES in the bot: ${process.env.BENCH_WHATIF}` : ''),
      '',
      loadTable(comparisons),
      '',
      'Redis per interaction (bot, sequential):',
      interactionTable(commandCost, clickCost, [
        ['click Next, empty Redis', flatness.empty.click],
        [`click Next, ${SEED.setups} setups stored`, flatness.withData.click],
      ]),
      '',
      `Redis memory per flow: ${memory.bytesPerFlow.toFixed(0)} B of flow state (MEMORY USAGE of the flow and index keys of ${memory.flows} setups made through the bot at mixed steps; ` +
        `every key they left: ${memory.memoryUsageSumPerFlow.toFixed(0)} B over ${memory.keysPerFlow.toFixed(2)} keys/flow, used_memory delta ${memory.usedMemoryPerFlow.toFixed(0)} B); ` +
        `one flow key ${memory.flowKeyBytes} B, its active index ${memory.activeKeyBytes} B, stored text ${memory.averageJsonBytes.toFixed(0)} B on average; ` +
        `each request also leaves a once-key of ${memory.onceKeyBytes} B for 6 minutes`,
      `Through the bot (${commandMemory.commands} × /wintro link greenhouse): ${commandMemory.bytesPerFlow.toFixed(0)} B per flow (used_memory delta); MEMORY USAGE per flow by kind: ${Object.entries(
        commandMemory.byKind,
      )
        .filter(([, figures]) => figures.bytesPerFlow >= 1)
        .map(([kind, figures]) => `${kind} ${figures.bytesPerFlow.toFixed(0)} B (${figures.keys} keys)`)
        .join(', ')}`,
      `Flat with data (${flatness.seeded.setups} setups, ${flatness.seeded.connections} connections, ${flatness.seeded.workspaces} workspaces, seeded in ${flatness.seeded.seconds.toFixed(1)} s): click c=10 empty ${flatness.empty.run.load.rps.toFixed(0)} req/s, p50 ${flatness.empty.run.load.latencyMs.p50.toFixed(2)} ms, p99 ${flatness.empty.run.load.latencyMs.p99.toFixed(2)} ms, ${flatness.empty.run.cpuMicrosPerRequest.toFixed(0)} µs CPU/click; with data ${flatness.withData.run.load.rps.toFixed(0)} req/s, p50 ${flatness.withData.run.load.latencyMs.p50.toFixed(2)} ms, p99 ${flatness.withData.run.load.latencyMs.p99.toFixed(2)} ms, ${flatness.withData.run.cpuMicrosPerRequest.toFixed(0)} µs CPU/click; ` +
        `Redis per stored setup ${flatness.bytesPerSetup.toFixed(0)} B, per connection ${flatness.bytesPerConnection.toFixed(0)} B; MEMORY USAGE by kind: ${Object.entries(
          flatness.byKind,
        )
          .map(
            ([kind, figures]) =>
              `${kind} ${(figures.bytes / 1024 / 1024).toFixed(1)} MB (${figures.keys} keys)`,
          )
          .join(', ')}`,
      `Peak RSS: bot ${mb(peakAtC50)} under the c=50 runs; over the whole bench (warm-up, load runs, memory phases): bot ${mb(botStats.peakRss)} (heap used ${mb(botStats.peakHeapUsed)}), baseline ${mb(baselineStats.peakRss)} (heap used ${mb(baselineStats.peakHeapUsed)}); ` +
        `idle after start: bot ${mb(idle.bot.rss)}, baseline ${mb(idle.baseline.rss)}; ` +
        `after the runs and a full GC: bot ${mb(settled.bot.rss)} (heap ${mb(settled.bot.heapUsed)}), baseline ${mb(settled.baseline.rss)} (heap ${mb(settled.baseline.heapUsed)})`,
      ...(process.env.BENCH_CPU_PROF
        ? ['NOTE: CPU profiling was on (BENCH_CPU_PROF): its overhead skews these figures.']
        : []),
      '',
      targetTable(checks),
      '',
    ].join('\n');
    process.stdout.write(summary);

    const results = {
      date: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      node: process.version,
      cores: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      totalMemoryBytes: os.totalmem(),
      loadAverage: { before: loadBefore, after: os.loadavg() },
      redis: { url: SETTINGS.redisUrl, version: await redisVersion(redis), startedByBench: startedRedis },
      settings: SETTINGS,
      appNodeFlags: process.env.BENCH_APP_NODE_FLAGS ?? START_NODE_FLAGS,
      appBuild: appBuild(),
      simulatedFixes: process.env.BENCH_WHATIF ?? '',
      methods: {
        latency:
          'time from writing the request to receiving the complete HTTP response (the ack), per response',
        throughput: 'acknowledgements received / run duration',
        roundTrips:
          'the bot process wraps its ioredis client sendCommand: a command sent alone = 1 round trip, a pipeline/MULTI batch (shared write stream) = 1',
        serverCommands:
          'MONITOR on the bench database: commands from the bot connection plus those run inside its Lua scripts',
        commandstats: 'INFO commandstats delta (every database on the server), INFO itself excluded',
        rss: 'process.memoryUsage() every 100 ms inside the bot process (the bot runs alone in its process)',
        redisMemory:
          'MEMORY USAGE of the flow and index keys that setups made through the bot at mixed steps left; INFO memory used_memory before/after as a cross-check',
      },
      runs,
      comparisons: comparisons.map(({ scenario, connections, ratio }) => ({ scenario, connections, ratio })),
      perInteraction: { command: commandCost, click: clickCost },
      memory,
      commandMemory,
      flatness,
      returningPeople: returning,
      rss: {
        botPeakAtC50Bytes: peakAtC50,
        botPeakBytes: botStats.peakRss,
        botPeakHeapUsedBytes: botStats.peakHeapUsed,
        baselinePeakBytes: baselineStats.peakRss,
        baselinePeakHeapUsedBytes: baselineStats.peakHeapUsed,
        idleAfterStart: { bot: idle.bot.rss, baseline: idle.baseline.rss },
        afterFullGc: {
          bot: { rss: settled.bot.rss, heapUsed: settled.bot.heapUsed },
          baseline: { rss: settled.baseline.rss, heapUsed: settled.baseline.heapUsed },
        },
      },
      profiled: Boolean(process.env.BENCH_CPU_PROF),
      targets: checks,
      summary,
    };
    const file = process.env.BENCH_RESULTS ?? fileURLToPath(new URL('./results.json', import.meta.url));
    await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${file}`);
  } finally {
    await Promise.all([apps.bot.stop(), apps.baseline.stop()]);
    await slack.stop();
    removeBuild(build.script);
    await redis.flushdb().catch(() => undefined);
    await redis.quit().catch(() => redis.disconnect());
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
