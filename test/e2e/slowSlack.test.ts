import { describe, expect, it } from 'vitest';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import type { Journey } from '../support/journey.js';
import { walkToCredentials } from '../support/linking.js';
import type { SlackReply } from '../support/slackRequests.js';

const ACCOUNT = greenhouseAccount('gh-secret-Sl0wSl4ckAcksF1rst8');
const e2e = useE2e({ ...greenhouseSetup(ACCOUNT) });
const { acks } = e2e;
const GOOD = { client_id: ACCOUNT.clientId, client_secret: ACCOUNT.secret, user_id: ACCOUNT.userId };
/** Slack's window for an acknowledgement. */
const SLACK_WINDOW_MS = 3000;

/** Sends a request and says how long the bot took to acknowledge it. */
async function acknowledged(send: () => Promise<SlackReply>) {
  const started = performance.now();
  const reply = await send();
  acks.push(reply.body);
  return { reply, ms: performance.now() - started };
}

describe('a Slack that takes 4 seconds for every call', () => {
  it('still gets every command, click and form acknowledged inside its 3-second window', async () => {
    const journey: Journey = e2e.journey();
    const form = await walkToCredentials(journey, 'greenhouse', { prerequisite: 'Can manage ALL', acks });
    e2e.slack.latencyMs = 4000;

    const timings: Record<string, number> = {};
    const back = await acknowledged(() => journey.click('flow.back'));
    timings.click = back.ms;
    const status = await acknowledged(() => journey.command('status'));
    timings.status = status.ms;
    const link = await acknowledged(() => journey.command('link greenhouse'));
    timings.link = link.ms;
    const submitted = await acknowledged(() => journey.submit(form.viewId, form.flowId, GOOD));
    timings.form = submitted.ms;
    expect(submitted.reply.body.response_action).toBe('update');
    const cancel = await acknowledged(() => journey.command('cancel'));
    timings.cancel = cancel.ms;
    expect(cancel.reply.body.text).toMatch(/Cancelled your Greenhouse setup|just changed/);

    for (const [request, ms] of Object.entries(timings)) {
      expect(ms, `${request} acknowledged after ${Math.round(ms)} ms`).toBeLessThan(SLACK_WINDOW_MS);
    }
    // The slow calls still happen, after the acknowledgements.
    e2e.slack.latencyMs = 0;
    await journey.waitForMessage((text) => /Setup cancelled|is linked/.test(text), 15_000);
  }, 40_000);
});
