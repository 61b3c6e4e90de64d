import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOT_TOKEN, bootBot, type RunningBot } from '../support/bot.js';
import { type FakeGreenhouse, startFakeGreenhouse } from '../support/fakeGreenhouse.js';
import { type FakeSlack, startFakeSlack } from '../support/fakeSlack.js';
import { expectWithinSlackLimits } from '../support/guards.js';
import { buttonsOf, eventually, Journey, textOf } from '../support/journey.js';
import { type PrivateRedis, startPrivateRedis } from '../support/redisServer.js';

/** What a person is told while Redis is away, word for word. */
const UNAVAILABLE_TEXT =
  'Wintro is briefly unavailable. Your progress is saved: try again in a minute and you will continue from the same step.';

const CLIENT_ID = 'a1b2c3d4e5f6-7';
const CLIENT_SECRET = 'gh-secret-Outage9Yw8Vu7Ts6Rq5Po4Nm3';
const USER_ID = '12345';
const good = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, user_id: USER_ID };

/** Slack gives up on a request the app has not answered within 3 seconds. */
const SLACK_WINDOW_MS = 3000;
/** What the person must be told, in words. */
const UNAVAILABLE = /briefly unavailable/;
const SAFE = /progress is saved/;

let slack: FakeSlack;
let greenhouse: FakeGreenhouse;
let redis: PrivateRedis;
let running: RunningBot;
const acks: unknown[] = [];
const timings: string[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
  greenhouse = await startFakeGreenhouse();
  redis = await startPrivateRedis();
});

afterAll(async () => {
  await slack.close();
  await greenhouse.close();
  await redis.close();
  // The answer times measured while Redis was away, for the record.
  console.log(`Answer times while Redis was unavailable:\n${timings.join('\n')}`);
});

beforeEach(async () => {
  slack.reset();
  greenhouse.reset({ clientId: CLIENT_ID, secret: CLIENT_SECRET, userId: USER_ID });
  acks.length = 0;
  if (!redis.running) await redis.start();
  running = await bootBot({
    slack,
    env: {
      REDIS_URL: redis.url,
      GREENHOUSE_AUTH_URL: greenhouse.url,
      GREENHOUSE_API_URL: greenhouse.url,
    },
  });
});

afterEach(async () => {
  expectWithinSlackLimits(slack, acks);
  // Redis back and every client of the bot reconnected (a test that failed half-way may have left
  // it stopped), so that shutdown is orderly: see redisBack().
  redis.thaw();
  if (!redis.running) await redis.start();
  await redisBack();
  await running.stop();
  const everywhere = [
    running.logs.text(),
    JSON.stringify(slack.calls.map(({ method, args }) => ({ method, args }))),
    JSON.stringify(slack.responses),
    JSON.stringify(acks),
    await redis.dump(running.keyPrefix),
  ].join('\n');
  for (const secret of [CLIENT_SECRET, BOT_TOKEN, ...greenhouse.issuedTokens]) {
    expect(everywhere.includes(secret), `secret ${secret.slice(0, 6)}… leaked`).toBe(false);
  }
});

async function timed<T>(label: string, request: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await request();
  const ms = Math.round(performance.now() - started);
  timings.push(`  ${label}: ${ms} ms`);
  expect(ms, `${label} took ${ms} ms`).toBeLessThan(SLACK_WINDOW_MS);
  return result;
}

let clientsBefore = 0;

/** Stops Redis, remembering how many clients the bot had connected. */
async function stopRedis() {
  clientsBefore = await redis.clientCount();
  await redis.stop();
}

/**
 * Waits until the bot answers healthy again and all its Redis clients (the store's and the
 * reminder queue's) have reconnected. BullMQ's worker does not close while its connection is
 * still reconnecting, which would hang the bot's shutdown.
 */
async function redisBack() {
  await eventually(async () => {
    expect(await healthz()).toBe(200);
    expect(await redis.clientCount()).toBeGreaterThanOrEqual(clientsBefore);
  }, 10_000);
}

