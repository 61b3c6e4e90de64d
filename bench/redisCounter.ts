/**
 * Counts what the app's ioredis clients send, by wrapping `Redis.prototype.sendCommand` in the app's
 * process — the single funnel every ioredis command, script and pipeline goes through, for every
 * connection the app opens (its store connection, and any a library such as BullMQ makes from it).
 *
 * - Commands sent on their own in one event-loop turn are one round trip: the bot writes a turn's
 *   commands to the socket at once (src/store/batchedWrites.ts) and Redis answers them together.
 *   So is a command sent while the connection's socket is corked (a write left for later, sent
 *   just before the turn's write goes out): it is in the same system call.
 * - Commands queued in a pipeline or MULTI reach `sendCommand` with the pipeline's shared write
 *   stream: the batch is written at once and answered together, one round trip, counted once per
 *   stream object.
 * - A script call is one EVALSHA; if Redis answers NOSCRIPT, ioredis sends it again: a second
 *   round trip, counted as one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Redis } from 'ioredis';

export interface ConnectionCounters {
  /** ip:port of the connection as Redis sees the client (MONITOR, CLIENT LIST), once connected. */
  address?: string;
  roundTrips: number;
  /** Commands written, pipelined ones (and MULTI/EXEC) included. */
  commands: number;
  pipelines: number;
  byName: Record<string, number>;
}

export interface RedisCounters {
  roundTrips: number;
  commands: number;
  pipelines: number;
  byName: Record<string, number>;
  /** Per connection, in the order the connections first sent something; `main` is the app's own. */
  connections: Record<string, ConnectionCounters>;
  /**
   * HTTP responses (acknowledgements) the app has written, and how many round trips each request
   * had sent before its acknowledgement: by count (e.g. `{ "0": 190, "1": 10 }`). Exact when the
   * requests come one at a time, as in the sequential phase.
   */
  beforeAck: Record<string, number>;
}

const tracked = new Map<Redis, ConnectionCounters & { label: string }>();
let allRoundTrips = 0;
const beforeAck: Record<string, number> = {};
/**
 * While on (the sequential phase only: async context tracking costs CPU), each request's round
 * trips are counted in its own async context, so work another request left running (a command's
 * follow-up after its ack) is not counted against this one.
 */
const requestScope = new AsyncLocalStorage<{ sent: number; acked: boolean; writing?: Set<Redis> }>();
let scoping = false;
export function scopeRequests(on: boolean): boolean {
  scoping = on;
  if (!on) requestScope.disable();
  return on;
}
const countInScope = () => {
  const scope = scoping ? requestScope.getStore() : undefined;
  if (scope && !scope.acked) scope.sent += 1;
};
let mainClient: Redis | undefined;

const addressOf = (redis: Redis) => {
  const socket = (redis as unknown as { stream?: { localAddress?: string; localPort?: number } }).stream;
  return socket?.localPort ? `${socket.localAddress ?? '127.0.0.1'}:${socket.localPort}` : undefined;
};

/** Installs the counting wrapper; call before the app creates its clients. */
export function instrumentRedis(): void {
  const proto = Redis.prototype as any;
  if (proto.__benchCounted) return;
  proto.__benchCounted = true;
  const original = proto.sendCommand as (...args: unknown[]) => unknown;
  const pipelineStreams = new WeakSet<object>();
  /**
   * Whether this connection has sent a command in this event-loop turn already (see the header);
   * while requests are counted one by one, a request's own commands only, so that other work
   * sharing the turn (a reminder sweep, say) neither hides nor takes a request's round trip.
   */
  const unscoped = new Set<Redis>();
  const sentThisTurn = (redis: Redis) => {
    const scope = scoping ? requestScope.getStore() : undefined;
    if (scope && !scope.writing) scope.writing = new Set();
    const sent = scope?.writing ?? unscoped;
    if (sent.has(redis)) return true;
    sent.add(redis);
    process.nextTick(() => sent.delete(redis));
    return false;
  };
  const joinsGatheredWrite = (redis: Redis) =>
    ((redis as unknown as { stream?: { writableCorked?: number } }).stream?.writableCorked ?? 0) > 0;
  proto.sendCommand = function (this: Redis, command: { name: string }, stream?: object, ...rest: unknown[]) {
    let counters = tracked.get(this);
    if (!counters) {
      counters = { label: `other-${tracked.size}`, roundTrips: 0, commands: 0, pipelines: 0, byName: {} };
      tracked.set(this, counters);
    }
    counters.commands += 1;
    counters.byName[command.name] = (counters.byName[command.name] ?? 0) + 1;
    if (stream && typeof stream === 'object') {
      if (!pipelineStreams.has(stream)) {
        pipelineStreams.add(stream);
        counters.roundTrips += 1;
        counters.pipelines += 1;
        allRoundTrips += 1;
        countInScope();
      }
    } else if (!joinsGatheredWrite(this) && !sentThisTurn(this)) {
      counters.roundTrips += 1;
      allRoundTrips += 1;
      countInScope();
    }
    return original.call(this, command, stream, ...rest);
  };
}

/**
 * Counts the round trips each HTTP request sends before its response is written (the ack): every
 * request the app's servers receive notes the count on arrival, and its `end()` takes the difference.
 */
export async function instrumentAcks(): Promise<void> {
  const http = await import('node:http');
  const proto = http.Server.prototype as any;
  if (proto.__benchAcks) return;
  proto.__benchAcks = true;
  const emit = proto.emit as (...args: unknown[]) => boolean;
  proto.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const response = args[1] as { end: (...endArgs: unknown[]) => unknown };
      const atArrival = allRoundTrips;
      const scope = { sent: 0, acked: false };
      const end = response.end;
      response.end = function (this: unknown, ...endArgs: unknown[]) {
        if (!scope.acked) {
          scope.acked = true;
          const sent = String(scoping ? scope.sent : allRoundTrips - atArrival);
          beforeAck[sent] = (beforeAck[sent] ?? 0) + 1;
        }
        return end.apply(this, endArgs);
      };
      if (scoping) return requestScope.run(scope, () => emit.call(this, event, ...args));
    }
    return emit.call(this, event, ...args);
  };
}

/** Names the app's own client `main` (the others keep `other-N`). */
export function markMainClient(redis: Redis): void {
  mainClient = redis;
}

export function redisCounters(): RedisCounters {
  const total: RedisCounters = {
    roundTrips: 0,
    commands: 0,
    pipelines: 0,
    byName: {},
    connections: {},
    beforeAck: { ...beforeAck },
  };
  for (const [redis, counters] of tracked) {
    const label = redis === mainClient ? 'main' : counters.label;
    const address = addressOf(redis);
    total.connections[label] = {
      ...(address ? { address } : {}),
      roundTrips: counters.roundTrips,
      commands: counters.commands,
      pipelines: counters.pipelines,
      byName: { ...counters.byName },
    };
    total.roundTrips += counters.roundTrips;
    total.commands += counters.commands;
    total.pipelines += counters.pipelines;
    for (const [name, calls] of Object.entries(counters.byName)) {
      total.byName[name] = (total.byName[name] ?? 0) + calls;
    }
  }
  return total;
}
