import { Webhook } from 'standardwebhooks';
import { Agent, request } from 'undici';
import { retryAfterSeconds } from '../vendors/http.js';
import type { AttemptResult } from './retryPolicy.js';

export interface SignedPost {
  /** The event id: the same `webhook-id` on every attempt, so Wintro can drop duplicates. */
  id: string;
  /** The exact JSON that is signed and sent. */
  body: string;
}

export type WebhookPoster = (post: SignedPost) => Promise<AttemptResult>;

export interface WebhookPosterOptions {
  url: string;
  secret: string;
  timeoutMs: number;
  now?: () => number;
}

/** Only the start of an answer is read: Wintro's answer says nothing we need beyond its status. */
const MAX_ANSWER_BYTES = 16 * 1024;

/**
 * Posts Standard Webhooks requests (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with
 * one deadline per attempt. Redirects are never followed, so nothing can steer an event elsewhere;
 * failures carry only a category, never the request (errors can hold its headers and body).
 */
export function createWebhookPoster({
  url,
  secret,
  timeoutMs,
  now = Date.now,
}: WebhookPosterOptions): WebhookPoster {
  const signer = new Webhook(secret);
  const dispatcher = new Agent({
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  return async ({ id, body }) => {
    const timestamp = new Date(now());
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await request(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'wintro-linking-bot',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signer.sign(id, timestamp, body),
        },
        body,
        signal,
        dispatcher,
      });
      let read = 0;
      for await (const chunk of response.body) {
        read += (chunk as Buffer).length;
        if (read > MAX_ANSWER_BYTES) {
          response.body.destroy();
          break;
        }
      }
      const headers = { 'retry-after': String(response.headers['retry-after'] ?? '') };
      const retryAfter = headers['retry-after'] ? retryAfterSeconds(headers, 0) : undefined;
      return { status: response.statusCode, ...(retryAfter ? { retryAfterSeconds: retryAfter } : {}) };
    } catch (error) {
      const name = (error as { name?: string }).name ?? '';
      const code = (error as { code?: string }).code ?? '';
      const timedOut =
        signal.aborted || name === 'TimeoutError' || name === 'AbortError' || code.includes('TIMEOUT');
      return { failure: timedOut ? 'timeout' : 'unreachable' };
    }
  };
}
