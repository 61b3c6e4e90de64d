import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootBot, deleteKeys, dumpRedis, type RunningBot, SIGNING_SECRET } from '../support/bot.js';
import { type FakeGreenhouse, startFakeGreenhouse } from '../support/fakeGreenhouse.js';
import { type FakeSlack, startFakeSlack } from '../support/fakeSlack.js';
import { expectNoSecretLeaks, expectWithinSlackLimits } from '../support/guards.js';
import { eventually, Journey, settle, textOf } from '../support/journey.js';
import { encodeForm, type SlackReply, signature } from '../support/slackRequests.js';

/**
 * Replays: a request captured off the wire and sent again, byte for byte, with its signature.
 * Outside Slack's five-minute window the signature check refuses it; inside, the bot must act once.
 */

const CLIENT_ID = 'a1b2c3d4e5f6-7';
const CLIENT_SECRET = 'gh-secret-Replay8Vu7Ts6Rq5Po4Nm3Lk';
const USER_ID = '12345';
const HELPER = 'U0HELPER';

let slack: FakeSlack;
let greenhouse: FakeGreenhouse;
let running: RunningBot;
const acks: unknown[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
  greenhouse = await startFakeGreenhouse();
});

afterAll(async () => {
  await slack.close();
  await greenhouse.close();
});

beforeEach(async () => {
  slack.reset();
  greenhouse.reset({ clientId: CLIENT_ID, secret: CLIENT_SECRET, userId: USER_ID });
  acks.length = 0;
  running = await bootBot({
    slack,
    env: { GREENHOUSE_AUTH_URL: greenhouse.url, GREENHOUSE_API_URL: greenhouse.url },
  });
});

afterEach(async () => {
  // Nothing the bot sent may break Slack's limits, and no secret may leak anywhere.
  expectWithinSlackLimits(slack, acks);
  await running.stop();
  await expectNoSecretLeaks({
    bots: [running],
    slack,
    acks,
    secrets: [CLIENT_SECRET, ...greenhouse.issuedTokens],
  });
  await deleteKeys(running.keyPrefix);
});

/** What the bot keeps: every flow, once-guard and connection (the reminder queue's bookkeeping aside). */
const appState = async () =>
  (await dumpRedis(running.keyPrefix))
    .split('\n')
    .filter((line) => !line.includes(':{reminders}:'))
    .sort()
    .join('\n');

/** Everything observable: Redis, and every call the bot made to Slack or Greenhouse. */
async function snapshot() {
  return {
    state: await appState(),
    slackCalls: slack.calls.filter((call) => call.method !== 'auth.test').length,
    responses: slack.responses.length,
    greenhouse: greenhouse.requests.length,
  };
}

interface Captured {
  body: string;
  timestamp: number;
  contentType: string;
}

/** The request the sender just sent, as it travelled. */
function captureLast(): Captured {
  return {
    body: running.sender.lastBody as string,
    timestamp: running.sender.lastTimestamp as number,
    contentType: 'application/x-www-form-urlencoded',
  };
}

/** Sends a captured request again, byte for byte, with the signature Slack gave it. */
function replay(captured: Captured): Promise<SlackReply> {
  return running.sender.raw({
    body: captured.body,
    contentType: captured.contentType,
    timestamp: captured.timestamp,
    signature: signature(SIGNING_SECRET, captured.timestamp, captured.body),
  });
}

const commandBody = (text: string, triggerId: string) =>
  encodeForm([
    ['token', 'fakeVerificationToken'],
    ['team_id', 'T0ACME'],
    ['team_domain', 'fake-team'],
    ['channel_id', 'C0GENERAL'],
    ['channel_name', 'general'],
    ['user_id', 'U0ADMIN'],
    ['user_name', 'admin'],
    ['command', '/wintro'],
    ['text', text],
    ['api_app_id', 'A0APP'],
    ['is_enterprise_install', 'false'],
    ['response_url', slack.responseUrl('replayed')],
    ['trigger_id', triggerId],
  ]);

