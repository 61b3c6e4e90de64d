/** Turns the figures of a run into the summary table, the target checks and the JSON record. */
import type { LoadResult } from './load.js';
import type { MonitorCounts } from './redisTools.js';
import { TARGETS } from './settings.js';

export type Scenario = 'command' | 'click';
export type AppName = 'bot' | 'baseline';

export interface RunRecord {
  scenario: Scenario;
  app: AppName;
  connections: number;
  load: LoadResult;
  /** CPU time (user + system) of the app's process per acknowledged request, in µs. */
  cpuMicrosPerRequest: number;
  /** CPU time over the run, in ms: the app, the load generator (this process), the fake Slack. */
  cpuMs: { app: number; loadGenerator: number; fakeSlack: number };
  /** The app's event-loop delay (monitorEventLoopDelay, 10 ms resolution: values include the 10 ms timer period). */
  loopDelayMs: { p50: number; p99: number; max: number };
  peakRssMb: number;
  /** Time from the end of the load until the Slack calls behind every ack had been made. */
  drain: { ms: number; complete: boolean };
  slackCalls: Record<string, number>;
  verification: { ok: boolean; detail: string; figures: Record<string, number> };
  logs: { warn: number; error: number; last: string[] };
  /** The machine's 1-minute load average at the end of each run (2 cores: above 2 is contention). */
  machineLoad: number[];
}

export interface Comparison {
  scenario: Scenario;
  connections: number;
  bot: RunRecord;
  baseline: RunRecord;
  ratio: { rps: number; p50: number; p99: number; max: number; cpuPerRequest: number };
}

export interface InteractionCost {
  interactions: number;
  /** Client side, from the bot's instrumented ioredis clients (all of its connections). */
  roundTrips: number;
  clientCommands: number;
  clientByCommand: Record<string, number>;
  /** Round trips and commands per connection (`main` = the bot's store client). */
  byConnection: Record<string, { roundTrips: number; commands: number; byName: Record<string, number> }>;
  /** Server side, MONITOR on the bench database: the bot's connection plus its Lua scripts. */
  monitor: MonitorCounts;
  /** INFO commandstats, summed over every command but INFO (server-wide). */
  commandstats: { total: number; byCommand: Record<string, number> };
  perInteraction: {
    roundTrips: number;
    clientCommands: number;
    serverCommands: number;
    commandstatsCalls: number;
    /** Round trips sent before the acknowledgement: on average, and the most of any one request. */
    beforeAck: number;
    beforeAckMax: number;
  };
}

/** Clicks on an almost empty Redis against the same clicks with a large installed base stored. */
export interface FlatnessFigures {
  seeded: { setups: number; connections: number; workspaces: number; reminders: number; seconds: number };
  empty: { click: InteractionCost; run: RunRecord };
  withData: { click: InteractionCost; run: RunRecord };
  /** MEMORY USAGE of what the seeding stored, by kind of key, per setup and per connection. */
  bytesPerSetup: number;
  bytesPerConnection: number;
  byKind: Record<string, { keys: number; bytes: number }>;
  usedMemoryDelta: number;
}

export interface MemoryFigures {
  flows: number;
  usedMemoryBefore: number;
  usedMemoryAfter: number;
  bytesPerFlow: number;
  /** Sum of MEMORY USAGE over every key in the bench database, per flow (a cross-check). */
  memoryUsageSumPerFlow: number;
  /** INFO memory used_memory delta, per flow (another cross-check). */
  usedMemoryPerFlow: number;
  flowKeyBytes: number;
  activeKeyBytes: number;
  onceKeyBytes: number;
  averageJsonBytes: number;
  keysPerFlow: number;
}

/** What `/wintro link` leaves in Redis per new flow, measured through the bot itself. */
export interface CommandPathMemory {
  commands: number;
  flowsCreated: number;
  usedMemoryBefore: number;
  usedMemoryAfter: number;
  bytesPerFlow: number;
  /** MEMORY USAGE summed per kind of key, per flow created; and how many keys of each kind. */
  byKind: Record<string, { keys: number; bytesPerFlow: number }>;
}

export interface TargetCheck {
  target: string;
  measured: string;
  pass: boolean;
}

export const ratio = (bot: number, baseline: number) => (baseline > 0 ? bot / baseline : Number.NaN);

