/**
 * Proves SlackSender's requests are accepted and parsed by a real Bolt App (HTTPReceiver), and that the
 * app's Web API calls and respond() calls land in the fake Slack.
 */
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../support/fakeSlack.js';
import { SlackSender } from '../support/slackRequests.js';

type Any = any;

const SECRET = 'test-signing-secret';
/** Who sends the requests below: user U1 of team T0TEAM. */
const FROM_U1 = { teamId: 'T0TEAM', userId: 'U1' };
let fake: FakeSlack;
let app: App;
let sender: SlackSender;
const seen: { kind: string; body: Any; context?: Any }[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  app = new App({
    token: 'xoxb-bolt-token',
    signingSecret: SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });

  app.command('/wintro', async ({ ack, body, respond, client }) => {
    seen.push({ kind: 'command', body });
    await ack();
    await respond({ text: `got ${body.text}`, response_type: 'ephemeral' });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        callback_id: 'link',
        title: { type: 'plain_text', text: 'Link' },
        blocks: [],
      },
    });
  });
  app.action('start', async ({ ack, body, respond }) => {
    seen.push({ kind: 'action', body });
    await ack();
    await respond({ text: 'started', replace_original: true });
  });
  app.action('pick_user', async ({ ack, body }) => {
    seen.push({ kind: 'action', body });
    await ack();
  });
  app.view('link', async ({ ack, body, view }) => {
    seen.push({ kind: 'view', body });
    const key = view.state.values.key?.value?.value;
    if (key === 'bad') await ack({ response_action: 'errors', errors: { key: 'That key is not valid' } });
    else await ack();
  });
  app.view({ callback_id: 'link', type: 'view_closed' }, async ({ ack, body }) => {
    seen.push({ kind: 'closed', body });
    await ack();
  });
  app.event('app_home_opened', async ({ event, context }) => {
    seen.push({ kind: 'event', body: event, context });
  });

  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as {
    address(): AddressInfo | string | null;
  };
  const { port } = server.address() as AddressInfo;
  sender = new SlackSender({
    baseUrl: `http://127.0.0.1:${port}`,
    signingSecret: SECRET,
    responseUrl: fake.responseUrl,
  });
});

afterAll(async () => {
  await app.stop();
  await fake.close();
});

describe('SlackSender → Bolt HTTPReceiver', () => {
  it('slash command: parsed by Bolt, acked with empty 200, respond() and views.open reach the fake', async () => {
    const reply = await sender.command({
      ...FROM_U1,
      text: 'link workday',
      channelId: 'C9',
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expect(reply.body).toBeUndefined();
    const cmd = seen.find((s) => s.kind === 'command')?.body;
    expect(cmd).toMatchObject({
      command: '/wintro',
      text: 'link workday',
      team_id: 'T0TEAM',
      user_id: 'U1',
      channel_id: 'C9',
      trigger_id: reply.triggerId,
    });
    const resp = await fake.waitForResponse((r) => r.id === reply.responseUrlId);
    expect(resp.body).toEqual({ text: 'got link workday', response_type: 'ephemeral' });
    const open = await fake.waitFor((c) => c.method === 'views.open');
    expect(open.args.trigger_id).toBe(reply.triggerId);
    expect(open.token).toBe('xoxb-bolt-token');
    expect(open.args.view.callback_id).toBe('link');
    expect(fake.callsTo('auth.test').length).toBeGreaterThan(0);
  });

  it('block_actions button from a message: parsed, response_url works', async () => {
    const reply = await sender.blockAction({
      ...FROM_U1,
      actionId: 'start',
      value: 'wd',
    });
    expect(reply.status).toBe(200);
    const body = seen.filter((s) => s.kind === 'action').at(-1)?.body;
    expect(body).toMatchObject({
      type: 'block_actions',
      user: { id: 'U1' },
      team: { id: 'T0TEAM' },
      container: { type: 'message' },
      actions: [{ type: 'button', action_id: 'start', value: 'wd' }],
    });
    const resp = await fake.waitForResponse((r) => r.id === reply.responseUrlId);
    expect(resp.body).toMatchObject({ text: 'started', replace_original: true });
  });

  it('block_actions users_select inside a modal', async () => {
    await sender.blockAction({
      ...FROM_U1,
      actionId: 'pick_user',
      selectedUser: 'U77',
      view: { id: 'V1', callback_id: 'link', private_metadata: '{"s":1}' },
    });
    const body = seen.filter((s) => s.kind === 'action').at(-1)?.body;
    expect(body.actions[0]).toMatchObject({ type: 'users_select', selected_user: 'U77' });
    expect(body.view).toMatchObject({ id: 'V1', callback_id: 'link', private_metadata: '{"s":1}' });
    expect(body.container).toEqual({ type: 'view', view_id: 'V1' });
    expect(body.response_url).toBeUndefined();
  });

  it('view_submission: state values reach Bolt; response_action errors come back in the HTTP body', async () => {
    const ok = await sender.viewSubmission({
      ...FROM_U1,
      callbackId: 'link',
      privateMetadata: '{}',
      values: { key: { value: { type: 'plain_text_input', value: 'good' } } },
    });
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('');
    const bad = await sender.viewSubmission({
      ...FROM_U1,
      viewId: 'V123',
      callbackId: 'link',
      privateMetadata: '{"step":2}',
      values: { key: { value: { type: 'plain_text_input', value: 'bad' } } },
    });
    expect(bad.status).toBe(200);
    expect(bad.body).toEqual({ response_action: 'errors', errors: { key: 'That key is not valid' } });
    const body = seen.filter((s) => s.kind === 'view').at(-1)?.body;
    expect(body.view).toMatchObject({ id: 'V123', private_metadata: '{"step":2}' });
  });

  it('view_closed is routed', async () => {
    const r = await sender.viewClosed({
      ...FROM_U1,
      callbackId: 'link',
      privateMetadata: '',
    });
    expect(r.status).toBe(200);
    expect(seen.some((s) => s.kind === 'closed' && s.body.type === 'view_closed')).toBe(true);
  });

  it('events: JSON event_callback; retry headers surface in context', async () => {
    const r = await sender.event({
      teamId: 'T0TEAM',
      event: { type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home' },
      eventId: 'Ev0001',
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    expect(r.status).toBe(200);
    const ev = seen.filter((s) => s.kind === 'event').at(-1);
    expect(ev?.body).toMatchObject({ type: 'app_home_opened', user: 'U1' });
    expect(ev?.context).toMatchObject({ retryNum: 1, retryReason: 'http_timeout', teamId: 'T0TEAM' });
  });

  it('bad, missing and stale signatures are rejected with 401; replay of lastBody is accepted', async () => {
    // an action whose listener only acks, so nothing is still in flight when the fake closes
    await sender.blockAction({
      ...FROM_U1,
      actionId: 'pick_user',
      selectedUser: 'U2',
      view: { id: 'V9', callback_id: 'link', private_metadata: '' },
    });
    const body = sender.lastBody as string;
    const signedAt = sender.lastTimestamp as number;
    const ct = 'application/x-www-form-urlencoded';
    expect((await sender.raw({ body, contentType: ct, signature: 'v0=deadbeef' })).status).toBe(401);
    expect((await sender.raw({ body, contentType: ct, signature: null })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await sender.raw({ body, contentType: ct, timestamp: stale })).status).toBe(401);
    expect((await sender.raw({ body, contentType: ct, timestamp: signedAt })).status).toBe(200);
  });
});
