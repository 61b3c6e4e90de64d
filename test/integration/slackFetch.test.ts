import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackFetch } from '../../src/slack/slackFetch.js';
import { freePort } from '../support/freePort.js';
import { readBody, type Served, serveOnLoopback } from '../support/httpFake.js';

const TOKEN = 'xoxb-slack-fetch-test-token';
let served: Served;
const seen: { method?: string; url?: string; type?: string; auth?: string; body: string }[] = [];

beforeAll(async () => {
  served = await serveOnLoopback(async (req, res) => {
    const body = await readBody(req);
    seen.push({
      method: req.method,
      url: req.url,
      type: req.headers['content-type'],
      auth: req.headers.authorization,
      body,
    });
    if (req.url === '/api/chat.postMessage') {
      const posted = new URLSearchParams(body);
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-oauth-scopes', 'chat:write,im:write');
      res.end(
        JSON.stringify({ ok: true, channel: 'D0FETCH', ts: '1700000000.000100', text: posted.get('text') }),
      );
    } else if (req.url === '/api/chat.update') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: false, error: 'message_not_found' }));
    } else if (req.url === '/api/moved') {
      res.statusCode = 302;
      res.setHeader('location', 'http://127.0.0.1:1/elsewhere');
      res.end();
    } else if (req.url === '/api/chat.postEphemeral') {
      res.statusCode = 429;
      res.setHeader('retry-after', '7');
      res.end('slow down');
    } else if (req.url === '/respond') {
      res.statusCode = 404;
      res.end('expired_url');
    } else {
      res.statusCode = 500;
      res.end();
    }
  });
});

afterAll(async () => {
  await served.close();
});

const clientOf = (apiUrl = `${served.url}/api/`) =>
  new WebClient(TOKEN, {
    slackApiUrl: apiUrl,
    fetch: createSlackFetch(),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });

describe("the Slack clients' transport", () => {
  it('carries a Web API call: the form body and token go out, the answer and its headers come back', async () => {
    const result = await clientOf().chat.postMessage({
      channel: 'U0FETCH',
      text: 'Grüße aus dem Test',
      blocks: JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }]) as never,
    });
    expect(result).toMatchObject({ ok: true, channel: 'D0FETCH', text: 'Grüße aus dem Test' });
    expect(result.response_metadata?.scopes).toEqual(['chat:write', 'im:write']);
    const request = seen.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/api/chat.postMessage', auth: `Bearer ${TOKEN}` });
    expect(request?.type).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(request?.body);
    expect(form.get('text')).toBe('Grüße aus dem Test');
    expect(JSON.parse(form.get('blocks') ?? '[]')).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'hi' } },
    ]);
  });

  it("gives Slack's refusals, rate limits and other statuses to the client as they came", async () => {
    const client = clientOf();
    await expect(client.chat.update({ channel: 'D0FETCH', ts: '1.1', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { error: 'message_not_found' },
    });
    await expect(client.chat.postEphemeral({ channel: 'C0', user: 'U0', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 7,
    });
    await expect(client.apiCall('moved')).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 302,
    });
    // Not followed: the only request is the one to /api/moved.
    expect(seen.at(-1)?.url).toBe('/api/moved');
  });

  it("answers Bolt's respond() the way fetch does: a status to check", async () => {
    const slackFetch = createSlackFetch();
    const answer = await slackFetch(`${served.url}/respond`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'hello' }),
    });
    expect(answer.ok).toBe(false);
    expect(answer.status).toBe(404);
    expect(answer.statusText).toBe('Not Found');
    expect(await answer.text()).toBe('expired_url');
    // Its headers by any case of their names, and all of them in lower case, as fetch gives them.
    expect(answer.headers.get('Content-Length')).toBe('11');
    expect((answer.headers as unknown as Headers).has('content-length')).toBe(true);
    expect(answer.headers.get('x-not-sent')).toBeNull();
    expect(Object.fromEntries(answer.headers.entries())).toMatchObject({ 'content-length': '11' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/respond', type: 'application/json' });
  });

  it('fails without the token in its error when Slack cannot be reached', async () => {
    const port = await freePort();
    const error = (await clientOf(`http://127.0.0.1:${port}/api/`)
      .chat.postMessage({ channel: 'U0FETCH', text: 'x' })
      .catch((caught: unknown) => caught)) as Error & { original?: Error };
    expect(error).toBeInstanceOf(Error);
    expect((error as { code?: string }).code).toBe('slack_webapi_request_error');
    const everything =
      JSON.stringify(error, Object.getOwnPropertyNames(error)) + String(error.original?.message);
    expect(everything).toContain('could not be reached');
    expect(everything).not.toContain(TOKEN);
  });
});