async function healthz(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${running.port}/healthz`);
  await response.text();
  return response.status;
}

/** Starts a Greenhouse setup, opens the credentials form (the flow does not move) and walks to step 2. */
async function walkToStep2(journey: Journey) {
  const reply = await journey.command('link greenhouse');
  acks.push(reply.body);
  await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
  await journey.click('flow.credentials');
  const opened = await slack.waitFor((call) => call.method === 'views.open');
  const flowId = opened.args.view.private_metadata as string;
  await journey.click('flow.begin');
  await journey.waitForMessage((text) => text.includes('Step 1 of 6'));
  await journey.click('flow.next');
  await journey.waitForMessage((text) => text.includes('Step 2 of 6'));
  return { flowId, next: journey.button('flow.next') };
}

/** Everything the person can send while Redis is away gets an answer in time, in words. */
async function expectUnavailableAnswers(
  journey: Journey,
  flowId: string,
  next: ReturnType<Journey['button']>,
) {
  const ephemeralsBefore = slack.callsTo('chat.postEphemeral').length;
  const clicked = performance.now();
  const click = await timed('Next click (HTTP answer)', () => journey.click('flow.next', { button: next }));
  expect(click.status).toBe(200);
  const notice = await slack.waitFor(
    (call) =>
      call.method === 'chat.postEphemeral' &&
      slack.callsTo('chat.postEphemeral').indexOf(call) >= ephemeralsBefore,
    SLACK_WINDOW_MS,
  );
  const noticeMs = Math.round(performance.now() - clicked);
  timings.push(`  Next click (ephemeral notice posted): ${noticeMs} ms`);
  expect(noticeMs).toBeLessThan(SLACK_WINDOW_MS);
  const ephemerals = slack.callsTo('chat.postEphemeral').slice(ephemeralsBefore);
  expect(ephemerals).toHaveLength(1);
  expect(notice.channel).toBe(journey.dmChannel);
  expect(notice.args.user).toBe(journey.userId);
  expect(ephemerals[0]?.args.text).toMatch(UNAVAILABLE);
  expect(ephemerals[0]?.args.text).toMatch(SAFE);
  expect(ephemerals[0]?.args.text).toBe(UNAVAILABLE_TEXT);

  for (const command of ['status', 'link greenhouse']) {
    const reply = await timed(`/wintro ${command}`, () => journey.command(command));
    acks.push(reply.body);
    expect(reply.status).toBe(200);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toMatch(UNAVAILABLE);
    expect(reply.body.text).toMatch(SAFE);
    expect(reply.body.text).toBe(UNAVAILABLE_TEXT);
  }

  const submitted = await timed('credentials submission', () => journey.submit('V0FORM', flowId, good));
  acks.push(submitted.body);
  expect(submitted.status).toBe(200);
  expect(submitted.body.response_action).toBe('errors');
  const errors = Object.values(submitted.body.errors as Record<string, string>);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(UNAVAILABLE);
  expect(errors[0]).toMatch(SAFE);
  expect(errors[0]).toBe(UNAVAILABLE_TEXT);

  const health = await timed('GET /healthz', () => healthz());
  expect(health).toBe(503);
}

describe('Redis goes away in the middle of a setup', () => {
  it('answers every request in time with words while Redis is stopped, and the same click continues after', async () => {
    const journey = new Journey(slack, running.sender, 'T0OUTAGE', 'U0ADMIN');
    const { flowId, next } = await walkToStep2(journey);
    expect(await healthz()).toBe(200);
    const callsBefore = slack.calls.length;

    await stopRedis();
    timings.push('Redis stopped (SIGTERM):');
    await expectUnavailableAnswers(journey, flowId, next);

    // Nothing moved and nothing was drawn while Redis was away, and nobody was told it moved on.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const during = slack.calls.slice(callsBefore);
    expect(during.filter((call) => call.method !== 'chat.postEphemeral')).toEqual([]);
    expect(greenhouse.requests).toHaveLength(0);
    expect(textOf(journey.latestMessage()?.args.blocks)).toContain('Step 2 of 6');
    expect(running.logs.text()).toContain('Redis connection problem');

    await redis.start();
    await redisBack();

    // The very button the person clicked during the outage now moves the flow on, once.
    const again = await journey.click('flow.next', { button: next });
    expect(again.status).toBe(200);
    await journey.waitForMessage((text) => text.includes('Step 3 of 6'));
    const status = await journey.command('status');
    acks.push(status.body);
    expect(textOf(status.body.blocks)).toContain('step 3 of 6');

    // The form opened before the outage still works: the setup links without starting over.
    const submitted = await journey.submit('V0FORM', flowId, good);
    acks.push(submitted.body);
    expect(submitted.body.response_action).toBe('update');
    await journey.waitForMessage((text) => text.includes('Greenhouse is linked'));
    await slack.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === 'C0NOTIFY');
    expect(await redis.hlen(`${running.keyPrefix}:{T0OUTAGE}:conns`)).toBe(1);
  });

  it('answers in time while Redis hangs without closing the connection, and continues after', async () => {
    const journey = new Journey(slack, running.sender, 'T0OUTAGE', 'U0ADMIN');
    const { flowId, next } = await walkToStep2(journey);

    clientsBefore = await redis.clientCount();
    redis.freeze();
    timings.push('Redis frozen (SIGSTOP):');
    try {
      await expectUnavailableAnswers(journey, flowId, next);
    } finally {
      redis.thaw();
    }
    await redisBack();
    const again = await journey.click('flow.next', { button: next });
    expect(again.status).toBe(200);
    await journey.waitForMessage((text) => text.includes('Step 3 of 6'));
  });

  it('tells the person when Redis goes away while their credentials are being checked, and keeps the form', async () => {
    greenhouse.mode = { kind: 'slow', delayMs: 600 };
    const journey = new Journey(slack, running.sender, 'T0OUTAGE', 'U0ADMIN');
    const { flowId } = await walkToStep2(journey);
    const form = slack.callsTo('views.open')[0]?.args.view;
    const submitted = await running.sender.viewSubmission({
      teamId: 'T0OUTAGE',
      userId: 'U0ADMIN',
      viewId: 'V0FORM',
      callbackId: 'credentials.submit',
      privateMetadata: flowId,
      blocks: form.blocks,
      values: Object.fromEntries(
        Object.entries(good).map(([field, value]) => [field, { value: { type: 'plain_text_input', value } }]),
      ),
    });
    acks.push(submitted.body);
    expect(submitted.body.response_action).toBe('update');
    await stopRedis();
    const result = await slack.waitFor(
      (call) =>
        call.method === 'views.update' && textOf(call.args.view.blocks).includes('briefly unavailable'),
      4000,
    );
    expect(result.args.view_id).toBe('V0FORM');
    expect(textOf(result.args.view.blocks)).toMatch(SAFE);
    // The form is still there to submit again, not stuck on "checking".
    expect(result.args.view.submit).toBeDefined();
    expect(result.args.view.private_metadata).toBe(flowId);
    const inputs = result.args.view.blocks.filter((block: any) => block.type === 'input');
    expect(inputs.map((block: any) => block.block_id)).toEqual(['client_id', 'client_secret', 'user_id']);

    await redis.start();
    await redisBack();
    // Nothing half-done: not linked, nothing stored, nothing announced.
    expect(await redis.hlen(`${running.keyPrefix}:{T0OUTAGE}:conns`)).toBe(0);
    expect(slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0NOTIFY')).toEqual([]);
    expect(textOf(journey.latestMessage()?.args.blocks)).not.toContain('is linked');
  });

  it('tells a colleague when their answer to a request could not be recorded', async () => {
    const HELPER = 'U0HELPER';
    const admin = new Journey(slack, running.sender, 'T0OUTAGE', 'U0ADMIN');
    const reply = await admin.command('link greenhouse');
    acks.push(reply.body);
    await admin.waitForMessage((text) => text.includes('Can manage ALL organization'));
    await admin.click('flow.help');
    const helpForm = await slack.waitFor(
      (call) => call.method === 'views.open' && call.args.view.callback_id === 'handover.ask',
    );
    const asked = await running.sender.viewSubmission({
      teamId: 'T0OUTAGE',
      userId: 'U0ADMIN',
      callbackId: 'handover.ask',
      privateMetadata: helpForm.args.view.private_metadata,
      values: { colleague: { user: { type: 'users_select', selected_user: HELPER } } },
    });
    acks.push(asked.body);
    const request = await slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.channel === `D${HELPER}`,
    );
    const decline = buttonsOf(request.args.blocks).find((button) => button.action_id === 'handover.decline');
    await running.sender.blockAction({
      teamId: 'T0OUTAGE',
      userId: HELPER,
      actionId: 'handover.decline',
      value: decline?.value,
      channelId: `D${HELPER}`,
      messageTs: request.response?.ts,
    });
    const declineForm = await slack.waitFor(
      (call) => call.method === 'views.open' && call.args.view.callback_id === 'handover.decline',
    );
    const sendDecline = () =>
      running.sender.viewSubmission({
        teamId: 'T0OUTAGE',
        userId: HELPER,
        callbackId: 'handover.decline',
        privateMetadata: declineForm.args.view.private_metadata,
        values: { reason: { value: { type: 'plain_text_input', value: 'I am not an admin either' } } },
      });

    await stopRedis();
    timings.push('Redis stopped (SIGTERM), decline form:');
    const started = performance.now();
    // The form closes at once (the answer is recorded after the ack); then the colleague must hear
    // that it was not.
    const closed = await timed('decline submission (HTTP answer)', sendDecline);
    expect(closed.status).toBe(200);
    const notice = await slack.waitFor(
      (call) => call.method === 'chat.postEphemeral' && call.args.user === HELPER,
      SLACK_WINDOW_MS,
    );
    timings.push(
      `  decline submission (ephemeral notice posted): ${Math.round(performance.now() - started)} ms`,
    );
    expect(notice.channel).toBe(`D${HELPER}`);
    expect(notice.args.text).toBe(UNAVAILABLE_TEXT);
    expect(slack.calls.filter((call) => call.channel === 'DU0ADMIN' && call.at > request.at)).toEqual([]);

    await redis.start();
    await redisBack();
    await sendDecline();
    await admin.waitForMessage((text) => text.includes('Ask someone else'));
  });
});
