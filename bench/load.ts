/**
 * Drives one app with autocannon (programmatic API). Every request is built — body, timestamp,
 * signature, trigger_id — in `setupRequest`, i.e. right before it is written to the socket.
 * Latency is the time to the acknowledgement (the HTTP response), recorded per response with
 * sub-millisecond precision from autocannon's `response` event.
 *
 * The first request of each connection also waits for the TCP connection to be set up and
 * accepted. Against a saturated single-threaded server those first requests of 50 connections
 * opened at once are served one after another (up to 1–2.5 s; a plain node:http server doing 0.8 ms
 * of work per request shows the same), which is the load generator's start-up, not the app: they
 * are reported apart (`firstOnConnection`) and left out of the latency percentiles.
 */
import autocannon from 'autocannon';
import type { SignedRequest } from './requests.js';

export interface LoadSpec {
  port: number;
  connections: number;
  /** Seconds; or `amount`: a fixed number of requests. */
  duration?: number;
  amount?: number;
  next(): SignedRequest;
  /** Whether an acknowledgement is the one expected (e.g. not the duplicate path's empty ack). */
  expectAck?(status: number, body: string): boolean;
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** One autocannon run, unsummarised (runs of the same cell are merged before percentiles). */
export interface RawLoad {
  connections: number;
  seconds: number;
  sent: number;
  latencies: Float64Array;
  firsts: Float64Array;
  errors: number;
  timeouts: number;
  non2xx: number;
  unexpectedAcks: number;
  statusCodes: Record<string, number>;
  slowAcks: { over100ms: number; over500ms: number; first: { atMs: number; ms: number }[] };
}

export interface LoadResult {
  connections: number;
  /** Autocannon runs merged into this result (alternating with the other app's). */
  segments: number;
  seconds: number;
  /** Requests written (built by setupRequest). */
  sent: number;
  /** Acknowledgements received (any status). */
  acks: number;
  rps: number;
  /** Acks on open connections (see the note above on first requests). */
  latencyMs: LatencySummary;
  errors: number;
  timeouts: number;
  non2xx: number;
  unexpectedAcks: number;
  statusCodes: Record<string, number>;
  /** The first ack on each connection (it includes opening the connection). */
  firstOnConnection: { count: number; p50: number; max: number };
  /** Acks slower than 100 ms: how many, and when the first ones came (ms since their run's start). */
  slowAcks: RawLoad['slowAcks'];
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

function concat(arrays: Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((sum, array) => sum + array.length, 0));
  let at = 0;
  for (const array of arrays) {
    out.set(array, at);
    at += array.length;
  }
  return out;
}

/** Merges runs of one cell: rates over the summed time, percentiles over all acks together. */
export function summariseLoad(parts: RawLoad[]): LoadResult {
  const sorted = concat(parts.map((part) => part.latencies)).sort();
  const firsts = concat(parts.map((part) => part.firsts)).sort();
  const sum = (pick: (part: RawLoad) => number) => parts.reduce((total, part) => total + pick(part), 0);
  const seconds = sum((part) => part.seconds);
  const acks = sorted.length + firsts.length;
  let total = 0;
  for (const value of sorted) total += value;
  const statusCodes: Record<string, number> = {};
  for (const part of parts) {
    for (const [code, count] of Object.entries(part.statusCodes)) {
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
    }
  }
  return {
    connections: parts[0]?.connections ?? 0,
    segments: parts.length,
    seconds,
    sent: sum((part) => part.sent),
    acks,
    rps: acks / seconds,
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: percentile(sorted, 100),
      mean: sorted.length ? total / sorted.length : Number.NaN,
    },
    errors: sum((part) => part.errors),
    timeouts: sum((part) => part.timeouts),
    non2xx: sum((part) => part.non2xx),
    unexpectedAcks: sum((part) => part.unexpectedAcks),
    statusCodes,
    firstOnConnection: { count: firsts.length, p50: percentile(firsts, 50), max: percentile(firsts, 100) },
    slowAcks: {
      over100ms: sum((part) => part.slowAcks.over100ms),
      over500ms: sum((part) => part.slowAcks.over500ms),
      first: parts.flatMap((part) => part.slowAcks.first).slice(0, 20),
    },
  };
}

export function runLoadRaw(spec: LoadSpec): Promise<RawLoad> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let sent = 0;
  let unexpectedAcks = 0;
  const startedAt = performance.now();
  let lastAckAt = startedAt;
  const slowAcks: RawLoad['slowAcks'] = { over100ms: 0, over500ms: 0, first: [] };
  const connected = new WeakSet<object>();
  const firsts: number[] = [];

  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${spec.port}`,
        connections: spec.connections,
        ...(spec.amount ? { amount: spec.amount } : { duration: spec.duration ?? 5 }),
        timeout: 10,
        requests: [
          {
            setupRequest: (request) => {
              sent += 1;
              return { ...request, ...spec.next() };
            },
            onResponse: (status, body) => {
              if (spec.expectAck && !spec.expectAck(status, body)) unexpectedAcks += 1;
            },
          },
        ],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        resolve({
          connections: spec.connections,
          // The run's span as autocannon counts it, or start to last ack for a fixed amount.
          seconds: spec.amount ? (lastAckAt - startedAt) / 1000 : result.duration,
          sent,
          latencies: latencies.slice(0, count),
          firsts: Float64Array.from(firsts),
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          unexpectedAcks,
          statusCodes: Object.fromEntries(
            Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
          ),
          slowAcks,
        });
      },
    );
    instance.on('response', (client: object, _status: number, _bytes: number, responseTime: number) => {
      lastAckAt = performance.now();
      if (!connected.has(client)) {
        connected.add(client);
        firsts.push(responseTime);
        return;
      }
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count] = responseTime;
      count += 1;
      if (responseTime > 100) {
        slowAcks.over100ms += 1;
        if (responseTime > 500) slowAcks.over500ms += 1;
        if (slowAcks.first.length < 20) {
          slowAcks.first.push({ atMs: Math.round(lastAckAt - startedAt), ms: Math.round(responseTime) });
        }
      }
    });
  });
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return summariseLoad([await runLoadRaw(spec)]);
}
