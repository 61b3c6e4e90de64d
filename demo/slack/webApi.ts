import { parse as parseQuery } from 'node:querystring';
import { BOT, dmOf, personOf, TEAM, type Workspace } from './workspace.js';

/**
 * The Web API methods the bot calls, answered from the demo workspace the way Slack answers them:
 * auth.test, chat.postMessage, chat.update, chat.postEphemeral, conversations.open, views.open,
 * views.update, views.push and views.publish (the App Home). Anything else is `unknown_method`.
 */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

type Args = Record<string, unknown>;
type Answer = Record<string, unknown>;

/** Arguments @slack/web-api sends JSON-encoded inside a form body. */
const JSON_ARGS = ['blocks', 'view', 'attachments', 'metadata'];
/** How many calls the demo remembers (for the browser test's guards). */
const KEPT_CALLS = 5000;

export function decodeArgs(raw: string, contentType: string | undefined): Args {
  let args: Args = {};
  if ((contentType ?? '').toLowerCase().startsWith('application/json')) {
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) args = parsed as Args;
    } catch {
      args = {};
    }
  } else {
    for (const [key, value] of Object.entries(parseQuery(raw))) {
      args[key] = Array.isArray(value) ? value[value.length - 1] : value;
    }
  }
  for (const name of JSON_ARGS) {
    const value = args[name];
    if (typeof value !== 'string') continue;
    try {
      args[name] = JSON.parse(value);
    } catch {
      // Left as sent: the method answers that it is not valid.
    }
  }
  return args;
}

const fail = (error: string): Answer => ({ ok: false, error });
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const blocksOf = (value: unknown) => (Array.isArray(value) ? value : undefined);

/** Posting to a user id lands in that person's DM with the app. */
const conversationOf = (channel: string) => (/^[UW]/.test(channel) ? dmOf(channel) : channel);

export class WebApi {
  readonly calls: ApiCall[] = [];

  constructor(
    private readonly workspace: Workspace,
    private readonly botToken: string,
  ) {}

  call(method: string, args: Args, authorization: string | undefined): Answer {
    const { token: bodyToken, ...rest } = args;
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1] ?? text(bodyToken);
    this.calls.push({ method, args: rest, at: Date.now() });
    if (this.calls.length > KEPT_CALLS) this.calls.shift();
    if (!token) return fail('not_authed');
    if (token !== this.botToken) return fail('invalid_auth');
    return this.answer(method, rest);
  }

  private answer(method: string, args: Args): Answer {
    const channel = text(args.channel);
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: `https://${TEAM.domain}.slack.com/`,
          team: TEAM.name,
          user: 'wintro',
          team_id: TEAM.id,
          user_id: BOT.userId,
          bot_id: BOT.botId,
          is_enterprise_install: false,
        };
      case 'conversations.open': {
        if (channel) return { ok: true, no_op: true, already_open: true, channel: { id: channel } };
        const users = text(args.users);
        if (!users) return fail('users_list_not_supplied');
        return { ok: true, channel: { id: dmOf(users.split(',')[0] as string) } };
      }
      case 'chat.postMessage': {
        if (!channel) return fail('channel_not_found');
        if (!args.text && !args.blocks) return fail('no_text');
        const posted = this.workspace.post({
          channel: conversationOf(channel),
          user: BOT.userId,
          text: text(args.text),
          blocks: blocksOf(args.blocks),
        });
        return {
          ok: true,
          channel: posted.channel,
          ts: posted.ts,
          message: { ...posted, bot_id: BOT.botId },
        };
      }
      case 'chat.update': {
        const updated = this.workspace.update(conversationOf(channel), text(args.ts), {
          text: text(args.text),
          blocks: blocksOf(args.blocks),
        });
        if (!updated) return fail('message_not_found');
        return { ok: true, channel: updated.channel, ts: updated.ts, text: updated.text };
      }
      case 'chat.postEphemeral': {
        if (!channel) return fail('channel_not_found');
        const user = text(args.user);
        if (!user) return fail('user_not_in_channel');
        if (!args.text && !args.blocks) return fail('no_text');
        const posted = this.workspace.post({
          channel: conversationOf(channel),
          user: BOT.userId,
          text: text(args.text),
          blocks: blocksOf(args.blocks),
          visibleTo: user,
        });
        return { ok: true, message_ts: posted.ts };
      }
      case 'views.open':
      case 'views.push':
        return this.openView(args, method === 'views.push');
      case 'views.update':
        return this.updateView(args);
      case 'views.publish': {
        const user = text(args.user_id);
        if (!user) return fail('invalid_arguments');
        if (!args.view || typeof args.view !== 'object') return fail('invalid_arguments');
        const known = this.workspace.homeOf(user);
        if (known && text(args.hash) && text(args.hash) !== known.hash) return fail('hash_conflict');
        const home = this.workspace.publishHome(user, args.view as Args);
        return { ok: true, view: this.viewOut(home.id, home.hash, home.view) };
      }
      case 'users.info': {
        const person = personOf(text(args.user));
        if (!person) return fail('user_not_found');
        return {
          ok: true,
          user: {
            id: person.id,
            team_id: TEAM.id,
            name: person.name.toLowerCase().replace(/\W+/g, '.'),
            real_name: person.name,
            tz: person.tz,
            is_bot: false,
            deleted: false,
            ...(text(args.include_locale) === 'true' ? { locale: person.locale } : {}),
            profile: { real_name: person.name, display_name: person.name, title: person.title },
          },
        };
      }
      default:
        return fail('unknown_method');
    }
  }

  private openView(args: Args, push: boolean): Answer {
    const claimed = this.workspace.claimTrigger(text(args.trigger_id));
    if (claimed === 'invalid') return fail('invalid_trigger_id');
    if (claimed === 'expired') return fail('expired_trigger_id');
    if (!args.view || typeof args.view !== 'object') return fail('invalid_arguments');
    if (push && this.workspace.stackOf(claimed.user).length >= 3) return fail('push_limit_reached');
    const opened = this.workspace.openView(claimed.user, args.view as Args, push);
    return { ok: true, view: this.viewOut(opened.id, opened.hash, opened.view) };
  }

  private updateView(args: Args): Answer {
    if (!args.view || typeof args.view !== 'object') return fail('invalid_arguments');
    const opened = text(args.view_id)
      ? this.workspace.findView(text(args.view_id))
      : this.workspace.findView(text(args.external_id), 'external_id');
    if (!opened) return fail('not_found');
    if (text(args.hash) && text(args.hash) !== opened.hash) return fail('hash_conflict');
    const updated = this.workspace.replaceView(opened, args.view as Args);
    return { ok: true, view: this.viewOut(updated.id, updated.hash, updated.view) };
  }

  private viewOut(id: string, hash: string, view: Args): Answer {
    return {
      id,
      team_id: TEAM.id,
      type: view.type ?? 'modal',
      blocks: view.blocks ?? [],
      private_metadata: view.private_metadata ?? '',
      callback_id: view.callback_id ?? '',
      state: { values: {} },
      hash,
      title: view.title,
      close: view.close ?? null,
      submit: view.submit ?? null,
      root_view_id: id,
      app_id: BOT.appId,
      external_id: view.external_id ?? '',
      bot_id: BOT.botId,
    };
  }
}
