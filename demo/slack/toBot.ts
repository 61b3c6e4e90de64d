import { createHmac } from 'node:crypto';

/**
 * Carries requests to the bot's `/slack/events` the way Slack does: form-encoded, signed with the
 * signing secret (`v0=` HMAC-SHA256 over `v0:<timestamp>:<body>`), and given up on after Slack's
 * three seconds.
 */
export interface BotAnswer {
  status: number;
  /** The acknowledgement's JSON body, when it had one. */
  body?: Record<string, unknown>;
  /** Why no answer came: `timeout` or `unreachable`. */
  failure?: 'timeout' | 'unreachable';
}

const SLACK_DEADLINE_MS = 3000;

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export class BotLink {
  constructor(
    /** e.g. http://127.0.0.1:4100/slack/events; may be set once the bot is up. */
    public eventsUrl: string,
    private readonly signingSecret: string,
  ) {}

  /** A slash command: its fields, form-encoded. */
  command(fields: Record<string, string>): Promise<BotAnswer> {
    return this.send(new URLSearchParams(fields).toString());
  }

  /** An interaction (block_actions, view_submission, view_closed): one `payload` field of JSON. */
  interaction(payload: Record<string, unknown>): Promise<BotAnswer> {
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  }

  /** An Events API delivery: the JSON envelope. */
  event(envelope: Record<string, unknown>): Promise<BotAnswer> {
    return this.send(JSON.stringify(envelope), 'application/json');
  }

  private async send(body: string, contentType = 'application/x-www-form-urlencoded'): Promise<BotAnswer> {
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await fetch(this.eventsUrl, {
        method: 'POST',
        headers: {
          // Bare, as Slack sends it: Bolt compares the type exactly.
          'content-type': contentType,
          'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': sign(this.signingSecret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(SLACK_DEADLINE_MS),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return { status: 0, failure: timedOut ? 'timeout' : 'unreachable' };
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Slack ignores an acknowledgement body that is not JSON; so does the demo.
    }
    const answer: BotAnswer = { status: response.status };
    if (parsed && typeof parsed === 'object') answer.body = parsed as Record<string, unknown>;
    return answer;
  }
}
