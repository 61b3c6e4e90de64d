/**
 * A fake Slack Web API (plus response_url sink) served over HTTP on 127.0.0.1.
 *
 * Request decoding mirrors @slack/web-api 8 (`WebClient.serializeBody`): every call is a POST to
 * `${slackApiUrl}${method}` with `Content-Type: application/x-www-form-urlencoded`, the body produced by
 * `node:querystring.stringify` of the arguments where non-string/number/boolean values (objects, arrays)
 * are JSON.stringify'd, `undefined`/`null` arguments are dropped, and the token travels as
 * `Authorization: Bearer <token>`. Numbers and booleans therefore arrive as strings ('false', '3').
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { slackLimitViolations } from './slackLimits.js';

type Any = any;

export interface RecordedCall {
  method: string;
  args: Record<string, Any>;
  token?: string;
  at: number;
  /** Content-Type header of the request as received. */
  contentType?: string;
  /** The undecoded request body, for debugging. */
  rawBody?: string;
  /** What the fake answered (unless a scripted reply was sent instead). */
  response?: Any;
  /**
   * The conversation a message call landed in: for chat.postMessage to a user id, the DM channel
   * Slack answered with; otherwise the channel argument.
   */
  channel?: string;
}

export interface ScriptedReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedResponse {
  id: string;
  body: any;
}

export interface FakeUser {
  id: string;
  name: string;
  real_name: string;
  tz: string;
  tz_label?: string;
  tz_offset?: number;
  is_bot?: boolean;
  deleted?: boolean;
  profile: { display_name: string; real_name: string; email?: string; [k: string]: unknown };
  [k: string]: unknown;
}

export interface FakeSlackOptions {
  /**
   * When true, chat.* / views.* calls that break Slack's documented limits (see slackLimits.ts) are answered
   * `{ ok: false, error: 'invalid_blocks' | 'invalid_arguments', response_metadata: { messages } }` like Slack does.
   * Default false: everything is accepted and you assert with slackLimitViolations() yourself.
   */
  strict?: boolean;
}

export interface FakeSlack {
  /** e.g. http://127.0.0.1:PORT/api/ — use as clientOptions.slackApiUrl / SLACK_API_URL. */
  apiUrl: string;
  /** http://127.0.0.1:PORT — the server root. */
  baseUrl: string;
  /** A URL on this server usable as response_url; POSTs to it are recorded in `responses`. */
  responseUrl(id: string): string;
  /** Web API calls, in arrival order (scripted and retried attempts included). */
  calls: RecordedCall[];
  /** POSTs to response URLs, in arrival order. */
  responses: RecordedResponse[];
  callsTo(method: string): RecordedCall[];
  /**
   * The next `times` (default 1) calls of `method` get this reply instead of the normal one.
   * Use method 'response_url' to script replies to response_url POSTs.
   */
  scriptReply(method: string, reply: ScriptedReply, times?: number): void;
  /** Resolves with the first recorded call matching pred (already recorded or arriving later). */
  waitFor(pred: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  waitForResponse(pred: (r: RecordedResponse) => boolean, timeoutMs?: number): Promise<RecordedResponse>;
  /** Sets/overrides what users.info returns for a user id. */
  setUser(id: string, user: Partial<FakeUser>): void;
  /** Clears calls, responses, scripts, users and known views. */
  reset(): void;
  close(): Promise<void>;
}

/** Arguments @slack/web-api JSON-stringifies that we decode back into objects. */
const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata', 'unfurls', 'user_auth_blocks'];

const DEFAULT_WAIT_MS = 3000;

interface Waiter<T> {
  pred: (x: T) => boolean;
  resolve: (x: T) => void;
}

export function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  let scripts = new Map<string, { reply: ScriptedReply; remaining: number }[]>();
  let users = new Map<string, Partial<FakeUser>>();
  let views = new Map<string, { hash: string; view: Record<string, Any> }>();
  let callWaiters: Waiter<RecordedCall>[] = [];
  let responseWaiters: Waiter<RecordedResponse>[] = [];

  // ts like '1700000000.000100', strictly increasing across the server's lifetime.
  let tsCounter = 0;
  const nextTs = (): string => {
    tsCounter += 1;
    const micros = 1_700_000_000_000_000 + tsCounter * 100;
    const s = String(micros);
    return `${s.slice(0, 10)}.${s.slice(10)}`;
  };
  let idCounter = 0;
  const newId = (prefix: string): string => {
    idCounter += 1;
    return `${prefix}${String(idCounter).padStart(8, '0')}`;
  };
  const newHash = (): string => `${Math.floor(Date.now() / 1000)}.${randomBytes(6).toString('hex')}`;

