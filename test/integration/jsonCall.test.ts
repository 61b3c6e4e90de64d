import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KnownBlock } from '@slack/types';
import { ErrorCode, type FetchFunction } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isSlackFailure, slackErrorCode, slackGatewayFor, slackRetryAfter } from '../../src/slack/gateway.js';
import { createJsonCall } from '../../src/slack/jsonCall.js';
import { createSlackFetch } from '../../src/slack/slackFetch.js';
import { type FakeSlackServer, startFakeSlack } from '../support/fakeSlack.js';
import { freePort } from '../support/freePort.js';

const TOKEN = 'xoxb-json-call-test-token';
let slack: FakeSlackServer;

const optionsFor = (apiUrl: string, retries = 2) => ({
  slackApiUrl: apiUrl,
  fetch: createSlackFetch(),
  retryConfig: { retries, factor: 2, minTimeout: 10, maxTimeout: 40 },
  timeout: 5000,
  rejectRateLimitedCalls: true,
});

beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack.close();
});
beforeEach(() => slack.reset());

const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: '*Schritt 1* – Grüße' } }];

describe('message and view writes with a JSON body', () => {
  it('go out as JSON with the token in the header, the blocks as Slack reads them, and return Slack’s answer', async () => {
    const gateway = slackGatewayFor(TOKEN, optionsFor(slack.apiUrl));
    const posted = await gateway.post('U0JSON', { text: 'Grüße', blocks });
    await gateway.update(posted.channel, posted.ts, { text: 'Weiter', blocks });
    await gateway.ephemeral(posted.channel, 'U0JSON', 'Nur für Sie');

    const [post, update, ephemeral] = slack.calls;
    expect(post).toMatchObject({
      method: 'chat.postMessage',
      token: TOKEN,
      args: { channel: 'U0JSON', text: 'Grüße', blocks },
    });
    expect(post?.contentType).toBe('application/json; charset=utf-8');
    expect(post?.rawBody).not.toContain(TOKEN);
    expect(JSON.parse(post?.rawBody ?? '{}').blocks).toEqual(blocks);
    expect(posted).toEqual({ channel: post?.response.channel, ts: post?.response.ts });
    expect(update).toMatchObject({
      method: 'chat.update',
      args: { channel: posted.channel, ts: posted.ts, text: 'Weiter', blocks },
    });
    expect(ephemeral).toMatchObject({
      method: 'chat.postEphemeral',
      args: { channel: posted.channel, user: 'U0JSON', text: 'Nur für Sie' },
    });
  });

  it('send no Authorization header without a token, rather than an empty one', async () => {
    const sent: Record<string, string>[] = [];
    const transport = createSlackFetch();
    const options = {
      ...optionsFor(slack.apiUrl),
      fetch: ((url, init) => {
        sent.push({ ...(init?.headers ?? {}) });
        return transport(url, init);
      }) as FetchFunction,
    };
    slack.scriptReply('chat.postMessage', { body: { ok: false, error: 'not_authed' } });
    const error = await slackGatewayFor(undefined, options)
      .post('U0JSON', { text: 'x', blocks: [] })
      .catch((caught: unknown) => caught);
    expect(slackErrorCode(error)).toBe('not_authed');
    expect(Object.keys(sent[0] ?? {})).toEqual(['Content-Type']);
    await slackGatewayFor(TOKEN, options).post('U0JSON', { text: 'x', blocks: [] });
    expect(sent[1]).toMatchObject({ Authorization: `Bearer ${TOKEN}` });
  });

  it('fail on a refusal at once, with the Web API client’s error and Slack’s code', async () => {
    slack.scriptReply('chat.update', { body: { ok: false, error: 'message_not_found' } }, 5);
    const error = await slackGatewayFor(TOKEN, optionsFor(slack.apiUrl))
      .update('D0JSON', '1.2', { text: 'x', blocks: [] })
      .catch((caught: unknown) => caught);
    expect(slack.callsTo('chat.update')).toHaveLength(1);
    expect((error as { code?: string }).code).toBe(ErrorCode.PlatformError);
    expect(slackErrorCode(error)).toBe('message_not_found');
    expect(isSlackFailure(error)).toBe(true);
  });

  it('wait out a short rate limit once, and report a long one without waiting', async () => {
    const gateway = slackGatewayFor(TOKEN, optionsFor(slack.apiUrl));
    slack.scriptReply('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '0' },
      body: 'slow down',
    });
    await expect(gateway.post('U0JSON', { text: 'nach der Pause', blocks: [] })).resolves.toMatchObject({
      ts: expect.any(String),
    });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);

    slack.scriptReply('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '30' },
      body: 'slow down',
    });
    const error = await gateway
      .post('U0JSON', { text: 'zu lange', blocks: [] })
      .catch((caught: unknown) => caught);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
    expect((error as { code?: string }).code).toBe(ErrorCode.RateLimitedError);
    expect(slackRetryAfter(error)).toBe(30);
  });

  it('try an HTTP error again, as the client’s retries do, then fail with it', async () => {
    slack.scriptReply('views.update', { status: 503, body: 'unavailable' }, 2);
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Form' }, blocks: [] };
    await slackGatewayFor(TOKEN, optionsFor(slack.apiUrl)).updateModal('V0JSON', view);
    expect(slack.callsTo('views.update')).toHaveLength(3);
    expect(slack.callsTo('views.update')[2]?.args).toEqual({ view_id: 'V0JSON', view });

    slack.scriptReply('views.update', { status: 500, body: 'broken' }, 3);
    const error = await slackGatewayFor(TOKEN, optionsFor(slack.apiUrl, 1))
      .updateModal('V0JSON', view)
      .catch((caught: unknown) => caught);
    expect(slack.callsTo('views.update')).toHaveLength(5);
    expect((error as { code?: string }).code).toBe(ErrorCode.HTTPError);
    expect((error as { statusCode?: number }).statusCode).toBe(500);
  });

  it('give up on a Slack that does not answer in time', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const call = createJsonCall(TOKEN, { ...optionsFor(`http://127.0.0.1:${port}/api/`, 0), timeout: 150 });
      const started = Date.now();
      const error = await call('chat.postMessage', { channel: 'U0', text: 'x' }).catch(
        (caught: unknown) => caught,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      expect((error as { code?: string }).code).toBe(ErrorCode.RequestError);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }

    // The same call, answered, is not cut off by the timer it had.
    const answered = createJsonCall(TOKEN, { ...optionsFor(slack.apiUrl), timeout: 150 });
    await answered('chat.postMessage', { channel: 'U0', text: 'x' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('fail as a request error when Slack cannot be reached, tried again, and the token is in no error', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/api/`;
    const call = createJsonCall(TOKEN, optionsFor(closed, 1));
    const started = Date.now();
    const error = await call('chat.postMessage', { channel: 'U0', text: 'x' }).catch(
      (caught: unknown) => caught,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(10);
    expect((error as { code?: string }).code).toBe(ErrorCode.RequestError);
    expect(isSlackFailure(error)).toBe(true);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(TOKEN);
    expect(String((error as Error).stack)).not.toContain(TOKEN);
  });
});

describe('reads with a form body', () => {
  it('go out form-encoded with the token in the header, and read the person from Slack’s answer', async () => {
    const gateway = slackGatewayFor(TOKEN, optionsFor(slack.apiUrl));
    slack.setLocale('U0FORM', 'de-DE');
    slack.setTimeZone('U0FORM', 'Europe/Berlin');
    slack.setRole('U0FORM', 'owner');
    slack.setUsergroup('S0FORM', ['U0FORM', 'U0OTHER']);

    expect(await gateway.userLocale('U0FORM')).toBe('de-DE');
    expect(await gateway.userTimeZone?.('U0FORM')).toBe('Europe/Berlin');
    expect(await gateway.isWorkspaceAdmin('U0FORM')).toBe(true);
    expect(await gateway.isWorkspaceAdmin('U0PLAIN')).toBe(false);
    expect(await gateway.usergroupMembers('S0FORM')).toEqual(['U0FORM', 'U0OTHER']);
    expect(await gateway.openDm('U0FORM')).toMatch(/^D/);

    const [locale] = slack.calls;
    expect(locale).toMatchObject({
      method: 'users.info',
      token: TOKEN,
      args: { user: 'U0FORM', include_locale: 'true' },
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(locale?.rawBody).toBe('user=U0FORM&include_locale=true');
    expect(slack.calls.map((call) => call.method)).toEqual([
      'users.info',
      'users.info',
      'users.info',
      'users.info',
      'usergroups.users.list',
      'conversations.open',
    ]);
  });

  it('say no locale when Slack gives none, and fail on a refusal with Slack’s code', async () => {
    const gateway = slackGatewayFor(TOKEN, optionsFor(slack.apiUrl));
    slack.setLocale('U0NONE', undefined);
    expect(await gateway.userLocale('U0NONE')).toBeUndefined();

    slack.scriptReply('users.info', { body: { ok: false, error: 'user_not_found' } });
    const error = await gateway.userLocale('U0GONE').catch((caught: unknown) => caught);
    expect(slackErrorCode(error)).toBe('user_not_found');
    expect(isSlackFailure(error)).toBe(true);

    slack.scriptReply('usergroups.users.list', { status: 429, headers: { 'retry-after': '30' }, body: '' });
    const limited = await gateway.usergroupMembers('S0FORM').catch((caught: unknown) => caught);
    expect(slackRetryAfter(limited)).toBe(30);
  });
});
