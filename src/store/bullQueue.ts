import { type Job, type Processor, Queue, Worker } from 'bullmq';
import type { Logger } from '../logger.js';
import { type RedisTarget, redisClient } from './redis.js';

export interface BullQueue<Data> {
  queue: Queue<Data>;
  startWorker(processor: Processor<Data>, onFailed: (job: Job<Data> | undefined, error: Error) => void): void;
  close(): Promise<void>;
}

/**
 * A BullMQ queue and, once started, its worker, each on a Redis connection of its own; problems on
 * either are logged as "<label> queue …" / "<label> worker …".
 */
export function bullQueue<Data>(
  redis: RedisTarget | string,
  prefix: string,
  name: string,
  label: string,
  logger: Logger,
): BullQueue<Data> {
  const onError = (what: string) => (error: Error) => logger.warn({ error: error.message }, what);
  // Adding a job happens while someone waits for an answer: fail fast when Redis is away.
  const queueConnection = redisClient(redis, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  queueConnection.on('error', onError(`${label} queue connection problem`));
  // The worker blocks on Redis and must retry forever rather than give up on a command.
  const workerConnection = redisClient(redis, { maxRetriesPerRequest: null });
  workerConnection.on('error', onError(`${label} worker connection problem`));
  const queue = new Queue<Data>(name, { connection: queueConnection, prefix });
  queue.on('error', onError(`${label} queue problem`));
  let worker: Worker<Data> | undefined;
  return {
    queue,
    startWorker(processor, onFailed) {
      worker = new Worker<Data>(name, processor, { connection: workerConnection, prefix, concurrency: 4 });
      worker.on('failed', onFailed);
      worker.on('error', onError(`${label} worker problem`));
    },
    async close() {
      // A worker whose connection is reconnecting never finishes a graceful close: bound it.
      const graceful = worker?.close() ?? Promise.resolve();
      const finished = await Promise.race([
        graceful.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
      ]);
      if (!finished) await worker?.close(true).catch(() => undefined);
      await queue.close().catch(() => undefined);
      queueConnection.disconnect();
      workerConnection.disconnect();
    },
  };
}
