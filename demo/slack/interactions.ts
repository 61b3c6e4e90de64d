import { randomBytes } from 'node:crypto';
import { DEMO_WORDS, fill } from '../words.js';
import {
  channelName,
  escapeTyped,
  handleOf,
  pick,
  requiredLeftEmpty,
  type StateValues,
  userField,
  viewPayload,
} from './payloads.js';
import type { BotAnswer, BotLink } from './toBot.js';
import { BOT, CHANNELS, dmOf, type OpenView, TEAM, type Workspace } from './workspace.js';

export type { StateValues } from './payloads.js';

/**
 * What a person does on the page, turned into what Slack sends the app (slash commands,
 * block_actions, view_submission, view_closed), and what Slack does with the app's answer: an
 * ephemeral reply, form errors, a new or closed modal, or Slack's own error when the app fails.
 */

export interface Click {
  user: string;
  actionId: string;
  blockId: string;
  /** The element as the app sent it (type, value, text, url…). */
  element: Record<string, unknown>;
  /** What was picked: selected_user, selected_option, selected_date. */
  selection?: Record<string, unknown>;
  /** A click in a message… */
  channel?: string;
  messageTs?: string;
  /** …or in a modal. */
  viewId?: string;
  values?: StateValues;
}

const COMMAND = /^\/(\S+)\s*([\s\S]*)$/;

/** How many acknowledgements and response URL posts the demo remembers (for the browser test's guards). */
const KEPT = 2000;
const keep = (list: unknown[], item: unknown) => {
  list.push(item);
  if (list.length > KEPT) list.shift();
};

export class Interactions {
  /** The app's acknowledgement bodies, and what it posted to response URLs, in arrival order. */
  readonly acks: unknown[] = [];
  readonly responses: unknown[] = [];

  constructor(
    private readonly workspace: Workspace,
    private readonly bot: BotLink,
    /** Builds the response URL the app may post to, from its id. */
    private readonly responseUrl: (id: string) => string,
  ) {}

  /** The composer: `/wintro …` goes to the app; any other text is posted as the person's message. */
  async send(user: string, channel: string, typed: string): Promise<void> {
    const text = typed.trim();
    if (!text) return;
    const command = COMMAND.exec(text);
    if (!command) {
      this.workspace.post({ channel, user, text: escapeTyped(text) });
      return;
    }
    const [, name, args] = command as unknown as [string, string, string];
    if (name !== 'wintro') {
      this.slackbotSays(channel, user, fill(DEMO_WORDS.slack.unknownCommand, { command: `/${name}` }));
      return;
    }
    const responseUrlId = this.workspace.issueResponseUrl({ channel, user });
    const answer = await this.bot.command({
      token: 'demo-verification-token',
      team_id: TEAM.id,
      team_domain: TEAM.domain,
      channel_id: channel,
      channel_name: CHANNELS.find((each) => each.id === channel)?.name ?? 'directmessage',
      user_id: user,
      user_name: handleOf(user),
      command: '/wintro',
      text: args,
      api_app_id: BOT.appId,
      is_enterprise_install: 'false',
      response_url: this.responseUrl(responseUrlId),
      trigger_id: this.workspace.issueTrigger(user),
    });
    if (answer.body) keep(this.acks, answer.body);
    if (this.failed(answer, channel, user, '/wintro')) return;
    const reply = answer.body;
    if (reply && (reply.text || reply.blocks)) this.postReply(reply, { channel, user });
  }

  async click(click: Click): Promise<void> {
    const action: Record<string, unknown> = {
      type: click.element.type,
      action_id: click.actionId,
      block_id: click.blockId,
      action_ts: (Date.now() / 1000).toFixed(6),
      ...pick(click.element, ['text', 'value', 'style']),
      ...(click.selection ?? {}),
    };
    const payload: Record<string, unknown> = {
      type: 'block_actions',
      user: userField(click.user),
      api_app_id: BOT.appId,
      token: 'demo-verification-token',
      trigger_id: this.workspace.issueTrigger(click.user),
      team: { id: TEAM.id, domain: TEAM.domain },
      enterprise: null,
      is_enterprise_install: false,
      actions: [action],
    };
    const opened = click.viewId ? this.workspace.findView(click.viewId) : undefined;
    if (opened) {
      payload.container = { type: 'view', view_id: opened.id };
      payload.view = viewPayload(opened, click.values ?? {});
    } else if (click.channel && click.messageTs) {
      const message = this.workspace.find(click.channel, click.messageTs);
      if (!message) return;
      payload.container = {
        type: 'message',
        message_ts: message.ts,
        channel_id: message.channel,
        is_ephemeral: Boolean(message.visibleTo),
      };
      payload.channel = { id: message.channel, name: channelName(message.channel) };
      if (!message.visibleTo) {
        payload.message = {
          type: 'message',
          user: message.user,
          bot_id: message.user === BOT.userId ? BOT.botId : undefined,
          text: message.text,
          ts: message.ts,
          blocks: message.blocks ?? [],
        };
      }
      payload.state = { values: click.values ?? {} };
      payload.response_url = this.responseUrl(
        this.workspace.issueResponseUrl({
          channel: message.channel,
          user: click.user,
          messageTs: message.ts,
        }),
      );
    } else return;
    const answer = await this.bot.interaction(payload);
    if (!opened && click.channel) this.failed(answer, click.channel, click.user);
  }

