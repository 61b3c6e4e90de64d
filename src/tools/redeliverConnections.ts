import { Outbox } from '../connections/outbox.js';
import { redeliverFailed } from '../connections/redeliver.js';
import { keyScheme } from '../store/keys.js';
import { runRedisTool } from './redisTool.js';

/**
 * `npm run redeliver`: sends every connection event that Wintro refused, or that ran out of retry
 * time, again — once Wintro's side is fixed. The running bots pick them up within a minute, with
 * their original webhook-ids. Reads the bot's own environment (and .env); safe while the bot runs.
 */
runRedisTool(
  'Redelivering',
  (config) => config.wintroWebhook,
  'Redelivering needs REDIS_URL (or REDIS_CLUSTER_URLS) and WINTRO_WEBHOOK_URL: without them nothing waits or is sent.',
  async ({ need: webhook, redis, logger }) => {
    const count = await redeliverFailed(new Outbox(redis, keyScheme()), Date.now(), webhook.retryWindowMs);
    logger.info(
      { events: count },
      'Failed connection events are waiting again; the bots send them within a minute',
    );
  },
);
