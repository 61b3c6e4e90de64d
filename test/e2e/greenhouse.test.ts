import { describe, expect, it } from 'vitest';
import { dumpRedis, SIGNING_SECRET } from '../support/bot.js';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import { eventually, type Journey, textOf } from '../support/journey.js';
import {
  failedCheck as failedCheckOf,
  fieldsOf,
  notifications,
  submitAndExpectLinked,
  walkToCredentials as walk,
  walkToStep,
} from '../support/linking.js';
import { signature } from '../support/slackRequests.js';
import { itSaysWhatWentWrong } from '../support/vendorOutages.js';

const ACCOUNT = greenhouseAccount('gh-secret-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2');
const { clientId: CLIENT_ID, secret: CLIENT_SECRET, userId: USER_ID } = ACCOUNT;
const PREREQUISITE = 'Can manage ALL organization';

const e2e = useE2e({ ...greenhouseSetup(ACCOUNT) });
const { vendors } = e2e;
const { acks } = e2e;
const options = { prerequisite: PREREQUISITE, acks };

const walkToCredentials = (journey: Journey) => walk(journey, 'greenhouse', options);
const failedCheck = (journey: Journey, values: Record<string, string>) =>
  failedCheckOf(journey, 'greenhouse', options, values);

describe('linking Greenhouse end to end', () => {
  it('walks from the command to the channel notification', async () => {
    const journey = e2e.journey();
    const { viewId, flowId, view } = await walkToCredentials(journey);
    expect(fieldsOf(view)).toEqual(['client_id', 'client_secret', 'user_id']);
    expect(flowId).toMatch(/^[A-Za-z0-9_-]+$/);

    await submitAndExpectLinked(
      journey,
      { viewId, flowId, view: {} },
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        user_id: `https://app.greenhouse.io/account/users/${USER_ID}`,
      },
      { system: 'Greenhouse', acks },
    );

    // The token request is exactly what Greenhouse documents.
    const tokenRequest = vendors.greenhouse.requests.find((request) => request.path === '/token');
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenRequest?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
    );
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenRequest?.body))).toEqual({
      grant_type: 'client_credentials',
      sub: USER_ID,
    });
    const probed = vendors.greenhouse.requests
      .filter((request) => request.method === 'GET')
      .map((request) => request.path);
    expect(probed.sort()).toEqual(['/v3/applications', '/v3/candidates', '/v3/jobs', '/v3/users']);

    // Stored sealed: the record is there, the secret is not (checked for every test in afterEach).
    const stored = await dumpRedis(e2e.running.keyPrefix);
    expect(stored).toContain(':conns');
    expect(stored).toMatch(/v1\.[0-9a-f]{8}\./);

    const status = await journey.command('status');
    expect(textOf(status.body.blocks)).toMatch(/Greenhouse\*: linked by <@U0ADMIN>/);
    // Slack was asked who the token belongs to once, at start, not on every request.
    expect(e2e.slack.callsTo('auth.test')).toHaveLength(1);
    await eventually(() => expect(notifications(journey)).toHaveLength(1));
  });

  const good = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, user_id: USER_ID };

  it('explains rejected client credentials, and a corrected retry links without starting over', async () => {
    const journey = e2e.journey();
    const { viewId, flowId, resultText, resultView } = await failedCheck(journey, {
      ...good,
      client_secret: 'wrong-secret-123456',
    });
    expect(resultText).toContain('did not accept the Client ID and Client Secret');
    expect(resultView.submit.text).toBe('Check again');
    await journey.waitForMessage((text) => text.includes('did not accept the Client ID'));

    const retried = await journey.submit(viewId, flowId, good);
    expect(retried.body.response_action).toBe('update');
    await journey.waitForMessage((text) => text.includes('Greenhouse is linked'));
    expect(e2e.slack.callsTo('views.open')).toHaveLength(1);
  });

  it('treats a client id Greenhouse calls malformed as wrong credentials', async () => {
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, { ...good, client_id: 'notaclientid' });
    expect(resultText).toContain('did not accept the Client ID');
  });

  it('names an unknown user id', async () => {
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, { ...good, user_id: '999' });
    expect(resultText).toContain('Greenhouse does not know that user id');
    expect(resultText).toContain('/account/users/');
  });

  it('names the missing scopes and where to tick them', async () => {
    vendors.greenhouse.clients.set(CLIENT_ID, {
      secret: CLIENT_SECRET,
      scopes: ['harvest:users:list', 'harvest:jobs:list'],
    });
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, good);
    expect(resultText).toContain('harvest:candidates:list');
    expect(resultText).toContain('harvest:applications:list');
    expect(resultText).not.toContain('harvest:users:list');
    expect(resultText).toContain('Manage scopes');
    const dm = await journey.waitForMessage((text) => text.includes('harvest:candidates:list'));
    expect(textOf(dm.args.blocks)).toContain('Enter credentials');
  });

  itSaysWhatWentWrong('Greenhouse', e2e, {
    check: (journey) => failedCheck(journey, good),
    setMode: (mode) => Object.assign(vendors.greenhouse, { mode }),
    unreachable: { GREENHOUSE_AUTH_URL: 'http://127.0.0.1:9', GREENHOUSE_API_URL: 'http://127.0.0.1:9' },
    rateLimited: { good, field: 'client_id', requests: () => vendors.greenhouse.requests.length },
  });

  it('shows format problems inline without calling Greenhouse, and recognises a legacy Harvest key', async () => {
    const journey = e2e.journey();
    const { viewId, flowId } = await walkToCredentials(journey);
    const bad = await journey.submit(viewId, flowId, {
      client_id: 'has spaces in it',
      client_secret: '',
      user_id: 'abc',
    });
    acks.push(bad.body);
    expect(bad.body.response_action).toBe('errors');
    expect(Object.keys(bad.body.errors).sort()).toEqual(['client_id', 'client_secret', 'user_id']);
    expect(bad.body.errors.user_id).toContain('a number such as 12345');

    const legacy = await journey.submit(viewId, flowId, {
      client_id: '0123456789abcdef0123456789abcdef-3',
      client_secret: '',
      user_id: USER_ID,
    });
    acks.push(legacy.body);
    expect(legacy.body.errors.client_id).toContain('31 August 2026');
    expect(legacy.body.errors.client_id).toContain('Harvest V3 (OAuth)');
    expect(vendors.greenhouse.requests).toHaveLength(0);
  });

  it('links once and notifies once when the form is submitted twice', async () => {
    vendors.greenhouse.mode = { kind: 'slow', delayMs: 300 };
    const journey = e2e.journey();
    const { viewId, flowId } = await walkToCredentials(journey);
    const [first, second] = await Promise.all([
      journey.submit(viewId, flowId, good),
      journey.submit(viewId, flowId, good),
    ]);
    const actions = [first.body.response_action, second.body.response_action].sort();
    expect(actions).toEqual(['errors', 'update']);
    await journey.waitForMessage((text) => text.includes('Greenhouse is linked'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      e2e.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0NOTIFY'),
    ).toHaveLength(1);
    expect(vendors.greenhouse.requests.filter((request) => request.path === '/token')).toHaveLength(1);
  });
});

