import type { Redis } from 'ioredis';

type Connection = Redis & { stream?: NodeJS.WritableStream & { cork(): void; uncork(): void } };

const batched = new WeakSet<object>();

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
    if (!stream || batched.has(stream)) return;
    batched.add(stream);
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    let corked = false;
    const uncork = () => {
      corked = false;
      stream.uncork();
    };
    stream.write = ((...args: unknown[]) => {
      if (!corked) {
        corked = true;
        stream.cork();
        process.nextTick(uncork);
      }
      return write(...args);
    }) as typeof stream.write;
  };
  // A new socket on every (re)connection; on a Cluster, one per node.
  redis.on('connect', onConnect);
  redis.on('+node', (node: Redis) => batchWrites(node));
}
