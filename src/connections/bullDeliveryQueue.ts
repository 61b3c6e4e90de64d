import { DelayedError, type Job } from 'bullmq';
import type { Logger } from '../logger.js';
import { bullQueue } from '../store/bullQueue.js';
import type { RedisTarget } from '../store/redis.js';
import type { DeliveryJob, DeliveryQueue } from './deliveryQueue.js';

// A module of its own, loaded only when hand-overs go through Redis: BullMQ is a few MB of memory
// that a bot without WINTRO_WEBHOOK_URL never needs.

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
