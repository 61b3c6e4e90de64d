import { describe, expect, it } from 'vitest';
import { dumpRedis, SIGNING_SECRET } from '../support/bot.js';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import { askForHelp, dmsTo } from '../support/handover.js';
import { eventually, type Journey, settle, textOf } from '../support/journey.js';
import { walkToCredentials as walk, walkToStep } from '../support/linking.js';
import { encodeForm, type SlackReply, signature } from '../support/slackRequests.js';

/**
 * Replays: a request captured off the wire and sent again, byte for byte, with its signature.
 * Outside Slack's five-minute window the signature check refuses it; inside, the bot must act once.
 */

const ACCOUNT = greenhouseAccount('gh-secret-Replay8Vu7Ts6Rq5Po4Nm3Lk');
const { clientId: CLIENT_ID, secret: CLIENT_SECRET, userId: USER_ID } = ACCOUNT;
const HELPER = 'U0HELPER';

const PREREQUISITE = 'Can manage ALL organization';
const e2e = useE2e({ ...greenhouseSetup(ACCOUNT) });
const { vendors } = e2e;
const { acks } = e2e;

/** What the bot keeps: every flow, once-guard and connection (the reminder queue's bookkeeping aside). */
const appState = async () =>
  (await dumpRedis(e2e.running.keyPrefix))
    .split('\n')
    .filter((line) => !line.includes(':{reminders}:'))
    .sort()
    .join('\n');

/** Everything observable: Redis, and every call the bot made to Slack or Greenhouse. */
async function snapshot() {
  return {
    state: await appState(),
    slackCalls: e2e.slack.calls.filter((call) => call.method !== 'auth.test').length,
    responses: e2e.slack.responses.length,
    greenhouse: vendors.greenhouse.requests.length,
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
    body: e2e.running.sender.lastBody as string,
    timestamp: e2e.running.sender.lastTimestamp as number,
    contentType: 'application/x-www-form-urlencoded',
  };
}

/** Sends a captured request again, byte for byte, with the signature Slack gave it. */
function replay(captured: Captured): Promise<SlackReply> {
  return e2e.running.sender.raw({
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
    ['response_url', e2e.slack.responseUrl('replayed')],
    ['trigger_id', triggerId],
  ]);

const walkToCredentials = (journey: Journey) =>
  walk(journey, 'greenhouse', { prerequisite: PREREQUISITE, acks });

/** Replays a captured request once things settled: Slack gets a 200 and nothing else changes. */
async function expectReplayChangesNothing(
  captured: Captured,
  options: { settleMs?: number; emptyAck?: boolean } = {},
) {
  await settle(150);
  const before = await snapshot();
  const again = await replay(captured);
  acks.push(again.body);
  expect(again.status).toBe(200);
  if (options.emptyAck !== false) expect(again.text).toBe('');
  await settle(options.settleMs ?? 300);
  expect(await snapshot()).toEqual(before);
}

describe('outside the five-minute window', () => {
  it('refuses an old signed command, button click and form submission with 401, and changes nothing', async () => {
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 0);
    const begin = journey.button('flow.begin');
    const flowId = (begin.value as string).split('.')[0] as string;
    const before = await snapshot();

    const now = Math.floor(Date.now() / 1000);
    const click = e2e.running.sender.blockActionPayload({
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
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 0);
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
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 2);
    // Not even an "already moved on" notice: the second delivery finds its claim taken and says nothing.
    await expectReplayChangesNothing(captureLast());
    expect(textOf(journey.latestMessage()?.args.blocks)).toContain('Step 2 of 6');
  });

  it('a click delivered twice at once moves the setup one step and answers once', async () => {
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 0);
    const begin = journey.button('flow.begin');
    const click = e2e.running.sender.blockActionPayload({
      teamId: 'T0ACME',
      userId: 'U0ADMIN',
      actionId: begin.action_id,
      value: begin.value,
      channelId: 'DU0ADMIN',
      messageTs: journey.latestMessage()?.args.ts,
    }).payload;
    const captured: Captured = {
      body: encodeForm([['payload', JSON.stringify(click)]]),
      timestamp: Math.floor(Date.now() / 1000),
      contentType: 'application/x-www-form-urlencoded',
    };
    const callsBefore = e2e.slack.calls.length;
    // Both deliveries read the same version; the claim in the compare-and-set lets one of them act.
    const replies = await Promise.all([replay(captured), replay(captured)]);
    for (const reply of replies) expect(reply.status).toBe(200);
    await settle(300);
    const methods = e2e.slack.calls.slice(callsBefore).map((call) => call.method);
    expect(methods.filter((method) => method === 'chat.update')).toHaveLength(1);
    expect(methods.filter((method) => method === 'chat.postEphemeral')).toEqual([]);
    expect(textOf(journey.latestMessage()?.args.blocks)).toContain('Step 1 of 6');
  });

  it('a replayed slash command', async () => {
    const journey = e2e.journey();
    const first = await journey.command('link greenhouse');
    acks.push(first.body);
    expect(first.body.text).toMatch(/direct message/);
    await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
    // Acknowledged with nothing: no second reply, no second DM.
    await expectReplayChangesNothing(captureLast());
  });

  it('a replayed cancel does not answer a second time either', async () => {
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 0);
    const cancelled = await journey.command('cancel');
    expect(cancelled.body.text).toContain('Cancelled your Greenhouse setup');
    await expectReplayChangesNothing(captureLast(), { settleMs: 200 });
  });

  // Without the trigger_id claim in the views listener, a replay would run the whole check again.
  it('a replayed credentials submission does not run the check a second time', async () => {
    const journey = e2e.journey();
    const { viewId, flowId } = await walkToCredentials(journey);
    const submitted = await journey.submit(viewId, flowId, {
      client_id: CLIENT_ID,
      client_secret: 'wrong-secret-123456',
      user_id: USER_ID,
    });
    acks.push(submitted.body);
    expect(submitted.body.response_action).toBe('update');
    const captured = captureLast();
    await eventually(() => expect(e2e.slack.callsTo('views.update')).toHaveLength(1));
    await journey.waitForMessage((text) => text.includes('did not accept the Client ID'));
    await settle(150);
    const tokenCalls = () =>
      vendors.greenhouse.requests.filter((request) => request.path === '/token').length;
    expect(tokenCalls()).toBe(1);
    await expectReplayChangesNothing(captured, { settleMs: 500, emptyAck: false });
    expect(tokenCalls()).toBe(1);
  });

  it('a replayed "ask a colleague" submission does not ask the colleague again', async () => {
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 0);
    await askForHelp(journey, HELPER, 'Could you grant it?');
    const captured = captureLast();
    const toHelper = () => dmsTo(journey, HELPER).length;
    await eventually(() => expect(toHelper()).toBe(1));
    await settle(50);
    await expectReplayChangesNothing(captured, { settleMs: 400, emptyAck: false });
    expect(toHelper()).toBe(1);
  });

  it('two different submissions of the same form are not mistaken for a replay', async () => {
    // A corrected entry is a new submission with a new trigger_id: it must be checked.
    const journey = e2e.journey();
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
    expect(vendors.greenhouse.requests.filter((request) => request.path === '/token')).toHaveLength(2);
  });
});
