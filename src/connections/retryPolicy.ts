/** How one delivery attempt ended: an HTTP status, or no answer at all. */
export type AttemptResult =
  | { status: number; retryAfterSeconds?: number }
  | { failure: 'timeout' | 'unreachable' };

export type Verdict = 'delivered' | 'retry' | 'permanent';

/** 2xx is delivered; 408, 429, 5xx and no answer are tried again; anything else will not get better. */
export function classify(result: AttemptResult): Verdict {
  if ('failure' in result) return 'retry';
  const { status } = result;
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'permanent';
}

export const MAX_RETRY_DELAY_MS = 3600_000;
/** Up to this share of a delay is added at random, so retries of many events spread out. */
export const JITTER = 0.1;

/**
 * The wait before retry `n` (1 = the first retry): the base, doubled each time, capped at one hour,
 * plus up to 10% jitter. A receiver's Retry-After is honoured when it asks for longer.
 */
export function retryDelayMs(
  n: number,
  baseMs: number,
  random: () => number = Math.random,
  retryAfterSeconds?: number,
): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, n - 1));
  const jittered = Math.round(exponential * (1 + JITTER * random()));
  const asked = retryAfterSeconds ? Math.min(MAX_RETRY_DELAY_MS, retryAfterSeconds * 1000) : 0;
  return Math.max(jittered, asked);
}
