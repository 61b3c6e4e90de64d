import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e.js';

const e2e = useE2e();
/** Slack's window for an acknowledgement. */
const SLACK_WINDOW_MS = 3000;
/** How long every Slack call takes in this test: longer than a command may wait for a place. */
const SLACK_LATENCY_MS = 1500;
const PEOPLE = 40;
/** Commands handled at once (src/listeners/answer.ts). */
const AT_ONCE = 32;

const personId = (n: number) => `U0BURST${String(n).padStart(3, '0')}`;

describe('a burst of commands from new people while Slack is slow', () => {
  it('handles 32 at a time, starts the rest within a second, and acknowledges and answers all', async () => {
    e2e.slack.latencyMs = SLACK_LATENCY_MS;
    const sentAt = Date.now();
    const acks = await Promise.all(
      Array.from({ length: PEOPLE }, async (_, n) => {
        const started = performance.now();
        const reply = await e2e.running.sender.command({
          teamId: 'T0ACME',
          userId: personId(n),
          text: 'link greenhouse',
          channelId: 'C0GENERAL',
        });
        e2e.acks.push(reply.body);
        return { status: reply.status, ms: performance.now() - started };
      }),
    );
    for (const ack of acks) {
      expect(ack.status).toBe(200);
      expect(ack.ms, `acknowledged after ${Math.round(ack.ms)} ms`).toBeLessThan(SLACK_WINDOW_MS);
    }

    // Every person gets their setup's DM, once.
    for (let n = 0; n < PEOPLE; n++) {
      await e2e.slack.waitFor(
        (call) => call.method === 'chat.postMessage' && call.args.channel === personId(n),
        15_000,
      );
    }
    const dms = e2e.slack.callsTo('chat.postMessage').filter((call) => call.args.channel !== 'C0NOTIFY');
    expect(new Set(dms.map((call) => call.args.channel)).size).toBe(PEOPLE);
    expect(dms).toHaveLength(PEOPLE);

    // Each command asks Slack for its person's language first. Slack answers no call for 1.5 s, so
    // the first answers mark the commands that had a place at once: 32. The other 8 waited for a
    // place until their second was up, and asked a second later.
    const asked = e2e.slack.callsTo('users.info').map((call) => call.at - sentAt);
    expect(asked).toHaveLength(PEOPLE);
    const firstWave = asked.filter((ms) => ms < SLACK_LATENCY_MS + 700);
    expect(firstWave).toHaveLength(AT_ONCE);
  }, 40_000);
});
