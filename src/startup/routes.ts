import type { CustomRoute } from '@slack/bolt';
import type { Redis } from 'ioredis';

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

/** Every HTTP route the bot serves besides Slack's own (`/slack/events`, and the OAuth install routes). */
export function httpRoutes(redis: Redis): CustomRoute[] {
  return [healthRoute(redis)];
}