export function compare(runs: RunRecord[]): Comparison[] {
  const out: Comparison[] = [];
  for (const bot of runs.filter((run) => run.app === 'bot')) {
    const baseline = runs.find(
      (run) => run.app === 'baseline' && run.scenario === bot.scenario && run.connections === bot.connections,
    );
    if (!baseline) continue;
    out.push({
      scenario: bot.scenario,
      connections: bot.connections,
      bot,
      baseline,
      ratio: {
        rps: ratio(bot.load.rps, baseline.load.rps),
        p50: ratio(bot.load.latencyMs.p50, baseline.load.latencyMs.p50),
        p99: ratio(bot.load.latencyMs.p99, baseline.load.latencyMs.p99),
        max: ratio(bot.load.latencyMs.max, baseline.load.latencyMs.max),
        cpuPerRequest: ratio(bot.cpuMicrosPerRequest, baseline.cpuMicrosPerRequest),
      },
    });
  }
  return out;
}

export function checkTargets(input: {
  comparisons: Comparison[];
  click: InteractionCost;
  memory: MemoryFigures;
  commandMemory: CommandPathMemory;
  botPeakRss: number;
  /** The bot's peak RSS over the c=50 runs. */
  botPeakRssAtC50: number;
  flatness?: FlatnessFigures;
}): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const x = (value: number) => `${value.toFixed(2)}×`;
  for (const scenario of ['command', 'click'] as const) {
    const cells = input.comparisons.filter((c) => c.scenario === scenario);
    if (cells.length === 0) continue;
    const worst = cells.reduce((a, b) => (b.ratio.p99 > a.ratio.p99 ? b : a));
    checks.push({
      target: `${scenario}: p99 ack ≤ ${TARGETS.p99Ratio}× baseline (worst of c=${cells.map((c) => c.connections).join('/')})`,
      measured: cells
        .map(
          (c) =>
            `c=${c.connections} ${ms(c.bot.load.latencyMs.p99)} vs ${ms(c.baseline.load.latencyMs.p99)} = ${x(c.ratio.p99)}`,
        )
        .join(', '),
      pass: worst.ratio.p99 <= TARGETS.p99Ratio,
    });
  }
  const botRuns = input.comparisons.map((c) => c.bot);
  const slowest = botRuns.reduce((max, run) => Math.max(max, run.load.latencyMs.max), 0);
  const slowestFirst = botRuns.reduce((max, run) => Math.max(max, run.load.firstOnConnection.max), 0);
  const baselineFirst = input.comparisons.reduce(
    (max, c) => Math.max(max, c.baseline.load.firstOnConnection.max),
    0,
  );
  const timeouts = botRuns.reduce((sum, run) => sum + run.load.timeouts, 0);
  checks.push({
    target: `no bot ack slower than ${TARGETS.maxAckMs} ms (all runs, on open connections)`,
    measured: `slowest ${ms(slowest)}, ${timeouts} timeouts (first ack on a new connection: bot ${ms(slowestFirst)}, baseline ${ms(baselineFirst)})`,
    pass: slowest < TARGETS.maxAckMs && timeouts === 0,
  });
  for (const scenario of ['command', 'click'] as const) {
    const cells = input.comparisons.filter((c) => c.scenario === scenario);
    if (cells.length === 0) continue;
    const worst = cells.reduce((a, b) => (b.ratio.rps < a.ratio.rps ? b : a));
    checks.push({
      target: `${scenario}: throughput ≥ ${TARGETS.throughputRatio * 100}% of baseline (worst of c=${cells.map((c) => c.connections).join('/')})`,
      measured: cells.map((c) => `c=${c.connections} ${(c.ratio.rps * 100).toFixed(0)}%`).join(', '),
      pass: worst.ratio.rps >= TARGETS.throughputRatio,
    });
  }
  const commandCells = input.comparisons.filter((c) => c.scenario === 'command');
  if (commandCells.length > 0) {
    // Over every command run (all acks of c=1/10/50): CPU per request moves least between runs.
    const cpu = (app: 'bot' | 'baseline') => {
      const runs = commandCells.map((c) => c[app]);
      const acks = runs.reduce((sum, run) => sum + run.load.acks, 0);
      return (runs.reduce((sum, run) => sum + run.cpuMs.app, 0) * 1000) / Math.max(1, acks);
    };
    const cpuRatio = ratio(cpu('bot'), cpu('baseline'));
    checks.push({
      target: `command: CPU per request ≤ ${TARGETS.cpuRatio}× baseline (all command runs)`,
      measured: `${cpu('bot').toFixed(0)} vs ${cpu('baseline').toFixed(0)} µs = ${x(cpuRatio)} (${commandCells
        .map((c) => `c=${c.connections} ${x(c.ratio.cpuPerRequest)}`)
        .join(', ')})`,
      pass: cpuRatio <= TARGETS.cpuRatio,
    });
  }
  const click = input.click.perInteraction;
  checks.push({
    target: `≤ ${TARGETS.roundTripsBeforeClickAck} Redis round trips before the ack of any click`,
    measured: `at most ${click.beforeAckMax} (${click.beforeAck.toFixed(2)} on average)`,
    pass: click.beforeAckMax <= TARGETS.roundTripsBeforeClickAck,
  });
  checks.push({
    target: `≤ ${TARGETS.roundTripsPerClick} Redis round trips per click in all`,
    measured: `${click.roundTrips.toFixed(2)} (${click.serverCommands.toFixed(2)} commands executed)`,
    pass: click.roundTrips <= TARGETS.roundTripsPerClick,
  });
  const flat = input.flatness;
  if (flat) {
    const empty = flat.empty.click.perInteraction;
    const full = flat.withData.click.perInteraction;
    const p50 = ratio(flat.withData.run.load.latencyMs.p50, flat.empty.run.load.latencyMs.p50);
    const p99 = ratio(flat.withData.run.load.latencyMs.p99, flat.empty.run.load.latencyMs.p99);
    const sameTrips =
      Math.abs(full.roundTrips - empty.roundTrips) < 0.05 && full.beforeAckMax === empty.beforeAckMax;
    checks.push({
      target: `flat with data (${flat.seeded.setups} setups, ${flat.seeded.connections} connections, ${flat.seeded.workspaces} workspaces): same round trips per click, p50/p99 at c=${flat.empty.run.connections} within ${TARGETS.flatLatencyRatio}× of empty Redis`,
      measured: `round trips ${empty.roundTrips.toFixed(2)} → ${full.roundTrips.toFixed(2)} (before ack ≤ ${empty.beforeAckMax} → ≤ ${full.beforeAckMax}); p50 ${ms(flat.empty.run.load.latencyMs.p50)} → ${ms(flat.withData.run.load.latencyMs.p50)} (${x(p50)}), p99 ${ms(flat.empty.run.load.latencyMs.p99)} → ${ms(flat.withData.run.load.latencyMs.p99)} (${x(p99)}), CPU ${flat.empty.run.cpuMicrosPerRequest.toFixed(0)} → ${flat.withData.run.cpuMicrosPerRequest.toFixed(0)} µs/click`,
      pass: sameTrips && p50 <= TARGETS.flatLatencyRatio && p99 <= TARGETS.flatLatencyRatio,
    });
    checks.push({
      target: `≤ ${TARGETS.redisBytesPerSetup} B Redis memory per stored setup (seeded: flow, index, reminder due)`,
      measured: `${flat.bytesPerSetup.toFixed(0)} B per setup, ${flat.bytesPerConnection.toFixed(0)} B per connection (MEMORY USAGE; used_memory delta ${(flat.usedMemoryDelta / (flat.seeded.setups + flat.seeded.connections)).toFixed(0)} B per record)`,
      pass: flat.bytesPerSetup <= TARGETS.redisBytesPerSetup,
    });
  }
  const lasting = Object.entries(input.commandMemory.byKind).filter(([kind]) => !SHORT_LIVED.has(kind));
  const lastingBytes = lasting.reduce((sum, [, figures]) => sum + figures.bytesPerFlow, 0);
  checks.push({
    target: `≤ ${TARGETS.redisBytesPerSetup} B Redis memory: all a new setup leaves (command path, MEMORY USAGE)`,
    measured: `${lastingBytes.toFixed(0)} B lasting (${lasting
      .filter(([, figures]) => figures.bytesPerFlow >= 1)
      .map(([kind, figures]) => `${kind} ${figures.bytesPerFlow.toFixed(0)}`)
      .join(', ')}); for minutes also: ${Object.entries(input.commandMemory.byKind)
      .filter(([kind, figures]) => SHORT_LIVED.has(kind) && figures.bytesPerFlow >= 1)
      .map(([kind, figures]) => `${kind} ${figures.bytesPerFlow.toFixed(0)}`)
      .join(', ')}; used_memory delta ${input.commandMemory.bytesPerFlow.toFixed(0)} B`,
    pass: lastingBytes <= TARGETS.redisBytesPerSetup,
  });
  checks.push({
    target: `bot peak RSS under the c=50 runs ≤ ${mb(TARGETS.botRssBytes)}`,
    measured: `${mb(input.botPeakRssAtC50)} (whole bench, memory phases included: ${mb(input.botPeakRss)})`,
    pass: input.botPeakRssAtC50 <= TARGETS.botRssBytes,
  });
  return checks;
}

