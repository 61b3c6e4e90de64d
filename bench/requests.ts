/**
 * Builds the signed requests Slack would send: a fresh X-Slack-Request-Timestamp, its signature and a
 * unique trigger_id on every single request (the bot ignores a trigger_id it has seen, so a reused one
 * would measure the duplicate path). Payload shapes come from the test suite's SlackSender.
 */
import { encodeForm, newTriggerId, SlackSender, signature } from '../test/support/slackRequests.js';

export interface SignedRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Where a click lands: the flow's DM message and the `flowId.version` value its buttons carry. */
export interface ClickTarget {
  userId: string;
  flowId: string;
  version: number;
  channelId: string;
  ts: string;
}

/** Unique Slack-shaped user ids (`^[A-Z0-9]+$`) with a fixed prefix, never repeated in one run. */
export function userIdSource(prefix: string): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}${n.toString(36).toUpperCase().padStart(7, '0')}`;
  };
}

export class RequestFactory {
  private readonly sender: SlackSender;
  private seq = 0;
  /** The blocks of a real flow message, carried in `message.blocks` as Slack does. */
  messageBlocks: unknown[] = [];
  messageText = 'Greenhouse setup';

  constructor(
    private readonly options: { signingSecret: string; teamId: string; responseUrl: (id: string) => string },
  ) {
    // Only used to build payloads; it never sends anything.
    this.sender = new SlackSender({
      baseUrl: 'http://127.0.0.1:9',
      signingSecret: options.signingSecret,
      responseUrl: options.responseUrl,
    });
  }

  sign(body: string): SignedRequest {
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      method: 'POST',
      path: '/slack/events',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
        Accept: 'application/json,*/*',
        'X-Slack-Request-Timestamp': String(timestamp),
        'X-Slack-Signature': signature(this.options.signingSecret, timestamp, body),
      },
      body,
    };
  }

  /** `/wintro <text>` typed by `userId` in a channel, exactly the fields SlackSender.command sends. */
  command(userId: string, text: string): SignedRequest {
    this.seq += 1;
    const channelId = 'C0GENERAL';
    const body = encodeForm([
      ['token', 'fakeVerificationToken'],
      ['team_id', this.options.teamId],
      ['team_domain', 'fake-team'],
      ['channel_id', channelId],
      ['channel_name', 'general'],
      ['user_id', userId],
      ['user_name', `user-${userId.toLowerCase()}`],
      ['command', '/wintro'],
      ['text', text],
      ['api_app_id', 'A0APP'],
      ['is_enterprise_install', 'false'],
      ['response_url', this.options.responseUrl(`command-${this.seq}`)],
      ['trigger_id', newTriggerId()],
    ]);
    return this.sign(body);
  }

  /** A click on a button of the flow's DM message (block_actions, `value` = `flowId.version`). */
  click(actionId: string, target: ClickTarget): SignedRequest {
    this.seq += 1;
    const { payload } = this.sender.blockActionPayload({
      teamId: this.options.teamId,
      userId: target.userId,
      actionId,
      value: `${target.flowId}.${target.version}`,
      channelId: target.channelId,
      messageTs: target.ts,
      triggerId: newTriggerId(),
      buttonText: 'Next',
      responseUrlId: `action-${this.seq}`,
      message: { text: this.messageText, blocks: this.messageBlocks },
    });
    return this.sign(encodeForm([['payload', JSON.stringify(payload)]]));
  }
}