describe('the flow in Slack', () => {
  it('makes one step of two simultaneous clicks on the same button', async () => {
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 1);
    const next = journey.button('flow.next');
    await Promise.all([
      journey.click('flow.next', { button: next }),
      journey.click('flow.next', { button: next }),
    ]);
    await journey.waitForMessage((text) => text.includes('Step 2 of 6'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(textOf(journey.latestMessage()?.args.blocks)).toContain('Step 2 of 6');
    const notices = e2e.slack.callsTo('chat.postEphemeral');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.args.text).toContain('already moved on');
  });

  it('acts once on a retried request', async () => {
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 0);
    const body = e2e.running.sender.lastBody as string;
    const timestamp = e2e.running.sender.lastTimestamp as number;
    const replay = await e2e.running.sender.raw({
      body,
      contentType: 'application/x-www-form-urlencoded',
      timestamp,
      signature: signature(SIGNING_SECRET, timestamp, body),
      extraHeaders: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(replay.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(e2e.slack.callsTo('chat.postMessage').filter((call) => call.channel === 'DU0ADMIN')).toHaveLength(
      1,
    );
  });

  it('rejects bad, missing and stale signatures and changes nothing', async () => {
    const body =
      'token=x&team_id=T0ACME&user_id=U0ADMIN&command=%2Fwintro&text=link+greenhouse&trigger_id=1.2.3';
    const now = Math.floor(Date.now() / 1000);
    // The reminder queue keeps its own bookkeeping; what matters is that no flow state changed.
    const appState = async () =>
      (await dumpRedis(e2e.running.keyPrefix))
        .split('\n')
        .filter((line) => !line.includes(':{reminders}:'))
        .join('\n');
    const before = await appState();
    const forged = await e2e.running.sender.raw({
      body,
      contentType: 'application/x-www-form-urlencoded',
      timestamp: now,
      signature: signature('not-the-secret', now, body),
    });
    const missing = await e2e.running.sender.raw({
      body,
      contentType: 'application/x-www-form-urlencoded',
      signature: null,
    });
    const stale = await e2e.running.sender.raw({
      body,
      contentType: 'application/x-www-form-urlencoded',
      timestamp: now - 600,
      signature: signature(SIGNING_SECRET, now - 600, body),
    });
    for (const reply of [forged, missing, stale]) expect(reply.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(e2e.slack.calls.filter((call) => call.method !== 'auth.test')).toHaveLength(0);
    expect(await appState()).toBe(before);
    expect(before).not.toContain(':flow:');
  });

  it('continues after a restart of the bot, from the same step', async () => {
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 2);
    const next = journey.button('flow.next');

    await e2e.restart({}, e2e.running);
    const restarted = e2e.journey();
    await restarted.click('flow.next', { button: next });
    await restarted.waitForMessage((text) => text.includes('Step 3 of 6'));
    const status = await restarted.command('status');
    expect(textOf(status.body.blocks)).toContain('step 3 of 6');
  });

  it('says so when an expired flow is clicked', async () => {
    await e2e.restart({ WINTRO_FLOW_TTL_SECONDS: '1' });
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 0);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await journey.click('flow.begin');
    const notice = await e2e.slack.waitFor((call) => call.method === 'chat.postEphemeral');
    expect(notice.args.text).toContain('expired');
    expect(notice.args.text).toContain('/wintro link');
  });

  it('refuses a click from someone who is not running the setup', async () => {
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 0);
    await journey.click('flow.begin', { as: 'U0STRANGER' });
    const notice = await e2e.slack.waitFor((call) => call.method === 'chat.postEphemeral');
    expect(notice.args.user).toBe('U0STRANGER');
    expect(notice.args.text).toContain('Only <@U0ADMIN>');
    expect(textOf(journey.latestMessage()?.args.blocks)).not.toContain('Step 1 of 6');
  });

  it('keeps teams apart: another team cannot move a flow it did not start', async () => {
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 0);
    const begin = journey.button('flow.begin');
    const other = e2e.journey('U0ADMIN', 'T0OTHER');
    await other.click('flow.begin', { button: begin });
    const notice = await e2e.slack.waitFor((call) => call.method === 'chat.postEphemeral');
    expect(notice.args.text).toContain('expired');
    expect(textOf(journey.latestMessage()?.args.blocks)).toContain('Can manage ALL organization');
  });

  it('resumes where the admin stopped when the command is run again', async () => {
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 1);
    await journey.command('link gh');
    await eventually(() =>
      expect(e2e.slack.callsTo('chat.postMessage').filter((c) => c.channel === 'DU0ADMIN')).toHaveLength(2),
    );
    // The setup moves to the bottom of the DM: its old message is redrawn without its buttons (the
    // one chat.update of a resumed setup), so only the newer message can be clicked.
    const [first] = e2e.slack.callsTo('chat.postMessage').filter((c) => c.channel === 'DU0ADMIN');
    const redraws = () =>
      e2e.slack.callsTo('chat.update').filter((call) => call.args.ts === first?.response?.ts);
    await eventually(() =>
      expect(redraws().at(-1)?.args.text).toContain('continues in a newer message below'),
    );
    expect(JSON.stringify(redraws().at(-1)?.args.blocks)).not.toContain('flow.next');
    await journey.waitForMessage((text) => text.includes('Step 1 of 6'));
    await journey.click('flow.next');
    await journey.waitForMessage((text) => text.includes('Step 2 of 6'));
  });

  it('goes back, cancels, and reports status', async () => {
    const journey = e2e.journey();
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 1);
    await journey.click('flow.back');
    await journey.waitForMessage((text) => text.includes('Before you start'));
    const status = await journey.command('status');
    expect(textOf(status.body.blocks)).toContain('checking the prerequisites');
    const cancelled = await journey.command('cancel');
    expect(cancelled.body.text).toContain('Cancelled your Greenhouse setup');
    await journey.waitForMessage((text) => text.includes('Setup cancelled'));
    const none = await journey.command('cancel');
    expect(none.body.text).toContain('no setup in progress');
    const after = await journey.command('status');
    expect(textOf(after.body.blocks)).toContain('Greenhouse*: not linked');
  });

  it('answers help, the picker, misspellings and nonsense', async () => {
    const journey = e2e.journey();
    const help = await journey.command('help');
    expect(textOf(help.body.blocks)).toContain('/wintro link');
    const empty = await journey.command('');
    expect(textOf(empty.body.blocks)).toContain('/wintro status');
    const picker = await journey.command('link');
    const choices = picker.body.blocks.flatMap((block: any) => block.elements ?? []);
    expect(choices.map((choice: any) => choice.action_id)).toContain('pick.system:system:greenhouse');
    const typo = await journey.command('link grenhouse');
    expect(typo.body.text).toContain('Did you mean Greenhouse');
    const verbTypo = await journey.command('stauts');
    expect(verbTypo.body.text).toContain('/wintro status');
    const nonsense = await journey.command('<!channel> please');
    expect(JSON.stringify(nonsense.body)).not.toContain('<!channel>');
    for (const reply of [help, empty, picker, typo, verbTypo, nonsense]) {
      acks.push(reply.body);
      expect(reply.body.response_type).toBe('ephemeral');
    }
    expect(e2e.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('starts the flow from the picker', async () => {
    const journey = e2e.journey();
    const picker = await journey.command('link');
    const choice = picker.body.blocks
      .flatMap((block: any) => block.elements ?? [])
      .find((element: any) => element.action_id === 'pick.system:system:greenhouse');
    await journey.click(choice.action_id, { button: choice });
    await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
  });
});
