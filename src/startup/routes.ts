import type { CustomRoute } from '@slack/bolt';
import type { Redis } from 'ioredis';
import { renderCallbackPage } from '../blocks/callbackPage.js';
import { finishAuthorization } from '../flows/authorization.js';
import type { FlowDeps } from '../flows/deps.js';
import { browserLanguage } from '../messages/browserLanguage.js';
import { translator } from '../messages/index.js';
import { metricsRoute } from '../metrics/route.js';
import { GREENHOUSE_CALLBACK_PATH } from '../systems/greenhouse/index.js';

/** `GET /healthz`: 200 while Redis answers, 503 when it does not. */
function healthRoute(redis: Redis): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      redis
        .ping()
        .then(() => ({ status: 200, body: { ok: true, redis: 'up' } }))
        .catch(() => ({ status: 503, body: { ok: false, redis: 'down' } }))
        .then(({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        });
    },
  };
}

/** Reads one query parameter of a callback: a single short value, or nothing. */
const queryValue = (query: URLSearchParams, name: string) => {
  const values = query.getAll(name);
  return values.length === 1 && (values[0] as string).length <= 2048 ? values[0] : undefined;
};

/**
 * `GET /oauth/greenhouse/callback`: where Greenhouse sends the browser back after its approval
 * page (Greenhouse partner OAuth). Answers with a small page of one sentence, in the browser's language.
 */
function greenhouseCallbackRoute(deps: FlowDeps): CustomRoute {
  return {
    path: GREENHOUSE_CALLBACK_PATH,
    method: ['GET'],
    handler: (req, res) => {
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const language = browserLanguage(req.headers['accept-language']);
      const callback = {
        state: queryValue(query, 'state'),
        code: queryValue(query, 'code'),
        error: queryValue(query, 'error'),
      };
      const answered = finishAuthorization(deps, 'greenhouse', callback, language).catch((error: unknown) => {
        deps.logger.error({ error: (error as Error).name }, 'Approval callback failed');
        return {
          status: 503,
          page: renderCallbackPage(
            language,
            translator(language)('systems.common.authorization.page.unavailable'),
          ),
        };
      });
      void answered.then(({ status, page }) => {
        res.writeHead(status, page.headers);
        res.end(page.html);
      });
    },
  };
}

/** Every HTTP route the bot serves besides Slack's own (`/slack/events`, and the OAuth install routes). */
export function httpRoutes(redis: Redis, deps: FlowDeps, metricsToken?: string): CustomRoute[] {
  return [
    healthRoute(redis),
    greenhouseCallbackRoute(deps),
    metricsRoute(deps.metrics, deps.logger, metricsToken),
  ];
}
