import { describe, expect, it } from 'vitest';
import { PHASES } from '../../src/flows/state.js';
import { ACK_KINDS, DELIVERY_OUTCOMES, REJECTION_REASONS } from '../../src/metrics/metrics.js';
import { createCatalog } from '../../src/systems/catalog.js';
import type { RunningBot } from '../support/bot.js';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import { eventually, type Journey } from '../support/journey.js';
import { checkCredentials, nextTo, stepCount, walkToCredentials, walkToStep } from '../support/linking.js';
import { parseSamples, sampleValue } from '../support/metricsText.js';

const ACCOUNT = greenhouseAccount('gh-secret-Metrics8Hj7Kl6Zx5Cv4Bn3');
const GOOD = { client_id: ACCOUNT.clientId, client_secret: ACCOUNT.secret, user_id: ACCOUNT.userId };
const METRICS_TOKEN = 'metrics-token-Qw8Er7Ty6Ui5Op4As3Df2';
const PREREQUISITE = 'Can manage ALL organization';
const STEPS = stepCount('greenhouse');

const greenhouse = greenhouseSetup(ACCOUNT);
const e2e = useE2e({
  ...greenhouse,
  secrets: (vendors) => [...(greenhouse.secrets?.(vendors) ?? []), METRICS_TOKEN],
});
const { acks } = e2e;
const options = { prerequisite: PREREQUISITE, acks };

