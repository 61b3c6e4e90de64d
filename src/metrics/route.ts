import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { DEFAULT_LANGUAGE, translator } from '../messages/index.js';
import type { Metrics } from './metrics.js';

export const METRICS_PATH = '/metrics';

// Hashing both sides gives equal lengths, so the comparison takes the same time whatever was sent.
const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the request brings `Authorization: Bearer <token>`, compared in constant time. */
export function bearerMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const [scheme, sent = ''] = header.split(' ', 2);
  const matches = timingSafeEqual(digest(sent), digest(token));
  return scheme?.toLowerCase() === 'bearer' && matches;
}

/**
 * `GET /metrics`: the Prometheus text exposition. With a token, only a scraper that brings it as a
 * bearer token gets it; anyone else gets 401 (the token is never logged, nor echoed).
 */
/** The scraper's operator reads these: Prometheus sends no language. */
const operatorWords = translator(DEFAULT_LANGUAGE);

export function metricsRoute(metrics: Metrics, logger: Logger, token?: string): CustomRoute {
  return {
    path: METRICS_PATH,
    method: ['GET'],
    handler: (req, res) => {
      if (token && !bearerMatches(req, token)) {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' });
        res.end(`${operatorWords('metrics.tokenRequired')}\n`);
        return;
      }
      metrics.exposition().then(
        ({ contentType, text }) => {
          res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
          res.end(text);
        },
        (error: unknown) => {
          logger.error({ error: (error as Error).message }, 'Could not collect the metrics');
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(`${operatorWords('metrics.unavailable')}\n`);
        },
      );
    },
  };
}
