import { describe, expect, it } from 'vitest';
import { greenhouseAccount, useE2e } from '../support/e2e.js';
import { greenhouseAndWintroSetup } from '../support/handoverSetup.js';
import { eventually, type Journey } from '../support/journey.js';
import { checkCredentials, walkToCredentials } from '../support/linking.js';
import { sampleValue } from '../support/metricsText.js';

const ACCOUNT = greenhouseAccount('gh-secret-MetricsHand2Qa3Ws4Ed5Rf6');
const TYPED = { client_id: ACCOUNT.clientId, client_secret: ACCOUNT.secret, user_id: ACCOUNT.userId };
const e2e = useE2e(greenhouseAndWintroSetup(ACCOUNT));
const { vendors, acks } = e2e;

async function link(journey: Journey) {
  const form = await walkToCredentials(journey, 'greenhouse', {
    prerequisite: 'Can manage ALL organization',
    acks,
  });
  expect((await checkCredentials(journey, form, TYPED, acks)).resultText).toContain('is linked');
}

/** The hand-over counters of the running bot, by outcome. */
async function deliveries(): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${e2e.running.port}/metrics`)).text();
  return Object.fromEntries(
    ['delivered', 'retried', 'failed', 'expired'].map((outcome) => [
      outcome,
      sampleValue(text, 'wintro_webhook_deliveries_total', { outcome }),
    ]),
  );
}

describe('metrics of the hand-over to Wintro', () => {
  it('counts each attempt: retried twice, then delivered', async () => {
    vendors.wintro.answer(503, 500);
    await link(e2e.journey());
    await vendors.wintro.waitFor(3);
    await eventually(async () =>
      expect(await deliveries()).toEqual({ delivered: 1, retried: 2, failed: 0, expired: 0 }),
    );
  });

  it('counts an event Wintro refuses as failed', async () => {
    vendors.wintro.answer(400);
    await link(e2e.journey());
    await vendors.wintro.waitFor(1);
    await eventually(async () =>
      expect(await deliveries()).toEqual({ delivered: 0, retried: 0, failed: 1, expired: 0 }),
    );
  });

  it('counts an event whose retry window ended as expired', async () => {
    await e2e.restart(vendors.wintro.env({ WINTRO_WEBHOOK_RETRY_HOURS: '0.0002' }));
    vendors.wintro.answer(...Array(50).fill(503));
    await link(e2e.journey());
    const counted = await eventually(async () => {
      const counts = await deliveries();
      expect(counts.expired).toBe(1);
      return counts;
    }, 6000);
    expect(counted.delivered).toBe(0);
    expect(counted.retried).toBe(vendors.wintro.received.length - 1);
  });
});