/** Keys that a request leaves for minutes only (its replay claim: 6 minutes). */
const SHORT_LIVED = new Set(['once-keys']);

export const ms = (value: number) =>
  Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : '—';
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const num = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');

export function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [head, ...body] = rows;
  if (!head) return '';
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function loadTable(comparisons: Comparison[]): string {
  const rows = [
    [
      'scenario',
      'c',
      'req/s bot',
      'req/s base',
      'ratio',
      'p50 bot',
      'p50 base',
      'ratio',
      'p99 bot',
      'p99 base',
      'ratio',
      'max bot',
      'max base',
      'ratio',
      '1st/conn max bot',
      'base',
      'err/non2xx bot',
      'err/non2xx base',
      'CPU µs/req bot',
      'base',
      'drain bot',
      'verified',
    ],
  ];
  for (const c of comparisons) {
    const b = c.bot.load;
    const a = c.baseline.load;
    rows.push([
      c.scenario,
      String(c.connections),
      num(b.rps),
      num(a.rps),
      times(c.ratio.rps),
      ms(b.latencyMs.p50),
      ms(a.latencyMs.p50),
      times(c.ratio.p50),
      ms(b.latencyMs.p99),
      ms(a.latencyMs.p99),
      times(c.ratio.p99),
      ms(b.latencyMs.max),
      ms(a.latencyMs.max),
      times(c.ratio.max),
      ms(b.firstOnConnection.max),
      ms(a.firstOnConnection.max),
      `${b.errors}/${b.non2xx}`,
      `${a.errors}/${a.non2xx}`,
      num(c.bot.cpuMicrosPerRequest),
      num(c.baseline.cpuMicrosPerRequest),
      c.bot.drain.complete ? ms(c.bot.drain.ms) : 'incomplete',
      c.bot.verification.ok && c.baseline.verification.ok ? 'yes' : 'NO',
    ]);
  }
  return table(rows);
}

