import { webApi } from '@slack/bolt';
import type { FetchFunction } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack } from '../support/fakeSlack.js';
import type { FakeSlack } from '../support/fakeSlackCore.js';
import { createInProcessSlack } from '../support/fakeSlackFetch.js';

const { WebClient, ErrorCode, LogLevel } = webApi;

const blocks = [
  { type: 'header', text: { type: 'plain_text', text: 'Link your HR system' } },
  {
    type: 'actions',
    block_id: 'a',
    elements: [
      { type: 'button', action_id: 'start', text: { type: 'plain_text', text: 'Start' }, value: 'x' },
    ],
  },
];

/** One core, two transports: every test below runs against both, with the same expectations. */
const TRANSPORTS: {
  name: string;
  start: () => Promise<FakeSlack & { fetch?: FetchFunction }>;
  apiUrl: RegExp;
}[] = [
  { name: 'over HTTP', start: () => startFakeSlack(), apiUrl: /^http:\/\/127\.0\.0\.1:\d+\/api\/$/ },
  {
    name: 'as a fetch function',
    start: async () => createInProcessSlack(),
    apiUrl: /^https:\/\/slack\.invalid\/api\/$/,
  },
];

describe.each(TRANSPORTS)('fakeSlack $name with a real @slack/web-api WebClient', ({ start, apiUrl }) => {
  let fake: FakeSlack & { fetch?: FetchFunction };
  beforeAll(async () => {
    fake = await start();
  });
  afterAll(async () => {
    await fake.close();
  });
  afterEach(() => {
    fake.reset();
  });

  const client = (opts: ConstructorParameters<typeof WebClient>[1] = {}) =>
    new WebClient('xoxb-test-token', {
      slackApiUrl: fake.apiUrl,
      logLevel: LogLevel.ERROR,
      ...(fake.fetch ? { fetch: fake.fetch } : {}),
      ...opts,
    });
  const post = (url: string, init: { method: string; headers?: Record<string, string>; body: string }) =>
    fake.fetch ? fake.fetch(url, init) : fetch(url, init);

  it('has an /api/ url on its own host', () => {
    expect(fake.apiUrl).toMatch(apiUrl);
  });

  it('records chat.postMessage with decoded blocks, bearer token, and answers the real shape', async () => {
    const res = await client().chat.postMessage({
      channel: 'C123',
      text: 'fallback',
      blocks,
      unfurl_links: false,
      metadata: { event_type: 'linking', event_payload: { step: 1 } },
    });
    expect(res.ok).toBe(true);
    expect(res.channel).toBe('C123');
    expect(res.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(res.message?.text).toBe('fallback');

    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.token).toBe('xoxb-test-token');
    expect(call?.contentType).toBe('application/x-www-form-urlencoded');
    expect(call?.args.blocks).toEqual(blocks);
    expect(call?.args.metadata).toEqual({ event_type: 'linking', event_payload: { step: 1 } });
    // scalars travel as strings in the form body
    expect(call?.args.unfurl_links).toBe('false');
    expect(call?.args).not.toHaveProperty('token');
  });

  it('gives unique, increasing ts values; posting to a user id answers with the DM channel', async () => {
    const c = client();
    const a = await c.chat.postMessage({ channel: 'U42', text: 'one' });
    const b = await c.chat.postMessage({ channel: 'U42', text: 'two' });
    expect(a.channel).toBe('DU42');
    expect(Number(b.ts)).toBeGreaterThan(Number(a.ts));
  });

  it('answers the other supported methods with Slack’s success shapes', async () => {
    const c = client();
    expect(await c.auth.test()).toMatchObject({
      ok: true,
      team_id: 'T0TEAM',
      user_id: 'UBOT',
      bot_id: 'BBOT',
    });
    expect((await c.conversations.open({ users: 'U9' })).channel?.id).toBe('DU9');
    const upd = await c.chat.update({ channel: 'C1', ts: '1700000000.000100', text: 'new', blocks });
    expect(upd).toMatchObject({ ok: true, channel: 'C1', ts: '1700000000.000100', text: 'new' });
    expect((await c.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'psst' })).message_ts).toMatch(
      /\./,
    );
    const view = {
      type: 'modal' as const,
      callback_id: 'cb',
      private_metadata: '{"a":1}',
      title: { type: 'plain_text' as const, text: 'Title' },
      blocks: [],
    };
    const opened = await c.views.open({ trigger_id: 'trig', view });
    expect(opened.view?.id).toMatch(/^V/);
    expect(opened.view).toMatchObject({ callback_id: 'cb', private_metadata: '{"a":1}', type: 'modal' });
    const id = opened.view?.id as string;
    const updated = await c.views.update({ view_id: id, hash: opened.view?.hash as string, view });
    expect(updated.view?.id).toBe(id);
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    await expect(
      c.views.update({ view_id: id, hash: opened.view?.hash as string, view }),
    ).rejects.toMatchObject({
      data: { error: 'hash_conflict' },
    });
    // Only the methods the bot calls are answered; anything else is a method Slack does not have.
    expect((await c.users.info({ user: 'U7' })).user).toMatchObject({ id: 'U7', tz: 'UTC', tz_offset: 0 });
    for (const method of ['made.up', 'views.push', 'chat.delete']) {
      await expect(c.apiCall(method)).rejects.toMatchObject({ data: { ok: false, error: 'unknown_method' } });
    }
    expect(fake.callsTo('views.open')[0]?.args.view).toEqual(view);
  });

  it('answers a scripted 429 with retry-after; the WebClient waits and retries', async () => {
    fake.scriptReply('chat.postMessage', { status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    const res = await client().chat.postMessage({ channel: 'C1', text: 'after rate limit' });
    expect(res.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('a scripted 429 surfaces as a rate-limited error when the client rejects rate-limited calls', async () => {
    fake.scriptReply('chat.postMessage', { status: 429, headers: { 'retry-after': '7' } });
    await expect(
      client({ rejectRateLimitedCalls: true }).chat.postMessage({ channel: 'C1', text: 'x' }),
    ).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
  });

  it('scripts platform errors and HTTP 500s, N times, then goes back to normal', async () => {
    fake.scriptReply('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } }, 2);
    const c = client({ retryConfig: { retries: 0 } });
    for (let i = 0; i < 2; i++) {
      await expect(c.chat.postMessage({ channel: 'C1', text: 'x', blocks })).rejects.toMatchObject({
        code: ErrorCode.PlatformError,
        data: { error: 'invalid_blocks' },
      });
    }
    expect((await c.chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);

    fake.scriptReply('views.open', { status: 500 });
    await expect(
      c.views.open({
        trigger_id: 't',
        view: { type: 'modal', title: { type: 'plain_text', text: 't' }, blocks: [] },
      }),
    ).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 500,
    });
  });

  it('waitFor resolves for past and future calls, and times out with a useful message', async () => {
    const c = client();
    await c.chat.postMessage({ channel: 'C1', text: 'first' });
    await expect(fake.waitFor((x) => x.args.text === 'first')).resolves.toMatchObject({
      method: 'chat.postMessage',
    });
    const later = fake.waitFor((x) => x.method === 'conversations.open' && x.args.users === 'U5');
    setTimeout(() => void c.conversations.open({ users: 'U5' }), 20);
    await expect(later).resolves.toMatchObject({ args: { users: 'U5' } });
    await expect(fake.waitFor((x) => x.method === 'never', 50)).rejects.toThrow(/timed out after 50ms/);
  });

  it('records response_url POSTs (JSON, like Bolt respond()) and can script them', async () => {
    const url = fake.responseUrl('cmd-1');
    expect(url.startsWith(new URL(fake.apiUrl).origin)).toBe(true);
    const wait = fake.waitForResponse((r) => r.id === 'cmd-1');
    const r = await post(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'done', replace_original: true }),
    });
    expect(r.status).toBe(200);
    expect(await wait).toEqual({ id: 'cmd-1', body: { text: 'done', replace_original: true } });
    fake.scriptReply('response_url', { status: 404, body: 'expired_url' });
    expect((await post(fake.responseUrl('cmd-2'), { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('reset clears calls, responses and scripts', async () => {
    fake.scriptReply('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    await client().chat.postMessage({ channel: 'C1', text: 'x' });
    fake.reset();
    expect(fake.calls).toHaveLength(0);
    expect((await client().auth.test()).ok).toBe(true);
  });
});

describe('fakeSlack strict mode', () => {
  it('rejects calls that break Slack limits like Slack does', async () => {
    const strict = await startFakeSlack({ strict: true });
    try {
      const quiet = {
        debug() {},
        info() {},
        warn() {},
        error() {},
        setLevel() {},
        getLevel: () => LogLevel.ERROR,
        setName() {},
      };
      const c = new WebClient('xoxb-t', { slackApiUrl: strict.apiUrl, logger: quiet });
      await expect(c.chat.postMessage({ channel: 'C1', blocks })).rejects.toMatchObject({
        data: { error: 'invalid_blocks' },
      });
      expect((await c.chat.postMessage({ channel: 'C1', text: 'fallback', blocks })).ok).toBe(true);
    } finally {
      await strict.close();
    }
  });
});

describe('fakeSlack as a fetch function', () => {
  it('records exactly what the HTTP transport records for the same call', async () => {
    const overHttp = await startFakeSlack();
    const inProcess = createInProcessSlack();
    try {
      const args = { channel: 'U42', text: 'a & b = c', blocks, unfurl_links: false };
      await new WebClient('xoxb-t', { slackApiUrl: overHttp.apiUrl }).chat.postMessage(args);
      await new WebClient('xoxb-t', {
        slackApiUrl: inProcess.apiUrl,
        fetch: inProcess.fetch,
      }).chat.postMessage(args);
      const strip = ({ at: _at, ...call }: { at: number }) => call;
      expect(strip(inProcess.calls[0] as { at: number })).toEqual(strip(overHttp.calls[0] as { at: number }));
    } finally {
      await overHttp.close();
    }
  });

  it('never reaches any other host', async () => {
    const inProcess = createInProcessSlack();
    await expect(inProcess.fetch('https://slack.com/api/auth.test', { method: 'POST' })).rejects.toThrow(
      /not the fake Slack/,
    );
    expect(inProcess.calls).toHaveLength(0);
  });
});
