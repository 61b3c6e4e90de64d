import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ackKindOf, timeAcknowledgements } from '../../src/metrics/ackTiming.js';
import { createMetrics, type RejectionReason } from '../../src/metrics/metrics.js';
import { bearerMatches } from '../../src/metrics/route.js';
import type { VendorHttp } from '../../src/vendors/http.js';
import { timedVendorHttp } from '../../src/vendors/timedHttp.js';
import { configProblems, MINIMAL_ENV } from '../support/config.js';
import { labelValues, sampleValue } from '../support/metricsText.js';

const SYSTEMS = ['greenhouse', 'personio', 'personio_employees', 'recruitee', 'workable'];
const metricsOf = (rejected?: () => Record<RejectionReason, number>) =>
  createMetrics({ systemIds: SYSTEMS, ...(rejected ? { rejectedRequests: rejected } : {}) });
const textOf = async (metrics: ReturnType<typeof metricsOf>) => (await metrics.exposition()).text;
const failure = (code: string) => ({ ok: false as const, code, title: 'Title', detail: 'Detail' });

describe('the metrics of one bot instance', () => {
  it('serves every metric the issue names, and the default process metrics, as Prometheus text', async () => {
    const metrics = metricsOf();
    const { contentType, text } = await metrics.exposition();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of [
      'wintro_ack_seconds',
      'wintro_flows_started_total',
      'wintro_flows_linked_total',
      'wintro_flow_steps_total',
      'wintro_checks_total',
      'wintro_vendor_request_seconds',
      'wintro_webhook_deliveries_total',
      'wintro_rejected_requests_total',
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    // Series a dashboard needs from the start are there at 0, for rate() and for the legend.
    expect(sampleValue(text, 'wintro_flows_started_total', { system: 'greenhouse' })).toBe(0);
    expect(text).toContain('wintro_webhook_deliveries_total{outcome="expired"} 0');
    expect(text).toContain('wintro_ack_seconds_count{kind="event"} 0');
  });

  it('has every step of each system’s funnel at 0 from the start, so increase() sees the first setup', async () => {
    const metrics = createMetrics({
      systemIds: SYSTEMS,
      guideSteps: { greenhouse: 2 },
      familyIds: ['personio'],
    });
    const text = await textOf(metrics);
    const zeroes = text.split('\n').filter((line) => line.startsWith('wintro_flow_steps_total{'));
    expect(text).toContain('wintro_checks_total{system="greenhouse",outcome="timeout"} 0');
    expect(zeroes).toEqual([
      'wintro_flow_steps_total{system="greenhouse",phase="prerequisites",step="0"} 0',
      'wintro_flow_steps_total{system="greenhouse",phase="guide",step="1"} 0',
      'wintro_flow_steps_total{system="greenhouse",phase="guide",step="2"} 0',
      'wintro_flow_steps_total{system="greenhouse",phase="credentials",step="0"} 0',
      'wintro_flow_steps_total{system="greenhouse",phase="verifying",step="0"} 0',
      'wintro_flow_steps_total{system="greenhouse",phase="linked",step="0"} 0',
      'wintro_flow_steps_total{system="greenhouse",phase="cancelled",step="0"} 0',
      'wintro_flow_steps_total{system="personio",phase="choose_variant",step="0"} 0',
    ]);
  });

  it('keeps each instance apart: two in one process count on their own', async () => {
    const first = metricsOf();
    const second = metricsOf();
    first.flowStarted('greenhouse');
    first.flowStarted('greenhouse');
    second.flowStarted('greenhouse');
    expect(sampleValue(await textOf(first), 'wintro_flows_started_total', { system: 'greenhouse' })).toBe(2);
    expect(sampleValue(await textOf(second), 'wintro_flows_started_total', { system: 'greenhouse' })).toBe(1);
  });

  it('counts the funnel, checks, links and deliveries under their fixed labels', async () => {
    const metrics = metricsOf();
    metrics.stepReached('greenhouse', 'guide', 2);
    metrics.stepReached('greenhouse', 'prerequisites', 0);
    metrics.checkFinished('greenhouse', failure('invalid_client'));
    metrics.checkFinished('greenhouse', { ok: true, details: [] });
    metrics.flowLinked('greenhouse');
    metrics.webhookDelivery('retried');
    metrics.webhookDelivery('delivered');
    const text = await textOf(metrics);
    const steps = (labels: Record<string, string>) => sampleValue(text, 'wintro_flow_steps_total', labels);
    expect(steps({ system: 'greenhouse', phase: 'guide', step: '2' })).toBe(1);
    expect(steps({ system: 'greenhouse', phase: 'prerequisites', step: '0' })).toBe(1);
    expect(sampleValue(text, 'wintro_checks_total', { outcome: 'invalid_client' })).toBe(1);
    expect(sampleValue(text, 'wintro_checks_total', { outcome: 'linked' })).toBe(1);
    expect(sampleValue(text, 'wintro_flows_linked_total', { system: 'greenhouse' })).toBe(1);
    expect(sampleValue(text, 'wintro_webhook_deliveries_total', { outcome: 'retried' })).toBe(1);
    expect(sampleValue(text, 'wintro_webhook_deliveries_total', { outcome: 'delivered' })).toBe(1);
  });

  it('never lets a value from outside its fixed set into a label', async () => {
    const metrics = metricsOf();
    const secret = 'gh-secret-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2';
    metrics.flowStarted('T0ACME');
    metrics.flowLinked(secret);
    metrics.stepReached('U0ADMIN', 'guide' as never, 7);
    metrics.stepReached('greenhouse', 'U0ADMIN' as never, 1e6);
    metrics.checkFinished('greenhouse', failure(`The secret ${secret} was refused`));
    metrics.checkFinished('greenhouse', failure('U0ADMIN'));
    metrics.vendorRequest('https://evil.example/?token=x', 0.1);
    const text = await textOf(metrics);
    for (const leaked of ['T0ACME', 'U0ADMIN', secret, 'evil.example', 'was refused']) {
      expect(text).not.toContain(leaked);
    }
    expect(sampleValue(text, 'wintro_flows_started_total', { system: 'other' })).toBe(1);
    expect(sampleValue(text, 'wintro_checks_total', { system: 'greenhouse', outcome: 'other' })).toBe(2);
    expect(sampleValue(text, 'wintro_flow_steps_total', { phase: 'other', step: 'other' })).toBe(1);
    expect(new Set(labelValues(text)).has('other')).toBe(true);
  });

  it('reports the requests refused since the instance was created, by reason', async () => {
    const counts: Record<RejectionReason, number> = { unsigned: 4, bad_signature: 1, malformed: 0 };
    const metrics = metricsOf(() => ({ ...counts }));
    counts.unsigned += 2;
    counts.malformed += 1;
    let text = await textOf(metrics);
    expect(sampleValue(text, 'wintro_rejected_requests_total', { reason: 'unsigned' })).toBe(2);
    expect(sampleValue(text, 'wintro_rejected_requests_total', { reason: 'bad_signature' })).toBe(0);
    expect(sampleValue(text, 'wintro_rejected_requests_total', { reason: 'malformed' })).toBe(1);
    counts.bad_signature += 3;
    text = await textOf(metrics);
    // A counter: each scrape adds only what is new.
    expect(sampleValue(text, 'wintro_rejected_requests_total', { reason: 'unsigned' })).toBe(2);
    expect(sampleValue(text, 'wintro_rejected_requests_total', { reason: 'bad_signature' })).toBe(3);
  });
});

describe('acknowledgement timing', () => {
  it('tells the kind of request from its body', () => {
    expect(ackKindOf({ command: '/wintro', text: 'link' })).toBe('command');
    expect(ackKindOf({ type: 'block_actions' })).toBe('action');
    expect(ackKindOf({ type: 'view_submission' })).toBe('view');
    expect(ackKindOf({ type: 'view_closed' })).toBe('view');
    expect(ackKindOf({ type: 'event_callback', event: { type: 'app_uninstalled' } })).toBe('event');
    expect(ackKindOf({ type: 'url_verification' })).toBeUndefined();
    expect(ackKindOf(null)).toBeUndefined();
  });

  it('times from the request reaching Bolt to its first ack, once per request', async () => {
    const metrics = metricsOf();
    let clock = 1000;
    const app = {
      // Bolt's processEvent, standing in: the listener works 40 ms, then acks (twice, by mistake).
      async processEvent(event: { ack: (response?: unknown) => Promise<void> }) {
        clock += 40;
        await event.ack({ text: 'ok' });
        clock += 500;
        await event.ack().catch(() => undefined);
      },
    };
    const acked: unknown[] = [];
    timeAcknowledgements(app as never, metrics, () => clock);
    await app.processEvent({
      body: { type: 'block_actions' },
      ack: async (response?: unknown) => {
        acked.push(response);
      },
    } as never);
    expect(acked[0]).toEqual({ text: 'ok' });
    const text = await textOf(metrics);
    expect(sampleValue(text, 'wintro_ack_seconds_count', { kind: 'action' })).toBe(1);
    expect(sampleValue(text, 'wintro_ack_seconds_sum', { kind: 'action' })).toBeCloseTo(0.04);
    expect(sampleValue(text, 'wintro_ack_seconds_bucket', { kind: 'action', le: '0.05' })).toBe(1);
    expect(sampleValue(text, 'wintro_ack_seconds_bucket', { kind: 'action', le: '0.025' })).toBe(0);
  });
});

describe('vendor call timing', () => {
  it('times every call, answered or failed, and passes the result through unchanged', async () => {
    let clock = 0;
    const durations: number[] = [];
    const inner: VendorHttp = {
      async send(request) {
        clock += request.url.endsWith('/slow') ? 2500 : 120;
        if (request.url.endsWith('/broken')) throw new Error('socket hang up');
        return { ok: true, response: { status: 200, headers: {}, body: '{}' } };
      },
    };
    const http = timedVendorHttp(
      inner,
      (seconds) => durations.push(seconds),
      () => clock,
    );
    const answered = await http.send({ method: 'GET', url: 'https://vendor.test/fast' });
    await http.send({ method: 'GET', url: 'https://vendor.test/slow' });
    await expect(http.send({ method: 'GET', url: 'https://vendor.test/broken' })).rejects.toThrow();
    expect(answered).toEqual({ ok: true, response: { status: 200, headers: {}, body: '{}' } });
    expect(durations).toEqual([0.12, 2.5, 0.12]);
  });
});

describe('the metrics token', () => {
  const request = (authorization?: string) =>
    ({ headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;
  const token = 'metrics-token-0123456789abcdef';

  it('is read from METRICS_TOKEN, and a weak one is refused without repeating it', () => {
    expect(loadConfig(MINIMAL_ENV).metricsToken).toBeUndefined();
    expect(loadConfig({ ...MINIMAL_ENV, METRICS_TOKEN: ` ${token} ` }).metricsToken).toBe(token);
    for (const weak of ['short-token', 'has spaces in the middle of it']) {
      const problems = configProblems({ ...MINIMAL_ENV, METRICS_TOKEN: weak });
      expect(problems).toEqual([
        'METRICS_TOKEN must be at least 16 characters without spaces (generate one with: openssl rand -hex 32)',
      ]);
    }
  });

  it('is accepted only as the exact bearer token', () => {
    expect(bearerMatches(request(`Bearer ${token}`), token)).toBe(true);
    expect(bearerMatches(request(`bearer ${token}`), token)).toBe(true);
    for (const wrong of [
      undefined,
      '',
      token,
      `Basic ${token}`,
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      'Bearer ',
    ]) {
      expect(bearerMatches(request(wrong), token), String(wrong)).toBe(false);
    }
  });
});
