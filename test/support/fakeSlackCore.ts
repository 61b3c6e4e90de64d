/**
 * The fake Slack Web API without a transport: a Web API call (method, encoded arguments, token) in,
 * Slack's answer out, every call recorded. `fakeSlack.ts` serves it over HTTP on 127.0.0.1 (e2e),
 * `fakeSlackFetch.ts` as the `fetch` the Web API client calls (service tier, no network).
 *
 * It answers only the methods the bot calls: auth.test, chat.postMessage, chat.update,
 * chat.postEphemeral, conversations.open, views.open, views.update, views.publish (the Home tab,
 * kept in `homes`), users.info (everyone in UTC unless a test sets a time zone with `setTimeZone`,
 * a plain member unless a test sets a role with
 * `setRole`, and, asked with `include_locale`, in locale en-US unless a test sets another with
 * `setLocale` or scripts another answer) and usergroups.users.list (the groups a test sets with
 * `setUsergroup`), plus response_url posts.
 * Anything else is `unknown_method`, as Slack answers a method it does not have.
 *
 * Request decoding mirrors @slack/web-api 8 (`WebClient.serializeBody`): the body is
 * `node:querystring.stringify` of the arguments where objects and arrays are JSON.stringify'd,
 * `undefined`/`null` arguments are dropped, and the token travels as `Authorization: Bearer <token>`.
 * Numbers and booleans therefore arrive as strings ('false', '3').
 */
import { randomBytes } from 'node:crypto';
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

export interface FakeSlackOptions {
  /**
   * When true, chat.* / views.* calls that break Slack's documented limits (see slackLimits.ts) are answered
   * `{ ok: false, error: 'invalid_blocks' | 'invalid_arguments', response_metadata: { messages } }` like Slack does.
   * Default false: everything is accepted and you assert with slackLimitViolations() yourself.
   */
  strict?: boolean;
}

/** What a test sees of the fake Slack, whichever transport carries it. */
export interface FakeSlackRecorder {
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
  /** The locale users.info gives for this person (`include_locale`); undefined = none at all. en-US until set. */
  setLocale(userId: string, locale: string | undefined): void;
  /** The time zone users.info gives for this person (IANA); everyone is in UTC until set. */
  setTimeZone(userId: string, tz: string): void;
  /** The workspace role users.info gives for this person (everyone is a plain member until set). */
  setRole(userId: string, role: 'member' | 'admin' | 'owner' | 'primary_owner'): void;
  /** The members usergroups.users.list gives for a user group (an unknown group is `no_such_subteam`). */
  setUsergroup(groupId: string, members: string[]): void;
  /** Each person's Home tab as last published (views.publish), by user id. */
  homes: Map<string, Record<string, Any>>;
  /** Clears calls, responses, scripts, known views, locales, time zones, roles, user groups and Home tabs set. */
  reset(): void;
}

/** A fake Slack reachable by the bot: where its Web API is, and where response_url posts go. */
export interface FakeSlack extends FakeSlackRecorder {
  /** Use as clientOptions.slackApiUrl / SLACK_API_URL. */
  apiUrl: string;
  /** A URL usable as response_url; POSTs to it are recorded in `responses`. */
  responseUrl(id: string): string;
  close(): Promise<void>;
}

/** An HTTP exchange as a transport hands it to the core, and the answer it sends back. */
export interface ApiRequest {
  rawBody: string;
  contentType?: string | undefined;
  authorization?: string | undefined;
  query?: URLSearchParams;
}

export interface FakeReply {
  status: number;
  /** A string is sent as text, anything else as JSON; undefined sends an empty body. */
  body: unknown;
  headers: Record<string, string>;
}

export interface FakeSlackCore extends FakeSlackRecorder {
  apiCall(method: string, request: ApiRequest): FakeReply;
  responseUrlPost(id: string, rawBody: string, contentType: string | undefined): FakeReply;
}