  const takeScript = (key: string): ScriptedReply | undefined => {
    const queue = scripts.get(key);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    return head.reply;
  };

  const userFor = (id: string): FakeUser => {
    const override = users.get(id) ?? {};
    const name = `user-${id.toLowerCase()}`;
    const realName = `User ${id}`;
    const base: FakeUser = {
      id,
      team_id: 'T0TEAM',
      name,
      real_name: realName,
      tz: 'America/New_York',
      tz_label: 'Eastern Standard Time',
      tz_offset: -18000,
      is_bot: false,
      deleted: false,
      profile: { display_name: name, real_name: realName },
    };
    return { ...base, ...override, profile: { ...base.profile, ...(override.profile ?? {}) } } as FakeUser;
  };

  const botMessage = (args: Record<string, Any>, ts: string): Record<string, Any> => {
    const message: Record<string, Any> = {
      type: 'message',
      subtype: 'bot_message',
      text: args.text ?? '',
      user: 'UBOT',
      bot_id: 'BBOT',
      team: 'T0TEAM',
      ts,
    };
    if (args.blocks !== undefined) message.blocks = args.blocks;
    if (args.attachments !== undefined) message.attachments = args.attachments;
    if (args.metadata !== undefined) message.metadata = args.metadata;
    if (args.thread_ts !== undefined) message.thread_ts = args.thread_ts;
    return message;
  };

  /** Posting to a user id (U…/W…) lands in the app DM, whose id Slack returns as the channel. */
  const resolveChannel = (channel: string): string => (/^[UW]/.test(channel) ? `D${channel}` : channel);

  const viewOut = (
    input: Record<string, Any>,
    id: string,
    hash: string,
    extra: Record<string, Any> = {},
  ) => ({
    id,
    team_id: 'T0TEAM',
    type: input.type ?? 'modal',
    blocks: input.blocks ?? [],
    private_metadata: input.private_metadata ?? '',
    callback_id: input.callback_id ?? '',
    state: { values: {} },
    hash,
    title: input.title,
    clear_on_close: input.clear_on_close ?? false,
    notify_on_close: input.notify_on_close ?? false,
    close: input.close ?? null,
    submit: input.submit ?? null,
    previous_view_id: null,
    root_view_id: id,
    app_id: 'A0APP',
    external_id: input.external_id ?? '',
    app_installed_team_id: 'T0TEAM',
    bot_id: 'BBOT',
    ...extra,
  });

