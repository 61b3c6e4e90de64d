import type { FakeSlackRecorder, RecordedCall } from './fakeSlackCore.js';
import type { SlackReply, SlackSender } from './slackRequests.js';

export interface Button {
  action_id: string;
  value?: string;
  text: { text: string };
}

export function buttonsOf(blocks: any[] | undefined): Button[] {
  return (blocks ?? [])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements as Button[]);
}

export const textOf = (blocks: any[] | undefined): string => JSON.stringify(blocks ?? []);

/**
 * Follows one person's DM with the bot the way they see it: the newest version of the flow message,
 * and the buttons on it.
 */
export class Journey {
  constructor(
    readonly slack: FakeSlackRecorder,
    readonly sender: SlackSender,
    readonly teamId: string,
    readonly userId: string,
  ) {}

  get dmChannel() {
    return `D${this.userId}`;
  }

  /**
   * The setup message as the person sees it: the newest-posted message in their DM that has a
   * header (notices have none), in its latest version.
   */
  latestMessage(): RecordedCall | undefined {
    const inDm = this.slack.calls.filter(
      (call) =>
        ['chat.postMessage', 'chat.update'].includes(call.method) &&
        call.channel === this.dmChannel &&
        call.response?.ok === true,
    );
    const latestByTs = new Map<string, RecordedCall>();
    const postOrder: string[] = [];
    for (const call of inDm) {
      const ts = call.method === 'chat.postMessage' ? call.response?.ts : call.args.ts;
      if (!ts) continue;
      if (call.method === 'chat.postMessage') postOrder.push(ts);
      latestByTs.set(ts, { ...call, args: { ...call.args, ts } });
    }
    for (const ts of [...postOrder].reverse()) {
      const latest = latestByTs.get(ts);
      if (latest?.args.blocks?.some((block: any) => block.type === 'header')) return latest;
    }
    return undefined;
  }

  async waitForMessage(predicate: (text: string) => boolean, timeoutMs = 4000): Promise<RecordedCall> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const latest = this.latestMessage();
      if (latest && predicate(textOf(latest.args.blocks))) return latest;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(
      `No DM message matched; latest: ${textOf(this.latestMessage()?.args.blocks).slice(0, 600)}`,
    );
  }

  button(actionId: string): Button {
    const found = buttonsOf(this.latestMessage()?.args.blocks).find(
      (button) => button.action_id === actionId,
    );
    if (!found) throw new Error(`No ${actionId} button on the latest message`);
    return found;
  }

  /**
   * Types `/wintro <text>`: the answer as the person sees it. It is in the acknowledgement, or — when
   * the bot must ask Slack for the person's language first — the first post to the response URL.
   */
  async command(text: string): Promise<SlackReply> {
    const reply = await this.sender.command({
      teamId: this.teamId,
      userId: this.userId,
      text,
      channelId: 'C0GENERAL',
    });
    return commandAnswer(this.slack, reply);
  }

  /** Clicks a button on the newest DM message, as this person. */
  async click(
    actionId: string,
    options: { as?: string; triggerId?: string; button?: Button } = {},
  ): Promise<SlackReply> {
    const button = options.button ?? this.button(actionId);
    const latest = this.latestMessage();
    return this.sender.blockAction({
      teamId: this.teamId,
      userId: options.as ?? this.userId,
      actionId: button.action_id,
      value: button.value,
      channelId: this.dmChannel,
      messageTs: latest?.args.ts,
      triggerId: options.triggerId,
    });
  }

  /** Submits the credentials form that is open for this person. */
  submit(viewId: string, flowId: string, values: Record<string, string>, as?: string): Promise<SlackReply> {
    return this.sender.viewSubmission({
      teamId: this.teamId,
      userId: as ?? this.userId,
      viewId,
      callbackId: 'credentials.submit',
      privateMetadata: flowId,
      values: Object.fromEntries(
        Object.entries(values).map(([field, value]) => [
          field,
          { value: { type: 'plain_text_input', value } },
        ]),
      ),
    });
  }
}

/** A command's answer: the acknowledgement's, or the first response-URL post after an empty one. */
export async function commandAnswer(slack: FakeSlackRecorder, reply: SlackReply): Promise<SlackReply> {
  const answered = reply.body && typeof reply.body === 'object' && (reply.body.text || reply.body.blocks);
  if (reply.status !== 200 || answered || !reply.responseUrlId) return reply;
  const posted = await slack.waitForResponse((response) => response.id === reply.responseUrlId);
  return { ...reply, body: posted.body };
}

export const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` stops throwing. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 4000): Promise<T> {
  const started = Date.now();
  let lastError: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw lastError;
}
