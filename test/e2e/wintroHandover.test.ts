import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { Outbox } from '../../src/connections/outbox.js';
import { redeliverFailed } from '../../src/connections/redeliver.js';
import { keyScheme } from '../../src/store/keys.js';
import { REDIS_URL } from '../support/bot.js';
import { greenhouseAccount, useE2e } from '../support/e2e.js';
import { expectOutboxSealed } from '../support/handoverGuards.js';
import { greenhouseAndWintroSetup } from '../support/handoverSetup.js';
import { eventually, type Journey, settle, textOf } from '../support/journey.js';
import { checkCredentials, notifications, walkToCredentials } from '../support/linking.js';
import type { ReceivedWebhook } from '../support/webhookReceiver.js';

const ACCOUNT = greenhouseAccount('gh-secret-Handover5Tq4Wr3Ey2Ui1Op0');
const TYPED = { client_id: ACCOUNT.clientId, client_secret: ACCOUNT.secret, user_id: ACCOUNT.userId };
const e2e = useE2e(greenhouseAndWintroSetup(ACCOUNT));
const { vendors, acks } = e2e;
const options = { prerequisite: 'Can manage ALL organization', acks };

async function link(journey: Journey) {
  const form = await walkToCredentials(journey, 'greenhouse', options);
  const check = await checkCredentials(journey, form, TYPED, acks);
  expect(check.resultText).toContain('is linked');
  return form;
}

const statusText = async (journey: Journey) => {
  const reply = await journey.command('status');
  acks.push(reply.body);
  return textOf(reply.body.blocks);
};

