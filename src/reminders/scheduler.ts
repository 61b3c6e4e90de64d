import type { Job } from 'bullmq';
import type { Logger } from '../logger.js';
import { bullQueue } from '../store/bullQueue.js';
import type { RedisTarget } from '../store/redis.js';

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

/**
 * Delayed jobs in Redis through BullMQ: they survive restarts, and with several bot instances on
 * one Redis each job is handed to exactly one of them. On a Cluster the prefix must carry a hash tag
 * (`wintro:{reminders}`), so all of the queue's keys share one slot as BullMQ's scripts need.
 */
export function createBullScheduler(
  redis: RedisTarget | string,
  prefix: string,
  logger: Logger,
): ReminderScheduler {
  const { queue, startWorker, close } = bullQueue<ReminderJob>(
    redis,
    prefix,
    'reminders',
    'Reminder',
    logger,
  );
  return {
    async schedule(job, delayMs) {
      // Every flow has one of these in Redis, so the job is kept small: BullMQ's own ids, and a
      // reminder that fails (Slack down) is tried twice more, a minute apart.
      await queue.add(job.kind, job, {
        delay: Math.max(0, delayMs),
        removeOnComplete: true,
        removeOnFail: 100,
        attempts: 3,
        backoff: { type: 'fixed', delay: 60_000 },
      });
    },
    start(handler) {
      startWorker(
        (job: Job<ReminderJob>) => handler(job.data),
        (job, error) =>
          logger.warn({ job: job?.name, error: error.message }, 'A reminder failed; it will be retried'),
      );
    },
    close,
  };
}

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
