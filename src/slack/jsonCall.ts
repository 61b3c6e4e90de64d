import {
  type FetchFunction,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  type WebClientOptions,
} from '@slack/web-api';

/** A Slack Web API write method called with its arguments as a JSON body; resolves with Slack's answer. */
export type JsonCall = <T extends Record<string, unknown>>(method: string, args: object) => Promise<T>;

type Retries = { retries?: number; factor?: number; minTimeout?: number; maxTimeout?: number };

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds from a Retry-After header, undefined when it holds none. */
const retryAfterOf = (value: string | null): number | undefined => {
  const seconds = Number.parseInt(value ?? '', 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
};

/**
 * The bot's message and view writes (`chat.postMessage`, `chat.update`, `views.open`, …) with a
 * JSON body, as Slack's API takes them (https://docs.slack.dev/apis/web-api/#json). The Web API
 * client form-encodes every call: a step message's blocks go out as JSON percent-encoded
 * character by character, and the client copies the request and Slack's answer for debug lines
 * it never prints, which for one `chat.update` allocated about 40 KB, most of what the garbage
 * collector then had to do for a click (bench/README.md).
 *
 * Built from the same options as the bot's Web API clients, it behaves as they do: the same
 * transport, timeout and retries (a request that fails or gets an HTTP error is tried again; a
 * refusal is not), a rate limit rejected at once (`rejectRateLimitedCalls`), and the client's
 * own error classes, so everything that reads a Slack failure reads these the same way.
 */
export function createJsonCall(token: string | undefined, options: WebClientOptions): JsonCall {
  return createCall(token, options, 'application/json; charset=utf-8', (args) => JSON.stringify(args));
}

/**
 * The bot's other calls (`users.info`, `conversations.open`, `usergroups.users.list`) the same way,
 * with their few plain arguments form-encoded as the Web API client sends them: `users.info` takes no
 * JSON body. The client's own work around a call
 * (argument checks, a copy of the request and of the answer for debug lines, its queue) cost a
 * new person's first command more than the call's transport did (bench/README.md).
 */
export function createFormCall(token: string | undefined, options: WebClientOptions): FormCall {
  return createCall(token, options, 'application/x-www-form-urlencoded', (args) =>
    new URLSearchParams(args as Record<string, string>).toString(),
  );
}

/** A Slack Web API read method called with plain arguments, form-encoded; resolves with Slack's answer. */
export type FormCall = <T extends Record<string, unknown>>(
  method: string,
  args: Record<string, string>,
) => Promise<T>;

function createCall(
  token: string | undefined,
  options: WebClientOptions,
  contentType: string,
  encode: (args: object) => string,
): JsonCall {
  const apiUrl = options.slackApiUrl ?? 'https://slack.com/api/';
  const send: FetchFunction = options.fetch ?? fetch;
  const {
    retries = 0,
    factor = 2,
    minTimeout = 1000,
    maxTimeout = Number.POSITIVE_INFINITY,
  } = (options.retryConfig ?? {}) as Retries;
  const timeout = options.timeout ?? 0;
  // Without a token (a multi-workspace process's client before a workspace is known), none is sent.
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  };

  /**
   * One attempt within the timeout. Its timer is cleared once the answer is in: an
   * `AbortSignal.timeout` per call would keep a timer and its finalizer alive for the whole
   * timeout after the call, thousands of them at a time under load.
   */
  const attempt = async (url: string, body: string) => {
    if (timeout <= 0) return answerOf(url, body, undefined);
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      timeout,
    );
    try {
      return await answerOf(url, body, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  };

  /** Slack's answer, or the error the Web API client would throw, marked retryable or not. */
  const answerOf = async (url: string, body: string, signal: AbortSignal | undefined) => {
    let response: Awaited<ReturnType<FetchFunction>>;
    try {
      response = await send(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'error',
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      return {
        retry: true,
        error: new WebAPIRequestError(error instanceof Error ? error : new Error(String(error))),
      };
    }
    if (response.status === 429) {
      const retryAfter = retryAfterOf(response.headers.get('retry-after'));
      const error =
        retryAfter === undefined
          ? new Error(`Slack rate-limited ${url.slice(apiUrl.length)} without saying for how long`)
          : new WebAPIRateLimitedError(retryAfter);
      return { retry: false, error };
    }
    if (response.status !== 200) {
      const text = await response.text();
      const error = new WebAPIHTTPError(
        response.status,
        response.statusText,
        Object.fromEntries(response.headers.entries()),
        text,
      );
      return { retry: true, error };
    }
    const result = (await response.json()) as Record<string, unknown> & { ok?: boolean };
    if (result.ok !== true) {
      return {
        retry: false,
        error: new WebAPIPlatformError({ ...result, ok: false, error: String(result.error) }),
      };
    }
    return { result };
  };

  return async <T extends Record<string, unknown>>(method: string, args: object): Promise<T> => {
    const url = `${apiUrl}${method}`;
    const body = encode(args);
    for (let tried = 0; ; tried++) {
      const outcome = await attempt(url, body);
      if ('result' in outcome) return outcome.result as T;
      if (!outcome.retry || tried >= retries) throw outcome.error;
      await wait(Math.min(minTimeout * factor ** tried, maxTimeout));
    }
  };
}