/** Arguments @slack/web-api JSON-stringifies that we decode back into objects. */
const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata'];

const DEFAULT_WAIT_MS = 3000;

interface Waiter<T> {
  pred: (x: T) => boolean;
  resolve: (x: T) => void;
}

const fail = (error: string, messages?: string[]): Record<string, Any> =>
  messages && messages.length > 0
    ? { ok: false, error, response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) } }
    : { ok: false, error };

const AUTH_TEST = {
  ok: true,
  url: 'https://fake-team.slack.com/',
  team: 'Fake Team',
  user: 'wintro-bot',
  team_id: 'T0TEAM',
  user_id: 'UBOT',
  bot_id: 'BBOT',
  is_enterprise_install: false,
};

function botMessage(args: Record<string, Any>, ts: string): Record<string, Any> {
  const message: Record<string, Any> = {
    type: 'message',
    subtype: 'bot_message',
    text: args.text ?? '',
    user: 'UBOT',
    bot_id: 'BBOT',
    team: 'T0TEAM',
    ts,
  };
  for (const field of ['blocks', 'attachments', 'metadata', 'thread_ts']) {
    if (args[field] !== undefined) message[field] = args[field];
  }
  return message;
}

function viewOut(input: Record<string, Any>, id: string, hash: string, rootViewId = id) {
  return {
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
    root_view_id: rootViewId,
    app_id: 'A0APP',
    external_id: input.external_id ?? '',
    app_installed_team_id: 'T0TEAM',
    bot_id: 'BBOT',
  };
}

/** The locale Slack gives anyone a test has not given another. */
const DEFAULT_LOCALE = 'en-US';

/** users.info as Slack answers it, for anyone: the fields the bot could read, in UTC; `locale` only when asked. */
function userOf(id: string, locale: string | undefined, role = 'member', tz = 'UTC') {
  const name = `user-${id.toLowerCase()}`;
  return {
    ...(locale ? { locale } : {}),
    is_admin: role !== 'member',
    is_owner: role === 'owner' || role === 'primary_owner',
    is_primary_owner: role === 'primary_owner',
    id,
    team_id: 'T0TEAM',
    name,
    real_name: `User ${id}`,
    tz,
    ...(tz === 'UTC' ? { tz_label: 'Coordinated Universal Time', tz_offset: 0 } : {}),
    is_bot: false,
    deleted: false,
    profile: { display_name: name, real_name: `User ${id}` },
  };
}

/** Posting to a user id (U…/W…) lands in the app DM, whose id Slack returns as the channel. */
const resolveChannel = (channel: string): string => (/^[UW]/.test(channel) ? `D${channel}` : channel);

const hasText = (args: Record<string, Any>) => Boolean(args.text || args.blocks || args.attachments);

function scriptedReply(reply: ScriptedReply): FakeReply {
  const status = reply.status ?? 200;
  let body = reply.body;
  if (body === undefined) {
    if (status === 200) body = { ok: true };
    else if (status === 429) body = { ok: false, error: 'ratelimited' };
    else body = '';
  }
  return { status, body, headers: reply.headers ?? {} };
}

/** Resolves (and forgets) every waiter the new item satisfies. */
function notify<T>(waiters: Set<Waiter<T>>, item: T): void {
  for (const w of waiters) {
    let matched = false;
    try {
      matched = w.pred(item);
    } catch {
      matched = false;
    }
    if (!matched) continue;
    waiters.delete(w);
    w.resolve(item);
  }
}

/** The first item matching pred, already seen or arriving later (as long as `waiters` is fed). */
function waitIn<T>(
  existing: T[],
  waiters: Set<Waiter<T>>,
  pred: (x: T) => boolean,
  timeoutMs: number,
  describe: () => string,
): Promise<T> {
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
      waiters.delete(waiter);
      reject(new Error(`fakeSlack: timed out after ${timeoutMs}ms; ${describe()}`));
    }, timeoutMs);
    waiters.add(waiter);
  });
}