const scrape = (bot: RunningBot = e2e.running, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${bot.port}/metrics`, { headers });
const metricsText = async (bot?: RunningBot) => {
  const response = await scrape(bot);
  expect(response.status).toBe(200);
  return response.text();
};

/** The funnel of Greenhouse setups: how many reached each phase and step. */
const funnel = (text: string, phase: string, step = 0) =>
  sampleValue(text, 'wintro_flow_steps_total', { system: 'greenhouse', phase, step: String(step) });

/** Every step of the guide as the person walks it, with two Next clicks on one message and Back. */
async function walkWithRevisits(journey: Journey) {
  await walkToStep(journey, 'greenhouse', PREREQUISITE, 1);
  // Two clicks on the same Next (a double click): the setup moves on once.
  const next = journey.button('flow.next');
  const clicks = await Promise.all([
    journey.click('flow.next', { button: next }),
    journey.click('flow.next'),
  ]);
  for (const click of clicks) expect(click.status).toBe(200);
  await journey.waitForMessage((text) => text.includes(`Step 2 of ${STEPS}`));
  // Back to step 1, and Next to step 2 again: both were reached before.
  await journey.click('flow.back');
  await journey.waitForMessage((text) => text.includes(`Step 1 of ${STEPS}`));
  await nextTo(journey, 'greenhouse', 1, 2);
}

/** Every label value a wintro_* sample may carry: catalog ids, phases, step numbers, fixed words. */
function allowedLabelValues(): Set<string> {
  const catalog = createCatalog();
  return new Set<string>([
    ...[...catalog.systems, ...catalog.families].map(({ id }) => id),
    ...PHASES,
    ...ACK_KINDS,
    ...DELIVERY_OUTCOMES,
    ...REJECTION_REASONS,
    'other',
    'linked',
  ]);
}

describe('metrics for operators', () => {
  it('a link moves the counters, the funnel, the vendor timings and the acknowledgement histogram', async () => {
    const before = await metricsText();
    expect(sampleValue(before, 'wintro_flows_started_total', { system: 'greenhouse' })).toBe(0);
    expect(sampleValue(before, 'wintro_ack_seconds_count')).toBe(0);

    const journey = e2e.journey();
    const form = await walkToCredentials(journey, 'greenhouse', options);
    const failed = await checkCredentials(
      journey,
      form,
      { ...GOOD, client_secret: 'wrong-secret-123456' },
      acks,
    );
    expect(failed.resultText).toContain('did not accept');
    await journey.waitForMessage((text) => text.includes('did not accept'));
    const linked = await checkCredentials(journey, form, GOOD, acks);
    expect(linked.resultText).toContain('is linked');
    await journey.waitForMessage((text) => text.includes('Greenhouse is linked'));

    const text = await eventually(async () => {
      const scraped = await metricsText();
      expect(funnel(scraped, 'linked')).toBe(1);
      return scraped;
    });
    expect(sampleValue(text, 'wintro_flows_started_total', { system: 'greenhouse' })).toBe(1);
    expect(sampleValue(text, 'wintro_flows_linked_total', { system: 'greenhouse' })).toBe(1);
    expect(sampleValue(text, 'wintro_checks_total', { system: 'greenhouse', outcome: 'linked' })).toBe(1);
    const failures = parseSamples(text).filter(
      (sample) =>
        sample.name === 'wintro_checks_total' && sample.labels.outcome !== 'linked' && sample.value > 0,
    );
    expect(failures).toEqual([
      { name: 'wintro_checks_total', labels: { system: 'greenhouse', outcome: 'invalid_client' }, value: 1 },
    ]);

    // The funnel: every phase and step this setup reached, each once.
    expect(funnel(text, 'prerequisites')).toBe(1);
    for (let step = 1; step <= STEPS; step++) expect(funnel(text, 'guide', step), `step ${step}`).toBe(1);
    expect(funnel(text, 'credentials')).toBe(1);
    expect(funnel(text, 'verifying')).toBe(1);

    // Each check called Greenhouse (a token, then the probes), every call timed under its system.
    const vendorCalls = sampleValue(text, 'wintro_vendor_request_seconds_count', { system: 'greenhouse' });
    expect(vendorCalls).toBe(e2e.vendors.greenhouse.requests.length);
    expect(vendorCalls).toBeGreaterThanOrEqual(6);

    // Every command, click and form was acknowledged, and timed, within Slack's 3 seconds.
    // Begin, Next to each further step, and Enter credentials.
    const clicks = 1 + (STEPS - 1) + 1;
    expect(sampleValue(text, 'wintro_ack_seconds_count', { kind: 'command' })).toBe(1);
    expect(sampleValue(text, 'wintro_ack_seconds_count', { kind: 'action' })).toBe(clicks);
    expect(sampleValue(text, 'wintro_ack_seconds_count', { kind: 'view' })).toBe(2);
    const acked = sampleValue(text, 'wintro_ack_seconds_count');
    expect(sampleValue(text, 'wintro_ack_seconds_bucket', { le: '3' })).toBe(acked);
    expect(sampleValue(text, 'wintro_ack_seconds_sum')).toBeGreaterThan(0);
  });

  it('counts each step once per setup: a double Next click, Back and Next, or a repost add nothing', async () => {
    const admin = e2e.journey('U0ADMIN');
    const colleague = e2e.journey('U0COLLEAGUE');
    await walkWithRevisits(admin);
    await walkWithRevisits(colleague);
    // The same setup again at the bottom of the DM: the same step, not a new one.
    await admin.command('link greenhouse');
    await admin.waitForMessage((text) => text.includes(`Step 2 of ${STEPS}`));

    const text = await eventually(async () => {
      const scraped = await metricsText();
      expect(funnel(scraped, 'guide', 2)).toBe(2);
      return scraped;
    });
    expect(sampleValue(text, 'wintro_flows_started_total', { system: 'greenhouse' })).toBe(2);
    expect(funnel(text, 'prerequisites')).toBe(2);
    expect(funnel(text, 'guide', 1)).toBe(2);
    expect(funnel(text, 'guide', 3)).toBe(0);
    expect(sampleValue(text, 'wintro_flow_steps_total')).toBe(6);
  });

  it('holds no user id, team id, flow id or secret in any label, only values from fixed sets', async () => {
    const journey = e2e.journey();
    const form = await walkToCredentials(journey, 'greenhouse', options);
    await checkCredentials(journey, form, GOOD, acks);
    await journey.waitForMessage((text) => text.includes('Greenhouse is linked'));
    await e2e.running.sender.event({
      teamId: 'T0ACME',
      event: { type: 'tokens_revoked', tokens: { oauth: ['U0ADMIN'] } },
    });

    const text = await eventually(async () => {
      const scraped = await metricsText();
      expect(funnel(scraped, 'linked')).toBe(1);
      expect(sampleValue(scraped, 'wintro_ack_seconds_count', { kind: 'event' })).toBe(1);
      return scraped;
    });
    for (const id of ['T0ACME', 'U0ADMIN', 'C0NOTIFY', form.flowId, form.viewId, ACCOUNT.clientId]) {
      expect(text, id).not.toContain(id);
    }
    const allowed = allowedLabelValues();
    for (const sample of parseSamples(text).filter((each) => each.name.startsWith('wintro_'))) {
      for (const [label, value] of Object.entries(sample.labels)) {
        if (label === 'le') continue;
        const fixed =
          allowed.has(value) ||
          (label === 'step' && /^\d{1,2}$/.test(value)) ||
          // Outcome codes are snake_case words written in the vendors' code.
          (label === 'outcome' && /^[a-z][a-z0-9_]{0,47}$/.test(value));
        expect(fixed, `${sample.name}{${label}="${value}"}`).toBe(true);
      }
    }
  });

  it('counts requests refused on the Slack endpoint, by reason', async () => {
    const { sender } = e2e.running;
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T0ACME',
      event: { type: 'app_mention' },
    });
    const before = await metricsText();
    const rejected = (text: string, reason: string) =>
      sampleValue(text, 'wintro_rejected_requests_total', { reason });
    const unsigned = await sender.raw({ body, contentType: 'application/json', signature: null });
    const forged = await sender.raw({ body, contentType: 'application/json', signature: 'v0=deadbeef' });
    const malformed = await sender.raw({ body: 'null', contentType: 'application/json' });
    expect([unsigned.status, forged.status, malformed.status]).toEqual([401, 401, 400]);

    const after = await metricsText();
    expect(rejected(after, 'unsigned') - rejected(before, 'unsigned')).toBe(1);
    expect(rejected(after, 'bad_signature') - rejected(before, 'bad_signature')).toBe(1);
    expect(rejected(after, 'malformed') - rejected(before, 'malformed')).toBe(1);
  });

  it('requires METRICS_TOKEN as a bearer token when it is set, and never logs it', async () => {
    const bot = await e2e.boot({ METRICS_TOKEN });
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-0123456789' },
      { authorization: METRICS_TOKEN },
    ];
    for (const headers of attempts) {
      const refused = await scrape(bot, headers);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer');
      const said = await refused.text();
      expect(said).toContain('Authorization: Bearer');
      expect(said).not.toContain(METRICS_TOKEN);
    }
    const allowed = await scrape(bot, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await allowed.text();
    expect(text).toContain('# TYPE wintro_ack_seconds histogram');
    expect(text).toContain('process_resident_memory_bytes');
    // The secret scan after each test reads the logs, Slack's traffic and Redis for the token too.
  });

  it('serves /metrics without a token when none is set', async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('# TYPE wintro_flow_steps_total counter');
  });
});