  const fail = (error: string, messages?: string[]): Record<string, Any> =>
    messages && messages.length > 0
      ? { ok: false, error, response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) } }
      : { ok: false, error };

  const answer = (method: string, args: Record<string, Any>): Record<string, Any> => {
    if (options.strict) {
      const violations = slackLimitViolations({ method, args });
      if (violations.length > 0) {
        return fail(method.startsWith('views.') ? 'invalid_arguments' : 'invalid_blocks', violations);
      }
    }
    switch (method) {
      case 'api.test':
        return { ok: true, args };
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake-team.slack.com/',
          team: 'Fake Team',
          user: 'wintro-bot',
          team_id: 'T0TEAM',
          user_id: 'UBOT',
          bot_id: 'BBOT',
          is_enterprise_install: false,
        };
      case 'conversations.open': {
        if (typeof args.channel === 'string' && args.channel) {
          return { ok: true, no_op: true, already_open: true, channel: { id: args.channel } };
        }
        if (typeof args.users !== 'string' || !args.users) return fail('users_list_not_supplied');
        return { ok: true, channel: { id: `D${args.users}` } };
      }
      case 'chat.postMessage': {
        if (typeof args.channel !== 'string' || !args.channel) return fail('channel_not_found');
        if (!args.text && !args.blocks && !args.attachments) return fail('no_text');
        const ts = nextTs();
        return { ok: true, channel: resolveChannel(args.channel), ts, message: botMessage(args, ts) };
      }
      case 'chat.update': {
        if (typeof args.channel !== 'string' || !args.channel) return fail('channel_not_found');
        if (typeof args.ts !== 'string' || !args.ts) return fail('message_not_found');
        if (args.text === undefined && !args.blocks && !args.attachments) return fail('no_text');
        return {
          ok: true,
          channel: args.channel,
          ts: args.ts,
          text: args.text ?? '',
          message: botMessage(args, args.ts),
        };
      }
      case 'chat.postEphemeral': {
        if (typeof args.channel !== 'string' || !args.channel) return fail('channel_not_found');
        if (typeof args.user !== 'string' || !args.user) return fail('user_not_in_channel');
        if (!args.text && !args.blocks && !args.attachments) return fail('no_text');
        return { ok: true, message_ts: nextTs() };
      }
      case 'chat.delete':
        if (typeof args.ts !== 'string' || !args.ts) return fail('message_not_found');
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'views.open':
      case 'views.push': {
        if (!args.trigger_id && !args.interactivity_pointer)
          return fail('invalid_arguments', ['missing trigger_id']);
        if (!args.view || typeof args.view !== 'object') return fail('invalid_arguments', ['missing view']);
        const id = newId('V');
        const hash = newHash();
        const out = viewOut(args.view, id, hash);
        views.set(id, { hash, view: out });
        return { ok: true, view: out };
      }
      case 'views.update': {
        if (!args.view || typeof args.view !== 'object') return fail('invalid_arguments', ['missing view']);
        let id: string | undefined =
          typeof args.view_id === 'string' && args.view_id ? args.view_id : undefined;
        if (!id && typeof args.external_id === 'string' && args.external_id) {
          for (const [vid, v] of views) if (v.view.external_id === args.external_id) id = vid;
          if (!id) return fail('not_found');
        }
        if (!id) return fail('invalid_arguments', ['missing view_id or external_id']);
        const known = views.get(id);
        if (known && typeof args.hash === 'string' && args.hash && args.hash !== known.hash) {
          return fail('hash_conflict');
        }
        const hash = newHash();
        const out = viewOut(args.view, id, hash, known ? { root_view_id: known.view.root_view_id } : {});
        views.set(id, { hash, view: out });
        return { ok: true, view: out };
      }
      case 'views.publish': {
        if (typeof args.user_id !== 'string' || !args.user_id)
          return fail('invalid_arguments', ['missing user_id']);
        if (!args.view || typeof args.view !== 'object') return fail('invalid_arguments', ['missing view']);
        const id = newId('V');
        return { ok: true, view: viewOut({ ...args.view, type: args.view.type ?? 'home' }, id, newHash()) };
      }
      case 'users.info': {
        if (typeof args.user !== 'string' || !args.user) return fail('user_not_found');
        return { ok: true, user: userFor(args.user) };
      }
      default:
        return fail('unknown_method');
    }
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    let payload = '';
    const outHeaders: Record<string, string> = { ...headers };
    if (typeof body === 'string') {
      payload = body;
      if (!hasHeader(outHeaders, 'content-type')) outHeaders['content-type'] = 'text/plain; charset=utf-8';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      if (!hasHeader(outHeaders, 'content-type'))
        outHeaders['content-type'] = 'application/json; charset=utf-8';
    }
    res.writeHead(status, outHeaders);
    res.end(payload);
  };

  const sendScripted = (res: ServerResponse, reply: ScriptedReply) => {
    const status = reply.status ?? 200;
    let body = reply.body;
    if (body === undefined) {
      if (status === 200) body = { ok: true };
      else if (status === 429) body = { ok: false, error: 'ratelimited' };
      else body = '';
    }
    send(res, status, body, reply.headers);
  };

  const notify = <T>(waiters: Waiter<T>[], item: T): Waiter<T>[] => {
    const remaining: Waiter<T>[] = [];
    for (const w of waiters) {
      let matched = false;
      try {
        matched = w.pred(item);
      } catch {
        matched = false;
      }
      if (matched) w.resolve(item);
      else remaining.push(w);
    }
    return remaining;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const contentType = headerValue(req.headers['content-type']);

    const apiMatch = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    if (apiMatch?.[1]) {
      const method = apiMatch[1];
      const { args, bodyToken } = decodeApiBody(raw, contentType, url.searchParams);
      const auth = headerValue(req.headers.authorization);
      const bearer = auth && /^Bearer\s+(.+)$/i.exec(auth)?.[1];
      const call: RecordedCall = { method, args, at: Date.now(), rawBody: raw };
      const token = bearer || bodyToken;
      if (token) call.token = token;
      if (contentType !== undefined) call.contentType = contentType;
      const scripted = takeScript(method);
      if (!scripted) {
        call.response = answer(method, args);
        call.channel = call.response?.channel ?? args.channel;
      } else {
        call.channel = args.channel;
      }
      calls.push(call);
      callWaiters = notify(callWaiters, call);
      if (scripted) return sendScripted(res, scripted);
      return send(res, 200, call.response);
    }

    const respMatch = /^\/response\/(.+)$/.exec(url.pathname);
    if (respMatch?.[1] && req.method === 'POST') {
      const id = decodeURIComponent(respMatch[1]);
      let body: Any = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        if (contentType?.startsWith('application/x-www-form-urlencoded')) body = { ...parseQuery(raw) };
      }
      const recorded: RecordedResponse = { id, body };
      responses.push(recorded);
      responseWaiters = notify(responseWaiters, recorded);
      const scripted = takeScript('response_url');
      if (scripted) return sendScripted(res, scripted);
      return send(res, 200, { ok: true });
    }

    return send(res, 404, { ok: false, error: 'not_found' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: 'fake_slack_internal', detail: String(err) });
      else res.end();
    });
  });

  const waitGeneric = <T>(
    existing: T[],
    register: (w: Waiter<T>) => void,
    unregister: (w: Waiter<T>) => void,
    pred: (x: T) => boolean,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> => {
    const found = existing.find((x) => {
      try {
        return pred(x);
      } catch {
        return false;
      }
    });
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        pred,
        resolve: (x) => {
          clearTimeout(timer);
          resolve(x);
        },
      };
      const timer = setTimeout(() => {
        unregister(waiter);
        reject(new Error(`fakeSlack: timed out after ${timeoutMs}ms; ${describe()}`));
      }, timeoutMs);
      register(waiter);
    });
  };

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const baseUrl = `http://127.0.0.1:${port}`;
      const fake: FakeSlack = {
        apiUrl: `${baseUrl}/api/`,
        baseUrl,
        responseUrl: (id) => `${baseUrl}/response/${encodeURIComponent(id)}`,
        calls,
        responses,
        callsTo: (method) => calls.filter((c) => c.method === method),
        scriptReply(method, reply, times = 1) {
          const queue = scripts.get(method) ?? [];
          queue.push({ reply, remaining: times });
          scripts.set(method, queue);
        },
        waitFor: (pred, timeoutMs = DEFAULT_WAIT_MS) =>
          waitGeneric(
            calls,
            (w) => callWaiters.push(w),
            (w) => {
              callWaiters = callWaiters.filter((x) => x !== w);
            },
            pred,
            timeoutMs,
            () => `calls seen: [${calls.map((c) => c.method).join(', ')}]`,
          ),
        waitForResponse: (pred, timeoutMs = DEFAULT_WAIT_MS) =>
          waitGeneric(
            responses,
            (w) => responseWaiters.push(w),
            (w) => {
              responseWaiters = responseWaiters.filter((x) => x !== w);
            },
            pred,
            timeoutMs,
            () => `responses seen: ${JSON.stringify(responses).slice(0, 2000)}`,
          ),
        setUser(id, user) {
          users.set(id, { ...(users.get(id) ?? {}), ...user });
        },
        reset() {
          calls.length = 0;
          responses.length = 0;
          scripts = new Map();
          users = new Map();
          views = new Map();
        },
        close: () =>
          new Promise<void>((res, rej) => {
            callWaiters = [];
            responseWaiters = [];
            server.close((err) => (err ? rej(err) : res()));
            server.closeAllConnections();
          }),
      };
      resolve(fake);
    });
  });
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Decodes a Web API request body the way Slack's servers read what @slack/web-api sends. */
export function decodeApiBody(
  raw: string,
  contentType: string | undefined,
  query?: URLSearchParams,
): { args: Record<string, Any>; bodyToken?: string } {
  let args: Record<string, Any> = {};
  const ct = (contentType ?? '').toLowerCase();
  if (ct.startsWith('application/json')) {
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        args = parsed as Record<string, Any>;
    } catch {
      args = {};
    }
  } else if (ct.startsWith('multipart/form-data')) {
    // file uploads: not decoded; rawBody on the RecordedCall has it.
    args = {};
  } else {
    const parsed = parseQuery(raw);
    for (const [k, v] of Object.entries(parsed)) args[k] = Array.isArray(v) ? v[v.length - 1] : v;
  }
  if (query) for (const [k, v] of query) if (!(k in args)) args[k] = v;
  for (const field of JSON_FIELDS) {
    const v = args[field];
    if (typeof v === 'string') {
      try {
        args[field] = JSON.parse(v);
      } catch {
        // leave undecodable strings as-is (e.g. a malformed blocks string the bot built by hand)
      }
    }
  }
  let bodyToken: string | undefined;
  if (typeof args.token === 'string') {
    bodyToken = args.token;
    delete args.token;
  }
  return bodyToken === undefined ? { args } : { args, bodyToken };
}
