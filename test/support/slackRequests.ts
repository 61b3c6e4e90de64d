/**
 * Sends signed requests to a Bolt HTTP receiver exactly the way Slack does.
 *
 * - Slash commands: `application/x-www-form-urlencoded` fields.
 * - Interactivity (block_actions, view_submission, view_closed): `application/x-www-form-urlencoded` with a single
 *   `payload=<JSON>` field.
 * - Events API: `application/json` event_callback envelope; retries add X-Slack-Retry-Num / X-Slack-Retry-Reason.
 * - Every request carries X-Slack-Request-Timestamp and X-Slack-Signature = 'v0=' + hex(HMAC-SHA256(secret,
 *   `v0:${timestamp}:${rawBody}`)).
 *
 * NOTE: Bolt's HTTPModuleFunctions.parseHTTPRequestBody compares the Content-Type header with ===
 * 'application/x-www-form-urlencoded'; any `; charset=...` suffix makes Bolt JSON.parse a form body and fail.
 * So the content type is sent bare, exactly as Slack sends it.
 */
import { createHmac, randomBytes } from 'node:crypto';

type Any = any;

export function signature(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** application/x-www-form-urlencoded encoding in field order, as Slack produces it (spaces as '+'). */
export function encodeForm(fields: Record<string, string> | [string, string][]): string {
  const entries = Array.isArray(fields) ? fields : Object.entries(fields);
  return new URLSearchParams(entries).toString();
}

export interface SlackReply {
  status: number;
  /** Parsed JSON when the reply is JSON, the text when it is non-empty text, undefined when empty. */
  body: Any;
  text: string;
  headers: Record<string, string>;
  /** The response_url id embedded in the request (pass to fakeSlack.waitForResponse), when there was one. */
  responseUrlId?: string;
  /** The trigger_id sent, when there was one. */
  triggerId?: string;
}

export interface TransportRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface TransportReply {
  status: number;
  text: string;
  headers: Record<string, string>;
}

/** Carries a signed request to the bot and brings its answer back. */
export type Transport = (request: TransportRequest) => Promise<TransportReply>;

/** Over the network, to the bot's HTTP receiver. */
export const httpTransport: Transport = async ({ url, headers, body }) => {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text(), headers: Object.fromEntries(res.headers.entries()) };
};

export interface SlackSenderOptions {
  /** Bolt receiver root (http://127.0.0.1:PORT) or the full endpoint URL ending in /slack/events. */
  baseUrl: string;
  /** How requests reach the bot; default over HTTP (the service tier hands them to a FakeReceiver). */
  transport?: Transport;
  signingSecret: string;
  /**
   * Builds response_url values (use fakeSlack.responseUrl). Without it a closed local port is used so that a
   * respond() call can never reach the real Slack.
   */
  responseUrl?: (id: string) => string;
  /** Defaults: api_app_id 'A0APP', team domain 'fake-team', verification token 'fakeVerificationToken'. */
  apiAppId?: string;
  teamDomain?: string;
  verificationToken?: string;
  /** Seconds since epoch used for X-Slack-Request-Timestamp; default Math.floor(Date.now()/1000). */
  now?: () => number;
}

export interface CommandOptions {
  teamId: string;
  userId: string;
  text: string;
  channelId?: string;
  /** default '/wintro' */
  command?: string;
  triggerId?: string;
  userName?: string;
  channelName?: string;
  responseUrlId?: string;
}

export interface BlockActionOptions {
  teamId: string;
  userId: string;
  actionId: string;
  value?: string;
  blockId?: string;
  channelId?: string;
  messageTs?: string;
  triggerId?: string;
  /** Makes the action a users_select with this selected_user. */
  selectedUser?: string;
  /** When given, the action comes from this modal (container type 'view', no channel/message/response_url). */
  view?: { id: string; callback_id: string; private_metadata: string; hash?: string; blocks?: Any[] };
  /** state.values of the surface (block_id -> action_id -> value object). */
  values?: Record<string, Record<string, Any>>;
  /** Overrides the action object's type (default 'button', or 'users_select' with selectedUser). */
  actionType?: string;
  /** Button label, default 'Click'. */
  buttonText?: string;
  /** Extra fields of the containing message (e.g. blocks, text). */
  message?: Record<string, Any>;
  userName?: string;
  responseUrlId?: string;
}