async function walkToCredentials(journey: Journey) {
  acks.push((await journey.command('link greenhouse')).body);
  await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
  await journey.click('flow.begin');
  await journey.waitForMessage((text) => text.includes('Step 1 of 6'));
  for (let step = 2; step <= 6; step++) {
    await journey.click('flow.next');
    await journey.waitForMessage((text) => text.includes(`Step ${step} of 6`));
  }
  await journey.click('flow.credentials');
  const opened = await slack.waitFor((call) => call.method === 'views.open');
  return { viewId: 'V0FORM', flowId: opened.args.view.private_metadata as string };
}

describe('outside the five-minute window', () => {
  it('refuses an old signed command, button click and form submission with 401, and changes nothing', async () => {
    const journey = new Journey(slack, running.sender, 'T0ACME', 'U0ADMIN');
    await journey.command('link greenhouse');
    await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
    const begin = journey.button('flow.begin');
    const flowId = (begin.value as string).split('.')[0] as string;
    const before = await snapshot();

    const now = Math.floor(Date.now() / 1000);
    const click = running.sender.blockActionPayload({
      teamId: 'T0ACME',
      userId: 'U0ADMIN',
      actionId: begin.action_id,
      value: begin.value,
      channelId: 'DU0ADMIN',
      messageTs: journey.latestMessage()?.args.ts,
    }).payload;
    const submission = {
      type: 'view_submission',
      team: { id: 'T0ACME' },
      user: { id: 'U0ADMIN', team_id: 'T0ACME' },
      trigger_id: '1700000000.1.0123456789abcdef',
      view: {
        id: 'V0FORM',
        team_id: 'T0ACME',
        callback_id: 'credentials.submit',
        private_metadata: flowId,
        state: {
          values: {
            client_id: { value: { type: 'plain_text_input', value: CLIENT_ID } },
            client_secret: { value: { type: 'plain_text_input', value: CLIENT_SECRET } },
            user_id: { value: { type: 'plain_text_input', value: USER_ID } },
          },
        },
      },
    };
    const bodies = [
      commandBody('cancel', '1700000000.2.0123456789abcdef'),
      encodeForm([['payload', JSON.stringify(click)]]),
      encodeForm([['payload', JSON.stringify(submission)]]),
    ];
    for (const age of [301, 600, 86_400]) {
      for (const body of bodies) {
        const reply = await replay({
          body,
          timestamp: now - age,
          contentType: 'application/x-www-form-urlencoded',
        });
        expect(reply.status, `${age}s old`).toBe(401);
        expect(reply.text).toBe('');
      }
    }
    await settle(200);
    expect(await snapshot()).toEqual(before);
    expect(textOf(journey.latestMessage()?.args.blocks)).toContain('Can manage ALL organization');
  });

  it('still accepts the same request when it is fresh (the refusal above is the window, not the body)', async () => {
    const journey = new Journey(slack, running.sender, 'T0ACME', 'U0ADMIN');
    await journey.command('link greenhouse');
    await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
    const reply = await replay({
      body: commandBody('cancel', '1700000000.3.0123456789abcdef'),
      timestamp: Math.floor(Date.now() / 1000) - 240,
      contentType: 'application/x-www-form-urlencoded',
    });
    acks.push(reply.body);
    expect(reply.status).toBe(200);
    expect(reply.body.text).toContain('Cancelled your Greenhouse setup');
  });
});

