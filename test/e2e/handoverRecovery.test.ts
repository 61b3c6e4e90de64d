/**
 * What a crash or an outage right after a link leaves behind — the link's event in the outbox, its
 * channel notice pending, nothing queued — is delivered and posted by the next bot that starts, once.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { linkedEvent } from '../../src/connections/events.js';
import { linkedEventId } from '../../src/connections/handover.js';
import { createCredentialSealer } from '../../src/connections/jwe.js';
import { LinkedNotices } from '../../src/connections/linkedNotices.js';
import { Outbox } from '../../src/connections/outbox.js';
import { keyScheme } from '../../src/store/keys.js';
import { REDIS_URL } from '../support/bot.js';
import { useE2e } from '../support/e2e.js';
import { expectOutboxSealed, expectReceiverTrafficClean, wintroSecrets } from '../support/handoverGuards.js';
import { eventually, settle } from '../support/journey.js';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhookReceiver.js';

const CREDENTIALS = {
  client_id: 'a1b2c3d4e5f6-7',
  client_secret: 'gh-secret-Recovery3Wq2Er1Ty0',
  user_id: '12345',
};
const TEAM = 'T0RECOVER';

const e2e = useE2e<{ wintro: WebhookReceiver }>({
  vendors: async () => ({ wintro: await startWebhookReceiver('EC') }),
  reset: ({ wintro }) => wintro.reset(),
  env: ({ wintro }) => wintro.env(),
  secrets: ({ wintro }) => [CREDENTIALS.client_secret, ...wintroSecrets(wintro)],
  bootEach: false,
  after: ({ wintro }) => expectReceiverTrafficClean(wintro, [CREDENTIALS.client_secret]),
});

/** Writes what a link's compare-and-set stores for Wintro and the channel, as if the bot died right after. */
async function leftBehind(keyPrefix: string, receiver: WebhookReceiver, flowId: string) {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = keyScheme(keyPrefix);
    const now = Date.now();
    const seal = await createCredentialSealer(receiver.keys.publicJwk as never);
    const event = linkedEvent(
      { accountId: null, teamId: TEAM, systemId: 'greenhouse' },
      {
        by: 'U0ADMIN',
        at: now,
        details: [{ label: 'User id', value: '12345' }],
        credentialsJwe: await seal(CREDENTIALS),
      },
    );
    const writes = [
      ...new Outbox(redis, keys).records(
        {
          id: linkedEventId(flowId),
          type: event.type,
          teamId: TEAM,
          systemId: 'greenhouse',
          flowId,
          userId: 'U0ADMIN',
          body: JSON.stringify(event),
          createdAt: now,
          deadline: now + 3600_000,
        },
        now,
      ),
      new LinkedNotices(redis, keys).record(TEAM, flowId, {
        channel: 'C0NOTIFY',
        systemId: 'greenhouse',
        userId: 'U0ADMIN',
        details: [{ label: 'User id', value: '12345' }],
      }),
    ];
    for (const write of writes) await redis.hset(write.key, write.field, write.value);
  } finally {
    redis.disconnect();
  }
}

describe('after a crash between the link and its hand-over', () => {
  it('the next bots to start deliver the waiting event and post the pending notice, each once', async () => {
    const { wintro } = e2e.vendors;
    const keyPrefix = `wintro-test-${randomBytes(4).toString('hex')}`;
    const flowId = 'F0RECOVERED1';
    await leftBehind(keyPrefix, wintro, flowId);
    await expectOutboxSealed(keyPrefix, [CREDENTIALS.client_secret]);

    // Two instances start at once: both sweep, one delivers, the notice is posted once.
    const a = await e2e.boot({}, undefined, { keyPrefix });
    await e2e.boot({}, a);
    await eventually(() => expect(wintro.delivered()).toHaveLength(1), 8000);
    await eventually(() =>
      expect(
        e2e.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0NOTIFY'),
      ).toHaveLength(1),
    );
    await settle(500);
    expect(wintro.received).toHaveLength(1);
    const delivered = wintro.delivered()[0] as ReceivedWebhook;
    expect(delivered.id).toBe(`evt_${flowId}`);
    const { credentials, header } = await wintro.decrypt(delivered);
    expect(credentials).toEqual(CREDENTIALS);
    expect(header).toMatchObject({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: 'wintro-ec-1' });

    // A later restart finds nothing left to do.
    await e2e.restart({}, a);
    await settle(500);
    expect(wintro.received).toHaveLength(1);
    expect(
      e2e.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0NOTIFY'),
    ).toHaveLength(1);
  });
});