export function createFakeSlackCore(options: FakeSlackOptions = {}): FakeSlackCore {
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  let scripts = new Map<string, { reply: ScriptedReply; remaining: number }[]>();
  let views = new Map<string, { hash: string; view: Record<string, Any> }>();
  let locales = new Map<string, string | undefined>();
  let timeZones = new Map<string, string>();
  let roles = new Map<string, string>();
  let usergroups = new Map<string, string[]>();
  const homes = new Map<string, Record<string, Any>>();
  const callWaiters = new Set<Waiter<RecordedCall>>();
  const responseWaiters = new Set<Waiter<RecordedResponse>>();

  // ts like '1700000000.000100', strictly increasing across the fake's lifetime.
  let tsCounter = 0;
  const nextTs = (): string => {
    tsCounter += 1;
    const s = String(1_700_000_000_000_000 + tsCounter * 100);
    return `${s.slice(0, 10)}.${s.slice(10)}`;
  };
  let viewCounter = 0;
  const newViewId = (): string => {
    viewCounter += 1;
    return `V${String(viewCounter).padStart(8, '0')}`;
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

  const updateView = (args: Record<string, Any>): Record<string, Any> => {
    let id: string | undefined = typeof args.view_id === 'string' && args.view_id ? args.view_id : undefined;
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
    const out = viewOut(args.view, id, hash, known?.view.root_view_id);
    views.set(id, { hash, view: out });
    return { ok: true, view: out };
  };

  const answer = (method: string, args: Record<string, Any>): Record<string, Any> => {
    if (options.strict) {
      const violations = slackLimitViolations({ method, args });
      if (violations.length > 0) {
        return fail(method.startsWith('views.') ? 'invalid_arguments' : 'invalid_blocks', violations);
      }
    }
    const channel = typeof args.channel === 'string' && args.channel ? args.channel : undefined;
    switch (method) {
      case 'auth.test':
        return AUTH_TEST;
      case 'conversations.open':
        if (channel) return { ok: true, no_op: true, already_open: true, channel: { id: channel } };
        if (typeof args.users !== 'string' || !args.users) return fail('users_list_not_supplied');
        return { ok: true, channel: { id: `D${args.users}` } };
      case 'chat.postMessage': {
        if (!channel) return fail('channel_not_found');
        if (!hasText(args)) return fail('no_text');
        const ts = nextTs();
        return { ok: true, channel: resolveChannel(channel), ts, message: botMessage(args, ts) };
      }
      case 'chat.update':
        if (!channel) return fail('channel_not_found');
        if (typeof args.ts !== 'string' || !args.ts) return fail('message_not_found');
        if (args.text === undefined && !args.blocks && !args.attachments) return fail('no_text');
        return { ok: true, channel, ts: args.ts, text: args.text ?? '', message: botMessage(args, args.ts) };
      case 'chat.postEphemeral':
        if (!channel) return fail('channel_not_found');
        if (typeof args.user !== 'string' || !args.user) return fail('user_not_in_channel');
        if (!hasText(args)) return fail('no_text');
        return { ok: true, message_ts: nextTs() };
      case 'views.open': {
        if (!args.trigger_id && !args.interactivity_pointer)
          return fail('invalid_arguments', ['missing trigger_id']);
        if (!args.view || typeof args.view !== 'object') return fail('invalid_arguments', ['missing view']);
        const id = newViewId();
        const hash = newHash();
        const out = viewOut(args.view, id, hash);
        views.set(id, { hash, view: out });
        return { ok: true, view: out };
      }
      case 'views.update':
        if (!args.view || typeof args.view !== 'object') return fail('invalid_arguments', ['missing view']);
        return updateView(args);
      case 'users.info':
        if (typeof args.user !== 'string' || !args.user) return fail('user_not_found');
        return {
          ok: true,
          user: userOf(
            args.user,
            String(args.include_locale) === 'true'
              ? locales.has(args.user)
                ? locales.get(args.user)
                : DEFAULT_LOCALE
              : undefined,
            roles.get(args.user),
            timeZones.get(args.user),
          ),
        };
      case 'usergroups.users.list': {
        const members = usergroups.get(String(args.usergroup ?? ''));
        return members ? { ok: true, users: members } : fail('no_such_subteam');
      }
      case 'views.publish': {
        if (typeof args.user_id !== 'string' || !args.user_id)
          return fail('invalid_arguments', ['missing user_id']);
        if (!args.view || typeof args.view !== 'object' || args.view.type !== 'home')
          return fail('invalid_arguments', ['view.type must be home']);
        const id = `VHOME${args.user_id}`;
        const out = viewOut(args.view, id, newHash());
        homes.set(args.user_id, out);
        return { ok: true, view: out };
      }
      default:
        return fail('unknown_method');
    }
  };

  return {
    calls,
    responses,
    callsTo: (method) => calls.filter((c) => c.method === method),
    scriptReply(method, reply, times = 1) {
      const queue = scripts.get(method) ?? [];
      queue.push({ reply, remaining: times });
      scripts.set(method, queue);
    },
    waitFor: (pred, timeoutMs = DEFAULT_WAIT_MS) =>
      waitIn(
        calls,
        callWaiters,
        pred,
        timeoutMs,
        () => `calls seen: [${calls.map((c) => c.method).join(', ')}]`,
      ),
    waitForResponse: (pred, timeoutMs = DEFAULT_WAIT_MS) =>
      waitIn(
        responses,
        responseWaiters,
        pred,
        timeoutMs,
        () => `responses seen: ${JSON.stringify(responses).slice(0, 2000)}`,
      ),
    setLocale(userId, locale) {
      locales.set(userId, locale);
    },
    setTimeZone(userId, tz) {
      timeZones.set(userId, tz);
    },
    setRole(userId, role) {
      roles.set(userId, role);
    },
    setUsergroup(groupId, members) {
      usergroups.set(groupId, members);
    },
    homes,
    reset() {
      calls.length = 0;
      responses.length = 0;
      scripts = new Map();
      views = new Map();
      locales = new Map();
      timeZones = new Map();
      roles = new Map();
      usergroups = new Map();
      homes.clear();
    },
    apiCall(method, request) {
      const { args, bodyToken } = decodeApiBody(request.rawBody, request.contentType, request.query);
      const bearer = request.authorization && /^Bearer\s+(.+)$/i.exec(request.authorization)?.[1];
      const call: RecordedCall = { method, args, at: Date.now(), rawBody: request.rawBody };
      const token = bearer || bodyToken;
      if (token) call.token = token;
      if (request.contentType !== undefined) call.contentType = request.contentType;
      const scripted = takeScript(method);
      if (!scripted) {
        call.response = answer(method, args);
        call.channel = call.response?.channel ?? args.channel;
      } else {
        call.channel = args.channel;
      }
      calls.push(call);
      notify(callWaiters, call);
      return scripted ? scriptedReply(scripted) : { status: 200, body: call.response, headers: {} };
    },
    responseUrlPost(id, rawBody, contentType) {
      let body: Any = rawBody;
      try {
        body = JSON.parse(rawBody);
      } catch {
        if (contentType?.startsWith('application/x-www-form-urlencoded')) body = { ...parseQuery(rawBody) };
      }
      const recorded: RecordedResponse = { id, body };
      responses.push(recorded);
      notify(responseWaiters, recorded);
      const scripted = takeScript('response_url');
      return scripted ? scriptedReply(scripted) : { status: 200, body: { ok: true }, headers: {} };
    },
  };
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
  if (typeof args.token !== 'string') return { args };
  const bodyToken = args.token;
  delete args.token;
  return { args, bodyToken };
}