describe('inside the window, a replay changes nothing', () => {
  it('a replayed button click', async () => {
    const journey = new Journey(slack, running.sender, 'T0ACME', 'U0ADMIN');
    await journey.command('link greenhouse');
    await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
    await journey.click('flow.begin');
    await journey.waitForMessage((text) => text.includes('Step 1 of 6'));
    await journey.click('flow.next');
    await journey.waitForMessage((text) => text.includes('Step 2 of 6'));
    const captured = captureLast();
    await settle(150);
    const before = await snapshot();

    const again = await replay(captured);
    expect(again.status).toBe(200);
    expect(again.text).toBe('');
    await settle(300);
    // Not even an "already moved on" notice: the second delivery is dropped before it is looked at.
    expect(await snapshot()).toEqual(before);
    expect(textOf(journey.latestMessage()?.args.blocks)).toContain('Step 2 of 6');
  });

  it('a replayed slash command', async () => {
    const journey = new Journey(slack, running.sender, 'T0ACME', 'U0ADMIN');
    const first = await journey.command('link greenhouse');
    acks.push(first.body);
    expect(first.body.text).toMatch(/direct message/);
    await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
    const captured = captureLast();
    await settle(150);
    const before = await snapshot();

    const again = await replay(captured);
    expect(again.status).toBe(200);
    // Acknowledged with nothing: no second reply, no second DM.
    expect(again.text).toBe('');
    await settle(300);
    expect(await snapshot()).toEqual(before);
  });

  it('a replayed cancel does not answer a second time either', async () => {
    const journey = new Journey(slack, running.sender, 'T0ACME', 'U0ADMIN');
    await journey.command('link greenhouse');
    await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
    const cancelled = await journey.command('cancel');
    expect(cancelled.body.text).toContain('Cancelled your Greenhouse setup');
    const captured = captureLast();
    await settle(150);
    const before = await snapshot();
    const again = await replay(captured);
    expect(again.status).toBe(200);
    expect(again.text).toBe('');
    await settle(200);
    expect(await snapshot()).toEqual(before);
  });

  // Without the trigger_id claim in the views listener, a replay would run the whole check again.
  it('a replayed credentials submission does not run the check a second time', async () => {
    const journey = new Journey(slack, running.sender, 'T0ACME', 'U0ADMIN');
    const { viewId, flowId } = await walkToCredentials(journey);
    const submitted = await journey.submit(viewId, flowId, {
      client_id: CLIENT_ID,
      client_secret: 'wrong-secret-123456',
      user_id: USER_ID,
    });
    acks.push(submitted.body);
    expect(submitted.body.response_action).toBe('update');
    const captured = captureLast();
    await eventually(() => expect(slack.callsTo('views.update')).toHaveLength(1));
    await journey.waitForMessage((text) => text.includes('did not accept the Client ID'));
    await settle(150);
    const tokenCalls = () => greenhouse.requests.filter((request) => request.path === '/token').length;
    expect(tokenCalls()).toBe(1);
    const before = await snapshot();

    const again = await replay(captured);
    acks.push(again.body);
    expect(again.status).toBe(200);
    await settle(500);
    expect(tokenCalls()).toBe(1);
    expect(await snapshot()).toEqual(before);
  });

  it('a replayed "ask a colleague" submission does not ask the colleague again', async () => {
    const journey = new Journey(slack, running.sender, 'T0ACME', 'U0ADMIN');
    await journey.command('link greenhouse');
    await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
    await journey.click('flow.help');
    const opened = await slack.waitFor((call) => call.method === 'views.open');
    const submitted = await running.sender.viewSubmission({
      teamId: 'T0ACME',
      userId: 'U0ADMIN',
      callbackId: 'handover.ask',
      privateMetadata: opened.args.view.private_metadata,
      values: {
        colleague: { user: { type: 'users_select', selected_user: HELPER } },
        note: { value: { type: 'plain_text_input', value: 'Could you grant it?' } },
      },
    });
    expect(submitted.status).toBe(200);
    const captured = captureLast();
    const toHelper = () =>
      slack.callsTo('chat.postMessage').filter((call) => call.channel === `D${HELPER}`).length;
    await eventually(() => expect(toHelper()).toBe(1));
    await settle(200);
    const before = await snapshot();

    const again = await replay(captured);
    expect(again.status).toBe(200);
    await settle(400);
    expect(toHelper()).toBe(1);
    expect(await snapshot()).toEqual(before);
  });

  it('two different submissions of the same form are not mistaken for a replay', async () => {
    // A corrected entry is a new submission with a new trigger_id: it must be checked.
    const journey = new Journey(slack, running.sender, 'T0ACME', 'U0ADMIN');
    const { viewId, flowId } = await walkToCredentials(journey);
    await journey.submit(viewId, flowId, {
      client_id: CLIENT_ID,
      client_secret: 'wrong-secret-123456',
      user_id: USER_ID,
    });
    await journey.waitForMessage((text) => text.includes('did not accept the Client ID'));
    const corrected = await journey.submit(viewId, flowId, {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      user_id: USER_ID,
    });
    acks.push(corrected.body);
    expect(corrected.body.response_action).toBe('update');
    await journey.waitForMessage((text) => text.includes('Greenhouse is linked'));
    expect(greenhouse.requests.filter((request) => request.path === '/token')).toHaveLength(2);
  });
});
