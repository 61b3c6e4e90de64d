/**
 * The fake Slack as the `fetch` the bot's Web API client (and Bolt's respond()) calls: no socket,
 * no network. Requests are decoded exactly as the HTTP transport decodes them (fakeSlackCore.ts);
 * the URLs are on a host that does not exist, so nothing could reach a real Slack by mistake.
 */
import type { FetchFunction } from '@slack/web-api';
import {
  createFakeSlackCore,
  type FakeReply,
  type FakeSlack,
  type FakeSlackOptions,
} from './fakeSlackCore.js';

export interface InProcessSlack extends FakeSlack {
  /** Hand to `createWintroApp(config, { slackFetch })`; carries every Web API call and response_url post. */
  fetch: FetchFunction;
}

const BASE_URL = 'https://slack.invalid';

function toResponse({ status, body, headers }: FakeReply): Response {
  const out = new Headers(headers);
  let payload: string | null = null;
  if (typeof body === 'string') {
    payload = body;
    if (!out.has('content-type')) out.set('content-type', 'text/plain; charset=utf-8');
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    if (!out.has('content-type')) out.set('content-type', 'application/json; charset=utf-8');
  }
  return new Response(payload, { status, headers: out });
}

const header = (headers: Record<string, string> | undefined, name: string) =>
  Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];

export function createInProcessSlack(options: FakeSlackOptions = {}): InProcessSlack {
  const core = createFakeSlackCore(options);
  const fetch: FetchFunction = async (input, init = {}) => {
    const url = new URL(String(input));
    if (init.signal?.aborted) throw init.signal.reason;
    if (typeof init.body !== 'string' && init.body !== undefined) {
      throw new Error('fakeSlackFetch: the bot sent a multipart body, which it never should');
    }
    const rawBody = init.body ?? '';
    const contentType = header(init.headers, 'content-type');
    // Answer on a later turn of the event loop, as a network round trip would.
    await new Promise((resolve) => setImmediate(resolve));
    // Anywhere else is the network, which this tier does not have.
    if (url.origin !== BASE_URL) throw new TypeError(`fetch failed: ${url.origin} is not the fake Slack`);
    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname)?.[1];
    if (api) {
      const authorization = header(init.headers, 'authorization');
      return toResponse(core.apiCall(api, { rawBody, contentType, authorization, query: url.searchParams }));
    }
    const responseId = /^\/response\/(.+)$/.exec(url.pathname)?.[1];
    if (responseId && init.method === 'POST') {
      return toResponse(core.responseUrlPost(decodeURIComponent(responseId), rawBody, contentType));
    }
    return toResponse({ status: 404, body: { ok: false, error: 'not_found' }, headers: {} });
  };
  return {
    ...core,
    fetch,
    apiUrl: `${BASE_URL}/api/`,
    responseUrl: (id) => `${BASE_URL}/response/${encodeURIComponent(id)}`,
    close: async () => undefined,
  };
}
