/**
 * Flows made the way a person makes them: `/wintro link greenhouse` and a click on Begin, sent to
 * the bot as signed requests. What each flow is (its id, the version its buttons carry, its DM
 * message) is read off the messages the bot drew in the fake Slack, as a person reads it off the
 * screen; nothing is read from the bot's store.
 */
import type { ChildHandle } from './ipc.js';
import type { ClickTarget, RequestFactory, SignedRequest } from './requests.js';
import type { LatestMessage, SlackInfo } from './slackProcess.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the requests to the bot, `concurrency` at a time; resolves when every one was answered. */
export async function sendAll(port: number, requests: (() => SignedRequest)[], concurrency = 50) {
  let next = 0;
  let refused = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = (requests[next++] as () => SignedRequest)();
      const response = await fetch(`http://127.0.0.1:${port}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      await response.arrayBuffer();
      if (response.status !== 200) refused += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (refused > 0) throw new Error(`seeding: the bot refused ${refused} of ${requests.length} requests`);
}

/** `flowId.version` as the bot's buttons carry it. */
export function parseFlowRef(value: string | undefined): { flowId: string; version: number } | undefined {
  const dot = value?.lastIndexOf('.') ?? -1;
  if (!value || dot <= 0) return undefined;
  const version = Number(value.slice(dot + 1));
  return Number.isInteger(version) ? { flowId: value.slice(0, dot), version } : undefined;
}

/** Waits until the newest message in every channel shows the button, and gives those messages. */
export async function waitForButton(
  slack: ChildHandle<SlackInfo>,
  channels: string[],
  actionId: string,
  timeoutMs = 300_000,
): Promise<Record<string, LatestMessage>> {
  const started = Date.now();
  for (;;) {
    const latest = await slack.request<Record<string, LatestMessage>>('latest', { channels });
    const missing = channels.filter((channel) => !latest[channel]?.buttons[actionId]);
    if (missing.length === 0) return latest;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`seeding: ${missing.length} DMs never showed ${actionId} (e.g. ${missing[0]})`);
    }
    await sleep(100);
  }
}

/** One Greenhouse flow per user, through the bot, each at the first guide step. */
export async function seedGuideFlows(options: {
  port: number;
  factory: RequestFactory;
  slack: ChildHandle<SlackInfo>;
  users: string[];
  command?: string;
}): Promise<ClickTarget[]> {
  const { port, factory, slack, users } = options;
  const channels = users.map((user) => `D${user}`);
  await sendAll(
    port,
    users.map((user) => () => factory.command(user, options.command ?? 'link greenhouse')),
  );
  const prerequisites = await waitForButton(slack, channels, 'flow.begin');
  const atPrerequisites = users.map((userId) => targetOf(userId, prerequisites, 'flow.begin'));
  await sendAll(
    port,
    atPrerequisites.map((target) => () => factory.click('flow.begin', target)),
  );
  const guide = await waitForButton(slack, channels, 'flow.next');
  return users.map((userId) => targetOf(userId, guide, 'flow.next'));
}

function targetOf(userId: string, latest: Record<string, LatestMessage>, actionId: string): ClickTarget {
  const channelId = `D${userId}`;
  const message = latest[channelId] as LatestMessage;
  const ref = parseFlowRef(message.buttons[actionId]);
  if (!ref) throw new Error(`seeding: ${actionId} on ${channelId} carries no flow reference`);
  return { userId, channelId, ts: message.ts, ...ref };
}
