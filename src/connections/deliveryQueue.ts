import type { Logger } from '../logger.js';

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
