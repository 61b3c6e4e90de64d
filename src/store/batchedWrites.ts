import type { Redis } from 'ioredis';

type Stream = NodeJS.WritableStream & { cork(): void; uncork(): void };
type Connection = Redis & { stream?: Stream };

/** A batched socket: whether this turn's writes are being gathered, and the writes left for later. */
interface Batch {
  corked: boolean;
  later: (() => void)[];
  timer: NodeJS.Timeout | undefined;
}

const batches = new WeakMap<object, Batch>();

/** How long a write left for later waits for a round trip to join before it goes on its own. */
export const LATER_WRITE_MAX_WAIT_MS = 100;

/**
 * Sends every command a connection is given in one turn of the event loop in one write to its
 * socket, rather than one write (one system call) per command: the socket is corked at the first
 * command of a turn and uncorked once the turn's callbacks have run (Node's own advice for
 * batching writes). A request's parallel commands, and the commands of requests answered by the
 * same reply packet, then share a system call; each command keeps its own reply and timeout.
 * ioredis's `enableAutoPipelining` would batch too, but it wraps commands in pipelines, which
 * fails for scripts defined as commands (as the rate limiter's) and for scripts on a Cluster.
 */
export function batchWrites(redis: Redis): void {
  const connection = redis as Connection;
  const onConnect = () => {
    const stream = connection.stream;
    if (!stream || batches.has(stream)) return;
    const batch: Batch = { corked: false, later: [], timer: undefined };
    batches.set(stream, batch);
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    const uncork = () => {
      batch.corked = false;
      stream.uncork();
    };
    stream.write = ((...args: unknown[]) => {
      if (!batch.corked) {
        batch.corked = true;
        stream.cork();
        // Ahead of the uncork: the writes left for later join this one.
        if (batch.later.length) process.nextTick(sendLater, batch);
        process.nextTick(uncork);
      }
      return write(...args);
    }) as typeof stream.write;
  };
  // A new socket on every (re)connection; on a Cluster, one per node.
  redis.on('connect', onConnect);
  redis.on('+node', (node: Redis) => batchWrites(node));
}

function sendLater(batch: Batch): void {
  clearTimeout(batch.timer);
  batch.timer = undefined;
  for (const send of batch.later.splice(0)) send();
}

/**
 * A write no request waits for (a cache being filled): sent with the connection's next command,
 * in the same system call and round trip, or after `LATER_WRITE_MAX_WAIT_MS` when none comes. On a
 * connection that does not batch (a Cluster's client, an in-process store) it is sent at once.
 * Should the process stop within that wait, the write is lost: only what can be asked again may
 * wait.
 */
export function writeLater(redis: Redis, send: () => void): void {
  const stream = (redis as Connection).stream;
  const batch = stream && batches.get(stream);
  if (!batch) {
    send();
    return;
  }
  if (batch.corked) {
    // This turn's writes are being gathered: it joins them now.
    send();
    return;
  }
  batch.later.push(send);
  batch.timer ??= setTimeout(sendLater, LATER_WRITE_MAX_WAIT_MS, batch).unref();
}