  /** Submits the top modal; Slack itself refuses a required field left empty. */
  async submit(user: string, viewId: string, values: StateValues): Promise<void> {
    const opened = this.workspace.findView(viewId);
    if (!opened || opened.user !== user) return;
    const missing = requiredLeftEmpty(opened, values);
    if (Object.keys(missing).length > 0) {
      this.workspace.setErrors(opened, missing);
      return;
    }
    const answer = await this.bot.interaction({
      type: 'view_submission',
      team: { id: TEAM.id, domain: TEAM.domain },
      user: userField(user),
      api_app_id: BOT.appId,
      token: 'demo-verification-token',
      trigger_id: this.workspace.issueTrigger(user),
      view: viewPayload(opened, values),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    });
    if (answer.body) keep(this.acks, answer.body);
    if (answer.failure || answer.status !== 200) {
      this.workspace.setErrors(opened, { '': DEMO_WORDS.slack.modalTrouble });
      return;
    }
    this.applyViewAck(user, opened, answer.body ?? {});
  }

  /** Cancel or ×: the modal closes, and the app hears of it if it asked to. */
  async close(user: string, viewId: string, values: StateValues): Promise<void> {
    const opened = this.workspace.findView(viewId);
    if (!opened || opened.user !== user) return;
    this.workspace.closeView(user);
    if (opened.view.notify_on_close !== true) return;
    await this.bot.interaction({
      type: 'view_closed',
      team: { id: TEAM.id, domain: TEAM.domain },
      user: userField(user),
      api_app_id: BOT.appId,
      token: 'demo-verification-token',
      view: viewPayload(opened, values),
      is_cleared: false,
      is_enterprise_install: false,
      enterprise: null,
    });
  }

  /** The person opened the app's Home tab: Slack sends `app_home_opened` through the Events API. */
  async openHome(user: string): Promise<void> {
    const eventTime = Math.floor(Date.now() / 1000);
    const home = this.workspace.homeOf(user);
    await this.bot.event({
      token: 'demo-verification-token',
      team_id: TEAM.id,
      api_app_id: BOT.appId,
      event: {
        type: 'app_home_opened',
        user,
        channel: dmOf(user),
        tab: 'home',
        event_ts: `${eventTime}.000100`,
        ...(home ? { view: viewPayload(home, {}) } : {}),
      },
      type: 'event_callback',
      event_id: `Ev${randomBytes(6).toString('hex').toUpperCase()}`,
      event_time: eventTime,
      authorizations: [
        {
          enterprise_id: null,
          team_id: TEAM.id,
          user_id: BOT.userId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
    });
  }

  /** A POST to a response URL the demo handed out. */
  respond(id: string, body: Record<string, unknown>): boolean {
    const target = this.workspace.useResponseUrl(id);
    if (!target) return false;
    keep(this.responses, body);
    const original = target.messageTs ? this.workspace.find(target.channel, target.messageTs) : undefined;
    if (body.delete_original === true || body.delete_original === 'true') {
      if (original) this.workspace.remove(original.channel, original.ts);
      return true;
    }
    if ((body.replace_original === true || body.replace_original === 'true') && original) {
      this.workspace.update(original.channel, original.ts, {
        text: typeof body.text === 'string' ? body.text : '',
        blocks: Array.isArray(body.blocks) ? body.blocks : undefined,
      });
      return true;
    }
    this.postReply(body, target);
    return true;
  }

  private applyViewAck(user: string, opened: OpenView, ack: Record<string, unknown>) {
    const view = ack.view as Record<string, unknown> | undefined;
    switch (ack.response_action) {
      case 'errors':
        this.workspace.setErrors(opened, (ack.errors as Record<string, string>) ?? {});
        return;
      case 'update':
        if (view) this.workspace.replaceView(opened, view);
        return;
      case 'push':
        if (view) this.workspace.openView(user, view, true);
        return;
      case 'clear':
        this.workspace.closeView(user, true);
        return;
      default:
        this.workspace.closeView(user);
    }
  }

  private postReply(reply: Record<string, unknown>, target: { channel: string; user: string }) {
    this.workspace.post({
      channel: target.channel,
      user: BOT.userId,
      text: typeof reply.text === 'string' ? reply.text : '',
      blocks: Array.isArray(reply.blocks) ? reply.blocks : undefined,
      ...(reply.response_type === 'in_channel' ? {} : { visibleTo: target.user }),
    });
  }

  /** Slack's own words when the app did not answer in time or answered with an error. */
  private failed(answer: BotAnswer, channel: string, user: string, command?: string): boolean {
    if (!answer.failure && answer.status === 200) return false;
    const error = answer.failure === 'timeout' ? 'operation_timeout' : 'dispatch_failed';
    const words = command
      ? fill(DEMO_WORDS.slack.commandFailed, { command, error })
      : DEMO_WORDS.slack.clickFailed;
    this.slackbotSays(channel, user, words);
    return true;
  }

  private slackbotSays(channel: string, user: string, text: string) {
    this.workspace.post({ channel, user: 'USLACKBOT', text, visibleTo: user });
  }
}
