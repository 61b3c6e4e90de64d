import { webApi } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../support/fakeSlack.js';

const { WebClient, ErrorCode, LogLevel } = webApi;

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.reset();
});

const client = (opts: ConstructorParameters<typeof WebClient>[1] = {}) =>
  new WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR, ...opts });

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

describe('fakeSlack with a real @slack/web-api WebClient', () => {
  it('listens on 127.0.0.1 with an /api/ url', () => {
    expect(fake.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
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
    expect((await c.views.push({ trigger_id: 't2', view })).view?.id).not.toBe(id);
    const home = await c.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });
    expect(home.view?.type).toBe('home');
    fake.setUser('U7', { tz: 'Europe/Berlin', profile: { display_name: 'Ada', real_name: 'Ada L' } });
    const u = await c.users.info({ user: 'U7' });
    expect(u.user).toMatchObject({ id: 'U7', tz: 'Europe/Berlin', profile: { display_name: 'Ada' } });
    await expect(c.apiCall('made.up')).rejects.toMatchObject({
      data: { ok: false, error: 'unknown_method' },
    });
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
    const later = fake.waitFor((x) => x.method === 'users.info' && x.args.user === 'U5');
    setTimeout(() => void c.users.info({ user: 'U5' }), 20);
    await expect(later).resolves.toMatchObject({ args: { user: 'U5' } });
    await expect(fake.waitFor((x) => x.method === 'never', 50)).rejects.toThrow(/timed out after 50ms/);
  });

  it('records response_url POSTs (JSON, like Bolt respond()) and can script them', async () => {
    const url = fake.responseUrl('cmd-1');
    expect(url.startsWith('http://127.0.0.1:')).toBe(true);
    const wait = fake.waitForResponse((r) => r.id === 'cmd-1');
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'done', replace_original: true }),
    });
    expect(r.status).toBe(200);
    expect(await wait).toEqual({ id: 'cmd-1', body: { text: 'done', replace_original: true } });
    fake.scriptReply('response_url', { status: 404, body: 'expired_url' });
    expect((await fetch(fake.responseUrl('cmd-2'), { method: 'POST', body: '{}' })).status).toBe(404);
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
