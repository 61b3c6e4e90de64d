import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

export type ReminderJob =
  /** The flow has not moved: remind whoever holds it. `n` counts reminders already sent. */
  | { kind: 'idle'; teamId: string; flowId: string; n: number }
  /** A colleague has not answered a request for help: remind them. */
  | { kind: 'nudge'; teamId: string; flowId: string; seq: number }
  /** Still no answer after the reminder: tell the person who asked. */
  | { kind: 'nudge_note'; teamId: string; flowId: string; seq: number }
  /** A linked connection's credentials expire soon: tell whoever linked it. */
  | { kind: 'expiry'; teamId: string; flowId: string; systemId: string; expiresAt: string };

export type ReminderHandler = (job: ReminderJob) => Promise<void>;

export interface ReminderScheduler {
  /** Schedules a job to run once, `delayMs` from now. The same job at the same due time is scheduled once. */
  schedule(job: ReminderJob, delayMs: number): Promise<void>;
  start(handler: ReminderHandler): void;
  close(): Promise<void>;
}

const jobKey = (job: ReminderJob, dueAt: number) =>
  `${job.kind}.${job.teamId}.${job.flowId}.${job.kind === 'idle' ? job.n : job.kind === 'expiry' ? job.systemId : job.seq}.${dueAt}`;

/** How often a failed reminder is tried at most, and how long after its claim it is tried again. */
const ATTEMPTS = 3;
const RETRY_AFTER_MS = 60_000;
/** Due reminders claimed per sweep round, and run at once by one instance. */
const CLAIM_BATCH = 100;
const CONCURRENCY = 4;

