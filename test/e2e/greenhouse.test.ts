import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOT_TOKEN, bootBot, deleteKeys, dumpRedis, type RunningBot } from '../support/bot.js';
import { type FakeGreenhouse, startFakeGreenhouse } from '../support/fakeGreenhouse.js';
import { type FakeSlack, startFakeSlack } from '../support/fakeSlack.js';
import { eventually, Journey, textOf } from '../support/journey.js';
import { responseViolations, slackLimitViolations } from '../support/slackLimits.js';

const CLIENT_ID = 'a1b2c3d4e5f6-7';
const CLIENT_SECRET = 'gh-secret-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2';
const USER_ID = '12345';
const ALL_SCOPES = [
  'harvest:users:list',
  'harvest:jobs:list',
  'harvest:candidates:list',
  'harvest:applications:list',
];

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
  greenhouse.requests.length = 0;
  greenhouse.mode = { kind: 'normal' };
  greenhouse.clients.clear();
  greenhouse.clients.set(CLIENT_ID, { secret: CLIENT_SECRET, scopes: [...ALL_SCOPES] });
  greenhouse.users.clear();
  greenhouse.users.add(USER_ID);
  acks.length = 0;
  running = await bootBot({
    slack,
    env: { GREENHOUSE_AUTH_URL: greenhouse.url, GREENHOUSE_API_URL: greenhouse.url },
  });
});

afterEach(async () => {
  // Nothing the bot sent may break Slack's limits, and no secret may leak anywhere.
  for (const call of slack.calls) expect(slackLimitViolations(call), `${call.method}`).toEqual([]);
  for (const ack of acks) expect(responseViolations(ack)).toEqual([]);
  await running.stop();
  const everywhere = [
    running.logs.text(),
    // The bot token belongs in the Authorization header of Web API calls, and nowhere else.
    JSON.stringify(slack.calls.map(({ method, args }) => ({ method, args }))),
    JSON.stringify(slack.responses),
    JSON.stringify(acks),
    await dumpRedis(running.keyPrefix),
  ].join('\n');
  for (const secret of [CLIENT_SECRET, BOT_TOKEN, ...greenhouse.issuedTokens]) {
    expect(everywhere.includes(secret), `secret ${secret.slice(0, 6)}… leaked`).toBe(false);
  }
  await deleteKeys(running.keyPrefix);
});

async function walkToCredentials(journey: Journey) {
  const reply = await journey.command('link greenhouse');
  acks.push(reply.body);
  expect(reply.status).toBe(200);
  expect(reply.body.response_type).toBe('ephemeral');
  expect(reply.body.text).toMatch(/direct message/);
  await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
  await journey.click('flow.begin');
  await journey.waitForMessage((text) => text.includes('Step 1 of 6'));
  for (let step = 2; step <= 6; step++) {
    await journey.click('flow.next');
    await journey.waitForMessage((text) => text.includes(`Step ${step} of 6`));
  }
  await journey.click('flow.credentials');
  const opened = await slack.waitFor((call) => call.method === 'views.open');
  return { viewId: 'V0FORM', flowId: opened.args.view.private_metadata as string, view: opened.args.view };
}

describe('linking Greenhouse end to end', () => {
  it('walks from the command to the channel notification', async () => {
    const journey = new Journey(slack, running.sender, 'T0ACME', 'U0ADMIN');
    const { viewId, flowId, view } = await walkToCredentials(journey);
    expect(view.blocks.map((block: any) => block.block_id).filter(Boolean)).toEqual([
      'client_id',
      'client_secret',
      'user_id',
    ]);
    expect(flowId).toMatch(/^[A-Za-z0-9_-]+$/);

    const submitted = await journey.submit(viewId, flowId, {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      user_id: `https://app.greenhouse.io/account/users/${USER_ID}`,
    });
    acks.push(submitted.body);
    expect(submitted.body.response_action).toBe('update');
    expect(textOf(submitted.body.view.blocks)).toContain('Checking with Greenhouse');

    const notification = await slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.channel === 'C0NOTIFY',
    );
    expect(notification.args.text).toContain('<@U0ADMIN>');
    expect(notification.args.text).toContain('Greenhouse');
    const done = await slack.waitFor(
      (call) => call.method === 'views.update' && call.args.view_id === viewId,
    );
    expect(textOf(done.args.view.blocks)).toContain('is linked');
    await journey.waitForMessage((text) => text.includes('Greenhouse is linked'));

    // The token request is exactly what Greenhouse documents.
    const tokenRequest = greenhouse.requests.find((request) => request.path === '/token');
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenRequest?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
    );
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenRequest?.body))).toEqual({
      grant_type: 'client_credentials',
      sub: USER_ID,
    });
    const probed = greenhouse.requests
      .filter((request) => request.method === 'GET')
      .map((request) => request.path);
    expect(probed.sort()).toEqual(['/v3/applications', '/v3/candidates', '/v3/jobs', '/v3/users']);

    // Stored sealed: the record is there, the secret is not (checked for every test in afterEach).
    const stored = await dumpRedis(running.keyPrefix);
    expect(stored).toContain(':conns');
    expect(stored).toMatch(/v1\.[0-9a-f]{8}\./);

    const status = await journey.command('status');
    expect(textOf(status.body.blocks)).toMatch(/Greenhouse\*: linked by <@U0ADMIN>/);
    await eventually(() =>
      expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0NOTIFY')).toHaveLength(1),
    );
  });
});
