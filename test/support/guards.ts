import { expect } from 'vitest';
import { BOT_TOKEN, dumpRedis, type RunningBot } from './bot.js';
import type { FakeSlackRecorder } from './fakeSlackCore.js';
import { responseViolations, slackLimitViolations } from './slackLimits.js';

/** Nothing the bot sent to Slack, or answered it with, may break Slack's limits. */
export function expectWithinSlackLimits(slack: FakeSlackRecorder, acks: unknown[] = []): void {
  for (const call of slack.calls) expect(slackLimitViolations(call), call.method).toEqual([]);
  for (const ack of acks) expect(responseViolations(ack)).toEqual([]);
}

/** Everything the bot said to Slack: every Web API call, response_url post and ack. */
export const slackTraffic = (slack: FakeSlackRecorder, acks: unknown[]): string[] => [
  JSON.stringify(slack.calls.map(({ method, args }) => ({ method, args }))),
  JSON.stringify(slack.responses),
  JSON.stringify(acks),
];

/** None of the secrets may appear in any of the texts. */
export function expectNoneOf(texts: string[], secrets: string[]): void {
  const everywhere = texts.join('\n');
  for (const secret of secrets) {
    expect(everywhere.includes(secret), `secret ${secret.slice(0, 6)}… leaked`).toBe(false);
  }
}

/** What each bot's `GET /metrics` serves (read from the instance, so it works after a stop). */
const metricsTexts = (bots: RunningBot[]) =>
  Promise.all(bots.map(async (bot) => (await bot.bot.metrics.exposition()).text));

/**
 * No secret may appear in the bots' logs, in any Slack call or answer, in their metrics, or in Redis. The bot token
 * belongs in the Authorization header of Web API calls and nowhere else, so it is always searched
 * for. Call it after the bots stopped, so everything they would write is written.
 */
export async function expectNoSecretLeaks(options: {
  bots: RunningBot[];
  slack: FakeSlackRecorder;
  secrets: string[];
  acks?: unknown[];
}): Promise<void> {
  const { bots, slack, secrets, acks = [] } = options;
  const prefixes = [...new Set(bots.map((bot) => bot.keyPrefix))];
  expectNoneOf(
    [
      ...bots.map((bot) => bot.logs.text()),
      ...slackTraffic(slack, acks),
      ...(await metricsTexts(bots)),
      ...(await Promise.all(prefixes.map((prefix) => dumpRedis(prefix)))),
    ],
    [BOT_TOKEN, ...secrets],
  );
}
