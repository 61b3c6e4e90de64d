import { expect } from 'vitest';
import { BOT_TOKEN, dumpRedis, type RunningBot } from './bot.js';
import type { FakeSlack } from './fakeSlack.js';
import { responseViolations, slackLimitViolations } from './slackLimits.js';

/** Nothing the bot sent to Slack, or answered it with, may break Slack's limits. */
export function expectWithinSlackLimits(slack: FakeSlack, acks: unknown[] = []): void {
  for (const call of slack.calls) expect(slackLimitViolations(call), call.method).toEqual([]);
  for (const ack of acks) expect(responseViolations(ack)).toEqual([]);
}

/**
 * No secret may appear in the bots' logs, in any Slack call or answer, or in Redis. The bot token
 * belongs in the Authorization header of Web API calls and nowhere else, so it is always searched
 * for. Call it after the bots stopped, so everything they would write is written.
 */
export async function expectNoSecretLeaks(options: {
  bots: RunningBot[];
  slack: FakeSlack;
  secrets: string[];
  acks?: unknown[];
}): Promise<void> {
  const { bots, slack, secrets, acks = [] } = options;
  const prefixes = [...new Set(bots.map((bot) => bot.keyPrefix))];
  const everywhere = [
    ...bots.map((bot) => bot.logs.text()),
    JSON.stringify(slack.calls.map(({ method, args }) => ({ method, args }))),
    JSON.stringify(slack.responses),
    JSON.stringify(acks),
    ...(await Promise.all(prefixes.map((prefix) => dumpRedis(prefix)))),
  ].join('\n');
  for (const secret of [BOT_TOKEN, ...secrets]) {
    expect(everywhere.includes(secret), `secret ${secret.slice(0, 6)}… leaked`).toBe(false);
  }
}
