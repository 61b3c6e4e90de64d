import { STATUS_CODES } from 'node:http';
import type { FetchFunction } from '@slack/web-api';
import { Agent, request } from 'undici';

/** What a Slack client reads of an answer: the few members of fetch's Response it uses. */
type SlackAnswer = Pick<
  Response,
  'status' | 'statusText' | 'ok' | 'url' | 'headers' | 'text' | 'arrayBuffer' | 'json'
>;

/** Slack's answers are small JSON; anything bigger is not Slack. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

type RawHeaders = Record<string, string | string[] | undefined>;

const joined = (value: string | string[]) => (Array.isArray(value) ? value.join(', ') : value);

/**
 * The answer's headers as the Slack clients read them (`get`, `has`, `entries`), over undici's
 * object of lower-cased names: building WHATWG `Headers` for every answer cost more than reading it.
 */
const headersOf = (raw: RawHeaders) =>
  ({
    get: (name: string) => {
      const value = raw[name.toLowerCase()];
      return value === undefined ? null : joined(value);
    },
    has: (name: string) => raw[name.toLowerCase()] !== undefined,
    *entries() {
      for (const [name, value] of Object.entries(raw)) if (value !== undefined) yield [name, joined(value)];
    },
  }) as unknown as Headers;

/**
 * The `fetch` the Slack clients are given (the Web API client and Bolt's `respond`): undici's
 * request API under the part of fetch's Response they read. Node's own fetch builds a Request,
 * WHATWG streams and their controllers for every call, which cost a Slack call more CPU than the
 * rest of its work. The answer is read whole before it is handed on (Slack's are small), so a
 * client that never reads one (a 429) cannot hold a connection. Redirects are not followed:
 * Slack's API does not redirect, and a token must not follow one.
 * Anything but a text body (a file upload's form data) goes through Node's fetch as before.
 * A failure carries a short reason only: undici's errors can hold the request's headers, and
 * those hold the token.
 */
export function createSlackFetch(dispatcher = new Agent({ keepAliveTimeout: 30_000 })): FetchFunction {
  const slackFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
    const { body } = init;
    if (url === undefined || (body !== undefined && body !== null && typeof body !== 'string')) {
      return fetch(input, init);
    }
    let answer: Awaited<ReturnType<typeof request>>;
    try {
      answer = await request(url, {
        method: (init.method ?? 'GET') as 'GET' | 'POST',
        headers: init.headers as Record<string, string> | undefined,
        body: body ?? undefined,
        signal: init.signal ?? undefined,
        dispatcher,
      });
    } catch (error) {
      throw new Error(`Slack could not be reached (${(error as { code?: string }).code ?? 'no answer'})`);
    }
    const declared = Number(answer.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_ANSWER_BYTES) {
      answer.body.destroy();
      throw new Error('Slack answered with more than a Slack answer holds');
    }
    const bytes = Buffer.from(
      await answer.body.arrayBuffer().catch((error: unknown) => {
        throw new Error(`Slack's answer was cut off (${(error as { code?: string }).code ?? 'unknown'})`);
      }),
    );
    const text = bytes.toString('utf8');
    const status = answer.statusCode;
    const slackAnswer: SlackAnswer = {
      status,
      statusText: STATUS_CODES[status] ?? '',
      ok: status >= 200 && status < 300,
      url,
      headers: headersOf(answer.headers),
      text: async () => text,
      json: async () => JSON.parse(text),
      arrayBuffer: async () =>
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    };
    return slackAnswer as Response;
  };
  return slackFetch as FetchFunction;
}