// KEYS: the due set, the failed-attempt counts. ARGV: now, lease until, batch size.
// Claims due reminders for one instance: each gets a new due time (the lease), so another instance
// (or this one after a crash) runs it again only if it was not finished by then.
const CLAIM_DUE = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], member) end
return due
`;

// KEYS: the due set, the failed-attempt counts. ARGV: member, the lease it was claimed with.
// A reminder that rescheduled itself while it ran (a new due time) stays.
const FINISH = `
if redis.call('ZSCORE', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('ZREM', KEYS[1], ARGV[1]) end
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
`;

// KEYS: the due set, the failed-attempt counts. ARGV: member, the lease, attempts allowed.
// Counts a failed run; the last allowed one removes the reminder (else it runs again at the lease).
const FAILED = `
local attempts = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
if attempts < tonumber(ARGV[3]) then return attempts end
if redis.call('ZSCORE', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('ZREM', KEYS[1], ARGV[1]) end
redis.call('HDEL', KEYS[2], ARGV[1])
return attempts
`;

/**
 * A reminder as its sorted-set member: short fields joined by `|` (ids never hold one), because
 * every setup keeps one while it waits. The same job always gives the same member.
 */
const KIND_CODES = { idle: 'i', nudge: 'n', nudge_note: 'nn', expiry: 'x' } as const;
const KINDS_BY_CODE = Object.fromEntries(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind]));

export function encodeReminder(job: ReminderJob): string {
  const head = `${KIND_CODES[job.kind]}|${job.teamId}|${job.flowId}`;
  if (job.kind === 'idle') return `${head}|${job.n}`;
  if (job.kind === 'expiry') return `${head}|${job.systemId}|${job.expiresAt}`;
  return `${head}|${job.seq}`;
}

export function decodeReminder(member: string): ReminderJob | undefined {
  const [code, teamId, flowId, first, second] = member.split('|');
  const kind = KINDS_BY_CODE[code ?? ''];
  if (!kind || !teamId || !flowId || first === undefined) return undefined;
  if (kind === 'expiry')
    return second ? { kind, teamId, flowId, systemId: first, expiresAt: second } : undefined;
  const count = Number(first);
  if (!Number.isInteger(count)) return undefined;
  if (kind === 'idle') return { kind, teamId, flowId, n: count };
  return { kind: kind as 'nudge' | 'nudge_note', teamId, flowId, seq: count };
}

type SweepRedis = Redis & {
  wintroClaimDue(due: string, attempts: string, now: number, lease: number, batch: number): Promise<string[]>;
  wintroFinishReminder(due: string, attempts: string, member: string, lease: string): Promise<number>;
  wintroFailedReminder(
    due: string,
    attempts: string,
    member: string,
    lease: string,
    allowed: number,
  ): Promise<number>;
};

/**
 * Reminders as due times in one sorted set in Redis (a member per reminder, the job encoded; its
 * score the time it is due), swept every `sweepMs` by each instance. The sweep claims what is due
 * in one script, so with several instances on one Redis each reminder runs on exactly one of them;
 * one that fails is tried again a minute later, three times in all. Scheduling is one ZADD: the same
 * job scheduled again moves its due time rather than adding a second one. On a Cluster `prefix`
 * carries a hash tag (`wintro:{reminders}`), so both keys share a slot as the scripts need.
 */
export function createRedisScheduler(
  redis: Redis,
  prefix: string,
  logger: Logger,
  options: { sweepMs: number },
): ReminderScheduler {
  const dueKey = `${prefix}:due`;
  const attemptsKey = `${prefix}:attempts`;
  if (!('wintroClaimDue' in redis)) {
    redis.defineCommand('wintroClaimDue', { numberOfKeys: 2, lua: CLAIM_DUE });
    redis.defineCommand('wintroFinishReminder', { numberOfKeys: 2, lua: FINISH });
    redis.defineCommand('wintroFailedReminder', { numberOfKeys: 2, lua: FAILED });
  }
  const client = redis as SweepRedis;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;
  let unreachable = false;

  const runOne = async (handler: ReminderHandler, member: string, lease: string) => {
    const job = decodeReminder(member);
    try {
      // A member no release of the bot wrote: dropped, as a job that failed for the last time.
      if (!job) throw new Error('Not a reminder');
      await handler(job);
      await client.wintroFinishReminder(dueKey, attemptsKey, member, lease);
    } catch (error) {
      const attempts = await client
        .wintroFailedReminder(dueKey, attemptsKey, member, lease, ATTEMPTS)
        .catch(() => 0);
      logger.warn(
        { job: job?.kind, attempt: attempts, error: (error as Error).message },
        attempts >= ATTEMPTS
          ? 'A reminder failed for the last time'
          : 'A reminder failed; it will be retried',
      );
    }
  };

  const sweep = async (handler: ReminderHandler) => {
    for (;;) {
      const now = Date.now();
      const lease = now + RETRY_AFTER_MS;
      const claimed = await client.wintroClaimDue(dueKey, attemptsKey, now, lease, CLAIM_BATCH);
      const queue = [...claimed];
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
          for (let member = queue.shift(); member !== undefined; member = queue.shift()) {
            await runOne(handler, member, String(lease));
          }
        }),
      );
      if (claimed.length < CLAIM_BATCH) return;
    }
  };

  return {
    async schedule(job, delayMs) {
      await client.zadd(dueKey, Date.now() + Math.max(0, delayMs), encodeReminder(job));
    },
    start(handler) {
      timer = setInterval(() => {
        if (sweeping) return;
        sweeping = sweep(handler)
          .then(() => {
            if (unreachable) logger.info('Reminders are swept again');
            unreachable = false;
          })
          .catch((error: unknown) => {
            // One line while Redis is away, not one per sweep.
            if (!unreachable) logger.warn({ error: (error as Error).message }, 'Could not sweep reminders');
            unreachable = true;
          })
          .finally(() => {
            sweeping = undefined;
          });
      }, options.sweepMs);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      // A sweep under way finishes the reminders it claimed (bounded: a stuck one runs again later).
      await Promise.race([
        sweeping ?? Promise.resolve(),
        new Promise((resolve) => setTimeout(resolve, 2000).unref()),
      ]);
    },
  };
}

/** How often reminders are swept: often enough for the shortest wait configured, at most every 5 s. */
export const sweepIntervalMs = (settings: { idleMs: number; nudgeMs: number }) =>
  Math.min(5000, Math.max(100, Math.floor(Math.min(settings.idleMs, settings.nudgeMs) / 4)));

/** The longest delay setTimeout keeps (about 24.8 days); a longer one fires immediately. */
const MAX_TIMER_MS = 2_147_483_647;

/** At most this many reminders wait in memory; past it a new one is dropped with a warning. */
export const MAX_PENDING_TIMERS = 10_000;

export interface TimerScheduler extends ReminderScheduler {
  /** How many reminders wait (each holds a timer and its de-duplication key). */
  pending(): number;
}

/** For the in-process store: timers, lost on restart like everything else in that mode. */
export function createTimerScheduler(logger: Logger): TimerScheduler {
  const timers = new Set<NodeJS.Timeout>();
  // The key of every reminder waiting, forgotten when it runs: memory follows what waits, not history.
  const seen = new Set<string>();
  let handler: ReminderHandler | undefined;
  let warnedFull = false;
  return {
    async schedule(job, delayMs) {
      const key = jobKey(job, Math.round((Date.now() + delayMs) / 1000));
      if (seen.has(key)) return;
      if (seen.size >= MAX_PENDING_TIMERS) {
        if (!warnedFull)
          logger.warn(
            { limit: MAX_PENDING_TIMERS },
            'Too many in-process reminders waiting; new ones are dropped (set REDIS_URL)',
          );
        warnedFull = true;
        return;
      }
      seen.add(key);
      const due = Date.now() + delayMs;
      // A timer longer than MAX_TIMER_MS fires at once, so a long wait is slept in steps.
      const arm = () => {
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            if (Date.now() < due) return arm();
            seen.delete(key);
            warnedFull = false;
            handler?.(job).catch((error: unknown) =>
              logger.warn({ error: (error as Error).message }, 'A reminder failed'),
            );
          },
          Math.min(Math.max(0, due - Date.now()), MAX_TIMER_MS),
        );
        timer.unref();
        timers.add(timer);
      };
      arm();
    },
    start(next) {
      handler = next;
    },
    pending: () => seen.size,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      seen.clear();
    },
  };
}