export interface ViewSubmissionOptions {
  teamId: string;
  userId: string;
  viewId?: string;
  callbackId: string;
  privateMetadata: string;
  /** block_id -> action_id -> {type, value} */
  values: Record<string, Record<string, Any>>;
  triggerId?: string;
  hash?: string;
  blocks?: Any[];
  userName?: string;
}

export interface ViewClosedOptions {
  teamId: string;
  userId: string;
  viewId?: string;
  callbackId: string;
  privateMetadata: string;
  values?: Record<string, Record<string, Any>>;
  isCleared?: boolean;
  hash?: string;
  blocks?: Any[];
  userName?: string;
}

export interface EventOptions {
  teamId: string;
  event: Record<string, Any>;
  eventId?: string;
  retryNum?: number;
  retryReason?: string;
  /** Bot user id in `authorizations`, default 'UBOT'. */
  botUserId?: string;
}

export interface RawOptions {
  body: string;
  contentType: string;
  timestamp?: number;
  /** undefined = compute the correct signature, null = omit the header, string = send as-is. */
  signature?: string | null;
  extraHeaders?: Record<string, string>;
}

let seq = 0;
const next = (): number => {
  seq += 1;
  return seq;
};

/** Unique trigger id in Slack's shape: '<digits>.<digits>.<32 hex>'. */
export function newTriggerId(): string {
  const n = next();
  return `${Date.now()}${String(n).padStart(4, '0')}.47445629121.${randomBytes(16).toString('hex')}`;
}

/** Unique event id in Slack's shape: 'Ev' + alphanumerics. */
export function newEventId(): string {
  return `Ev${randomBytes(5).toString('hex').toUpperCase()}${String(next()).padStart(4, '0')}`;
}

/** A Slack message ts like '1700000000.123456', unique per process. */
export function newMessageTs(): string {
  const n = next();
  return `${Math.floor(Date.now() / 1000)}.${String(n % 1_000_000).padStart(6, '0')}`;
}

export class SlackSender {
  lastBody?: string;
  lastTimestamp?: number;
  lastHeaders?: Record<string, string>;

  private readonly endpoint: string;
  private readonly signingSecret: string;
  private readonly responseUrlFn: (id: string) => string;
  private readonly apiAppId: string;
  private readonly teamDomain: string;
  private readonly verificationToken: string;
  private readonly now: () => number;
  private readonly transport: Transport;

  constructor(opts: SlackSenderOptions) {
    this.transport = opts.transport ?? httpTransport;
    const base = opts.baseUrl.replace(/\/+$/, '');
    this.endpoint = base.endsWith('/slack/events') ? base : `${base}/slack/events`;
    this.signingSecret = opts.signingSecret;
    this.responseUrlFn =
      opts.responseUrl ?? ((id: string) => `http://127.0.0.1:1/response/${encodeURIComponent(id)}`);
    this.apiAppId = opts.apiAppId ?? 'A0APP';
    this.teamDomain = opts.teamDomain ?? 'fake-team';
    this.verificationToken = opts.verificationToken ?? 'fakeVerificationToken';
    this.now = opts.now ?? (() => Math.floor(Date.now() / 1000));
  }

  command(o: CommandOptions): Promise<SlackReply> {
    const responseUrlId = o.responseUrlId ?? `command-${next()}`;
    const triggerId = o.triggerId ?? newTriggerId();
    const channelId = o.channelId ?? `D${o.userId}`;
    const fields: [string, string][] = [
      ['token', this.verificationToken],
      ['team_id', o.teamId],
      ['team_domain', this.teamDomain],
      ['channel_id', channelId],
      ['channel_name', o.channelName ?? (channelId.startsWith('D') ? 'directmessage' : 'general')],
      ['user_id', o.userId],
      ['user_name', o.userName ?? userNameFor(o.userId)],
      ['command', o.command ?? '/wintro'],
      ['text', o.text],
      ['api_app_id', this.apiAppId],
      ['is_enterprise_install', 'false'],
      ['response_url', this.responseUrlFn(responseUrlId)],
      ['trigger_id', triggerId],
    ];
    return this.send(
      encodeForm(fields),
      'application/x-www-form-urlencoded',
      {},
      { responseUrlId, triggerId },
    );
  }

