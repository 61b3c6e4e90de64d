import { DelayedError, type Job } from 'bullmq';
import type { Logger } from '../logger.js';
import { bullQueue } from '../store/bullQueue.js';
import type { RedisTarget } from '../store/redis.js';

export interface DeliveryJob {
  teamId: string;
  eventId: string;
}

/** What an attempt asks for next: nothing (done), or another attempt after a while. */
export type AttemptNext = { retryInMs: number } | undefined;
export type DeliveryHandler = (job: DeliveryJob) => Promise<AttemptNext>;

export interface DeliveryQueue {
  /** Queues an event's delivery; an event already queued (or being delivered) is not queued twice. */
  enqueue(job: DeliveryJob): Promise<void>;
  start(handler: DeliveryHandler): void;
  close(): Promise<void>;
}

/**
 * Deliveries as BullMQ jobs whose id is the event id: an event is one job, worked on by one
 * instance at a time (BullMQ's job lock), and its retries wait as that job's delay in Redis, so a
 * restart resumes them.
 */
export function createBullDeliveryQueue(
  redis: RedisTarget | string,
  prefix: string,
  logger: Logger,
): DeliveryQueue {
  const { queue, startWorker, close } = bullQueue<DeliveryJob>(
    redis,
    prefix,
    'handover',
    'Hand-over',
    logger,
  );
  return {
    async enqueue(job) {
      await queue.add('deliver', job, {
        jobId: job.eventId,
        removeOnComplete: true,
        // A job that failed (not a refused delivery: Redis away mid-attempt) is dropped, and the
        // outbox sweep queues its event again.
        removeOnFail: true,
        attempts: 3,
        backoff: { type: 'exponential', delay: 1000 },
      });
    },
    start(handler) {
      startWorker(
        async (job: Job<DeliveryJob>, token?: string) => {
          const next = await handler(job.data);
          if (!next) return;
          await job.moveToDelayed(Date.now() + next.retryInMs, token);
          throw new DelayedError();
        },
        (job, error) => {
          if (error instanceof DelayedError || error.name === 'DelayedError') return;
          logger.warn(
            { eventId: job?.id, error: error.message },
            'A hand-over attempt failed; it will be tried again',
          );
        },
      );
    },
    close,
  };
}

/** For the in-process store: timers, lost on restart like everything else in that mode. */
export function createTimerDeliveryQueue(logger: Logger): DeliveryQueue {
  const queued = new Map<string, NodeJS.Timeout | 'running'>();
  let handler: DeliveryHandler | undefined;
  let closed = false;
  const run = (job: DeliveryJob, delayMs: number) => {
    const timer = setTimeout(async () => {
      queued.set(job.eventId, 'running');
      let next: AttemptNext;
      try {
        next = await handler?.(job);
      } catch (error) {
        logger.warn({ eventId: job.eventId, error: (error as Error).message }, 'A hand-over attempt failed');
        next = { retryInMs: 5000 };
      }
      queued.delete(job.eventId);
      if (next && !closed) run(job, next.retryInMs);
    }, delayMs);
    timer.unref();
    queued.set(job.eventId, timer);
  };
  return {
    async enqueue(job) {
      if (!queued.has(job.eventId) && !closed) run(job, 0);
    },
    start(next) {
      handler = next;
    },
    async close() {
      closed = true;
      for (const timer of queued.values()) if (timer !== 'running') clearTimeout(timer);
      queued.clear();
    },
  };
}