export function interactionTable(
  command: InteractionCost,
  click: InteractionCost,
  extra: [string, InteractionCost][] = [],
): string {
  const row = (name: string, cost: InteractionCost) => [
    name,
    String(cost.interactions),
    cost.perInteraction.roundTrips.toFixed(2),
    cost.perInteraction.clientCommands.toFixed(2),
    cost.perInteraction.serverCommands.toFixed(2),
    cost.perInteraction.commandstatsCalls.toFixed(2),
    `${cost.perInteraction.beforeAck.toFixed(2)} (max ${cost.perInteraction.beforeAckMax})`,
    Object.entries(cost.byConnection)
      .map(
        ([label, connection]) =>
          `${label}: ${(connection.roundTrips / cost.interactions).toFixed(2)} RT (${Object.entries(
            connection.byName,
          )
            .map(([name, calls]) => `${name} ${(calls / cost.interactions).toFixed(2)}`)
            .join(', ')})`,
      )
      .join('; '),
  ];
  return table([
    [
      'interaction',
      'n',
      'round trips',
      'commands sent',
      'executed (MONITOR)',
      'commandstats',
      'round trips before the ack',
      'per interaction, by connection',
    ],
    row('/wintro link greenhouse', command),
    row('click Next', click),
    ...extra.map(([name, cost]) => row(name, cost)),
  ]);
}

export function targetTable(checks: TargetCheck[]): string {
  return table([
    ['target', 'measured', 'result'],
    ...checks.map((check) => [check.target, check.measured, check.pass ? 'PASS' : 'MISS']),
  ]);
}