  /** The block_actions payload object that blockAction() would send (exposed for unit tests). */
  blockActionPayload(o: BlockActionOptions): { payload: Record<string, Any>; responseUrlId?: string } {
    const triggerId = o.triggerId ?? newTriggerId();
    const blockId = o.blockId ?? 'actions';
    const actionTs = `${(Date.now() / 1000).toFixed(6)}`;
    const type = o.actionType ?? (o.selectedUser !== undefined ? 'users_select' : 'button');
    const action: Record<string, Any> = {
      type,
      action_id: o.actionId,
      block_id: blockId,
      action_ts: actionTs,
    };
    if (type === 'button') action.text = { type: 'plain_text', text: o.buttonText ?? 'Click', emoji: true };
    if (o.value !== undefined) action.value = o.value;
    if (o.selectedUser !== undefined) action.selected_user = o.selectedUser;

    const payload: Record<string, Any> = {
      type: 'block_actions',
      user: userOf(o),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      container: {},
      trigger_id: triggerId,
      team: { id: o.teamId, domain: this.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
    };
    let responseUrlId: string | undefined;
    if (o.view) {
      payload.container = { type: 'view', view_id: o.view.id };
      payload.view = this.viewPayload({
        teamId: o.teamId,
        viewId: o.view.id,
        callbackId: o.view.callback_id,
        privateMetadata: o.view.private_metadata,
        values: o.values ?? {},
        hash: o.view.hash,
        blocks: o.view.blocks,
      });
    } else {
      const channelId = o.channelId ?? `D${o.userId}`;
      const messageTs = o.messageTs ?? newMessageTs();
      responseUrlId = o.responseUrlId ?? `action-${next()}`;
      payload.container = {
        type: 'message',
        message_ts: messageTs,
        channel_id: channelId,
        is_ephemeral: false,
      };
      payload.channel = { id: channelId, name: channelId.startsWith('D') ? 'directmessage' : 'general' };
      payload.message = {
        type: 'message',
        subtype: 'bot_message',
        text: 'message text',
        user: 'UBOT',
        bot_id: 'BBOT',
        team: o.teamId,
        ts: messageTs,
        blocks: [],
        ...(o.message ?? {}),
      };
      payload.state = { values: o.values ?? {} };
      payload.response_url = this.responseUrlFn(responseUrlId);
    }
    payload.actions = [action];
    return responseUrlId === undefined ? { payload } : { payload, responseUrlId };
  }

  blockAction(o: BlockActionOptions): Promise<SlackReply> {
    const { payload, responseUrlId } = this.blockActionPayload(o);
    return this.sendPayload(payload, { responseUrlId, triggerId: payload.trigger_id });
  }

  viewSubmission(o: ViewSubmissionOptions): Promise<SlackReply> {
    const triggerId = o.triggerId ?? newTriggerId();
    const payload = {
      type: 'view_submission',
      ...this.sentBy(o),
      trigger_id: triggerId,
      view: this.viewPayload({ ...o, values: o.values }),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    return this.sendPayload(payload, { triggerId });
  }

  viewClosed(o: ViewClosedOptions): Promise<SlackReply> {
    const payload = {
      type: 'view_closed',
      ...this.sentBy(o),
      view: this.viewPayload({ ...o, values: o.values ?? {} }),
      is_cleared: o.isCleared ?? false,
      is_enterprise_install: false,
      enterprise: null,
    };
    return this.sendPayload(payload, {});
  }

  event(o: EventOptions): Promise<SlackReply> {
    const eventTime = this.now();
    const event = { event_ts: `${eventTime}.000100`, ...o.event };
    const envelope = {
      token: this.verificationToken,
      team_id: o.teamId,
      context_team_id: o.teamId,
      context_enterprise_id: null,
      api_app_id: this.apiAppId,
      event,
      type: 'event_callback',
      event_id: o.eventId ?? newEventId(),
      event_time: eventTime,
      authorizations: [
        {
          enterprise_id: null,
          team_id: o.teamId,
          user_id: o.botUserId ?? 'UBOT',
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${randomBytes(12).toString('base64url')}`,
    };
    const headers: Record<string, string> = {};
    if (o.retryNum !== undefined) headers['X-Slack-Retry-Num'] = String(o.retryNum);
    if (o.retryReason !== undefined) headers['X-Slack-Retry-Reason'] = o.retryReason;
    else if (o.retryNum !== undefined) headers['X-Slack-Retry-Reason'] = 'http_timeout';
    return this.send(JSON.stringify(envelope), 'application/json', headers, {});
  }

  raw(o: RawOptions): Promise<SlackReply> {
    return this.send(o.body, o.contentType, o.extraHeaders ?? {}, {}, o.timestamp, o.signature);
  }

  /** Who a view payload comes from: the team, the person, the app and its verification token. */
  private sentBy(o: { teamId: string; userId: string; userName?: string | undefined }) {
    return {
      team: { id: o.teamId, domain: this.teamDomain },
      user: userOf(o),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
    };
  }

  private viewPayload(o: {
    teamId: string;
    viewId?: string | undefined;
    callbackId: string;
    privateMetadata: string;
    values: Record<string, Record<string, Any>>;
    hash?: string | undefined;
    blocks?: Any[] | undefined;
  }): Record<string, Any> {
    const id = o.viewId ?? `V${randomBytes(5).toString('hex').toUpperCase()}`;
    return {
      id,
      team_id: o.teamId,
      type: 'modal',
      blocks: o.blocks ?? [],
      private_metadata: o.privateMetadata,
      callback_id: o.callbackId,
      state: { values: o.values },
      hash: o.hash ?? `${this.now()}.${randomBytes(4).toString('hex')}`,
      title: { type: 'plain_text', text: 'Wintro', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      previous_view_id: null,
      root_view_id: id,
      app_id: this.apiAppId,
      external_id: '',
      app_installed_team_id: o.teamId,
      bot_id: 'BBOT',
    };
  }

  private sendPayload(
    payload: Record<string, Any>,
    meta: { responseUrlId?: string | undefined; triggerId?: string | undefined },
  ): Promise<SlackReply> {
    const body = encodeForm([['payload', JSON.stringify(payload)]]);
    return this.send(body, 'application/x-www-form-urlencoded', {}, meta);
  }

  private async send(
    body: string,
    contentType: string,
    extraHeaders: Record<string, string>,
    meta: { responseUrlId?: string | undefined; triggerId?: string | undefined },
    timestamp?: number,
    sig?: string | null,
  ): Promise<SlackReply> {
    const ts = timestamp ?? this.now();
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      Accept: 'application/json,*/*',
      'X-Slack-Request-Timestamp': String(ts),
    };
    if (sig === undefined) headers['X-Slack-Signature'] = signature(this.signingSecret, ts, body);
    else if (sig !== null) headers['X-Slack-Signature'] = sig;
    Object.assign(headers, extraHeaders);
    this.lastBody = body;
    this.lastTimestamp = ts;
    this.lastHeaders = headers;

    const res = await this.transport({ url: this.endpoint, headers, body });
    const text = res.text;
    let parsed: Any;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    const reply: SlackReply = {
      status: res.status,
      body: parsed,
      text,
      headers: res.headers,
    };
    if (meta.responseUrlId !== undefined) reply.responseUrlId = meta.responseUrlId;
    if (meta.triggerId !== undefined) reply.triggerId = meta.triggerId;
    return reply;
  }
}

/** The `user` object of an interaction payload. */
function userOf(o: { teamId: string; userId: string; userName?: string | undefined }) {
  const name = o.userName ?? userNameFor(o.userId);
  return { id: o.userId, username: name, name, team_id: o.teamId };
}

function userNameFor(userId: string): string {
  return `user-${userId.toLowerCase()}`;
}