describe('handing linked connections to Wintro', () => {
  it('delivers one connection.linked after 503, 503, 500, with one webhook-id, readable only with the private key', async () => {
    const { wintro } = vendors;
    wintro.answer(503, 503, 500);
    const journey = e2e.journey();
    const { flowId } = await link(journey);

    const hooks = await wintro.waitFor(4);
    await journey.waitForMessage((text) => text.includes('Wintro has it'));
    await settle(300);
    expect(wintro.received.map((hook) => hook.answered)).toEqual([503, 503, 500, 200]);
    expect(new Set(hooks.map((hook) => hook.id))).toEqual(new Set([`evt_${flowId}`]));
    expect(new Set(hooks.map((hook) => hook.raw)).size).toBe(1);
    expect(hooks.every((hook) => hook.verified)).toBe(true);
    expect(wintro.delivered()).toHaveLength(1);

    const event = wintro.delivered()[0] as ReceivedWebhook;
    expect(event.body).toMatchObject({
      type: 'connection.linked',
      data: {
        account_id: null,
        slack_team_id: 'T0ACME',
        system: 'greenhouse',
        linked_by: 'U0ADMIN',
        details: expect.any(Array),
      },
    });
    expect(Date.parse(event.body.timestamp)).not.toBeNaN();
    expect(Date.parse(event.body.data.linked_at)).not.toBeNaN();
    const { credentials, header } = await wintro.decrypt(event);
    expect(credentials).toEqual(TYPED);
    expect(header).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'wintro-rsa-1' });

    expect(await statusText(journey)).toMatch(/Greenhouse\*: linked by <@U0ADMIN>.*· Wintro has it/);
    // The first retry came after the base delay (50 ms), each next one later than the one before.
    const retries = e2e.running.logs.lines().filter((line) => line.msg?.includes('trying again'));
    expect(retries.map((line) => line.retryInMs)).toEqual([
      expect.toSatisfy((ms: number) => ms >= 50 && ms <= 55),
      expect.toSatisfy((ms: number) => ms >= 100 && ms <= 110),
      expect.toSatisfy((ms: number) => ms >= 200 && ms <= 220),
    ]);
    expect(
      retries.every(
        (line) => line.eventId === `evt_${flowId}` && !JSON.stringify(line).includes('credentials'),
      ),
    ).toBe(true);
  });

  it('resumes with the same webhook-id after a restart mid-retry; the waiting outbox holds only the JWE', async () => {
    const { wintro } = vendors;
    const first = await e2e.restart(wintro.env({ WINTRO_WEBHOOK_RETRY_BASE_MS: '1500' }));
    wintro.answer(503);
    const journey = e2e.journey();
    const { flowId } = await link(journey);
    await wintro.waitFor(1);
    await journey.waitForMessage((text) => text.includes('Handing the connection over to Wintro'));
    const waiting = await expectOutboxSealed(first.keyPrefix, [ACCOUNT.secret]);
    expect(waiting).toContain(`evt_${flowId}`);
    expect(await statusText(journey)).toMatch(/Greenhouse\*: linked by .*· handing over to Wintro…/);

    await first.stop();
    await e2e.boot(wintro.env({ WINTRO_WEBHOOK_RETRY_BASE_MS: '1500' }), first);
    const hooks = await wintro.waitFor(2, 10_000);
    expect(hooks.map((hook) => [hook.id, hook.answered])).toEqual([
      [`evt_${flowId}`, 503],
      [`evt_${flowId}`, 200],
    ]);
    expect(hooks[0]?.raw).toBe(hooks[1]?.raw);
    await journey.waitForMessage((text) => text.includes('Wintro has it'));
    await settle(300);
    expect(wintro.received).toHaveLength(2);
  });

  it('does not retry a 400, and tells the person and the team that Wintro does not have it yet', async () => {
    const { wintro } = vendors;
    wintro.answer(400);
    const journey = e2e.journey();
    const { flowId } = await link(journey);
    await wintro.waitFor(1);
    await journey.waitForMessage((text) => text.includes('it is not with Wintro yet'));
    const told = await e2e.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.channel === journey.dmChannel &&
        /not with Wintro yet/.test(call.args.text),
    );
    expect(told.args.text).toBe('Greenhouse is verified, but it is not with Wintro yet');
    await eventually(() =>
      expect(notifications(journey).some((call) => /is not with Wintro yet/.test(call.args.text))).toBe(true),
    );
    await settle(400);
    expect(wintro.received).toHaveLength(1);
    expect(await statusText(journey)).toMatch(
      /verified, but not yet with Wintro \(the Wintro team has been told\)/,
    );

    const errors = e2e.running.logs.lines().filter((line) => line.level >= 50);
    expect(errors).toEqual([
      expect.objectContaining({ eventId: `evt_${flowId}`, status: 400, reason: 'rejected' }),
    ]);
    const sent = wintro.received[0] as ReceivedWebhook;
    expect(JSON.stringify(errors)).not.toContain(String(sent.body.data.credentials));
    expect(JSON.stringify(e2e.running.logs.text())).not.toContain(String(sent.body.data.credentials));

    // Once Wintro is fixed, an operator sends the refused events again: same id, same body.
    const redis = new Redis(REDIS_URL);
    try {
      expect(
        await redeliverFailed(new Outbox(redis, keyScheme(e2e.running.keyPrefix)), Date.now(), 60_000),
      ).toBe(1);
    } finally {
      redis.disconnect();
    }
    await e2e.restart({}, e2e.running);
    const [first, again] = await wintro.waitFor(2);
    expect([again?.id, again?.answered, again?.raw]).toEqual([`evt_${flowId}`, 200, first?.raw]);
    await journey.waitForMessage((text) => text.includes('Wintro has it'));
  });

  it('gives up when the retry window ends, and says so', async () => {
    const { wintro } = vendors;
    await e2e.restart(wintro.env({ WINTRO_WEBHOOK_RETRY_HOURS: '0.0002' }));
    wintro.answer(...Array(50).fill(503));
    const journey = e2e.journey();
    await link(journey);
    await journey.waitForMessage((text) => text.includes('it is not with Wintro yet'), 6000);
    const count = wintro.received.length;
    expect(count).toBeGreaterThan(1);
    await settle(400);
    expect(wintro.received).toHaveLength(count);
    expect(e2e.running.logs.lines().filter((line) => line.level >= 50)).toEqual([
      expect.objectContaining({ status: 503, reason: 'expired' }),
    ]);
  });

  it('delivers again, with the same id, when Redis goes away at the moment Wintro said yes', async () => {
    const { wintro } = vendors;
    const bot = e2e.running;
    wintro.onRequest = () => {
      if (wintro.received.length > 1) return;
      // The answer is on its way back while the bot cannot record it.
      bot.bot.redis.disconnect();
      setTimeout(() => void bot.bot.redis.connect().catch(() => undefined), 200);
    };
    const journey = e2e.journey();
    const { flowId } = await link(journey);
    const hooks = await wintro.waitFor(2, 10_000);
    await journey.waitForMessage((text) => text.includes('Wintro has it'), 6000);
    await settle(300);
    expect(hooks.map((hook) => [hook.id, hook.answered])).toEqual([
      [`evt_${flowId}`, 200],
      [`evt_${flowId}`, 200],
    ]);
    // Wintro saw one event twice under one id: it keeps it once.
    expect(wintro.delivered()).toHaveLength(1);
    expect(await statusText(journey)).toMatch(/· Wintro has it/);
  });

  it('with two instances on one Redis, each event is delivered once', async () => {
    const { wintro } = vendors;
    const a = e2e.running;
    const b = await e2e.boot({}, a);
    wintro.answer(503, 503);
    const viaA = e2e.journey('U0ADMIN', 'T0ACME', a);
    const viaB = e2e.journey('U0ADMIN', 'T0BETA', b);
    await link(viaA);
    await link(viaB);
    await eventually(() => expect(wintro.delivered()).toHaveLength(2), 8000);
    await settle(500);
    const answersById = new Map<string, number[]>();
    for (const hook of wintro.received)
      answersById.set(hook.id, [...(answersById.get(hook.id) ?? []), hook.answered]);
    expect(answersById.size).toBe(2);
    // Each event: its 503 (or none), then one 200; never a second attempt in parallel, never a redelivery.
    for (const answers of answersById.values()) expect(answers.at(-1)).toBe(200);
    expect(wintro.received).toHaveLength(4);
    expect(new Set(wintro.delivered().map((hook) => hook.body.data.slack_team_id))).toEqual(
      new Set(['T0ACME', 'T0BETA']),
    );
  });

  it('hands nothing over when WINTRO_WEBHOOK_URL is unset, and says so once at start', async () => {
    const bot = await e2e.restart({
      WINTRO_WEBHOOK_URL: '',
      WINTRO_WEBHOOK_SECRET: '',
      WINTRO_CONNECTION_PUBLIC_KEY: '',
    });
    const journey = e2e.journey();
    await link(journey);
    await settle(300);
    expect(vendors.wintro.received).toHaveLength(0);
    expect(bot.logs.lines().filter((line) => /WINTRO_WEBHOOK_URL is not set/.test(line.msg))).toHaveLength(1);
    expect(textOf(journey.latestMessage()?.args.blocks)).not.toContain('Wintro has it');
  });
});
