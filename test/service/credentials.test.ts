import { describe, expect, it } from 'vitest';
import { eventually, textOf } from '../support/journey.js';
import { fieldsOf, notifications } from '../support/linking.js';
import { ADMIN, CLIENT_ID, GOOD, useServiceBot } from './harness.js';

const ctx = useServiceBot();

describe('the credentials form', () => {
  it('checks after the ack, links, stores the connection sealed and notifies the channel once', async () => {
    const form = await ctx.toCredentials();
    expect(fieldsOf(form.view)).toEqual(['client_id', 'client_secret', 'user_id']);
    expect(form.view.callback_id).toBe('credentials.submit');
    const { submitted, resultText } = await ctx.check(form, {
      ...GOOD,
      user_id: `https://app.greenhouse.io/account/users/${GOOD.user_id}`,
    });
    expect(textOf(submitted.view.blocks)).toContain('Checking with Greenhouse');
    expect(resultText).toContain('is linked');
    await ctx.admin.waitForMessage((text) => text.includes('Greenhouse is linked'));
    await eventually(() => expect(notifications(ctx.admin)).toHaveLength(1));
    expect(notifications(ctx.admin)[0]?.args.text).toContain(`<@${ADMIN}>`);

    const token = ctx.greenhouse.requests.find((request) => request.url.endsWith('/token'));
    expect(token?.headers?.authorization).toBe(
      `Basic ${Buffer.from(`${CLIENT_ID}:${GOOD.client_secret}`).toString('base64')}`,
    );
    expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({
      grant_type: 'client_credentials',
      sub: GOOD.user_id,
    });
    const probes = ctx.greenhouse.requests.filter((request) => request.method === 'GET');
    expect(probes.map((request) => new URL(request.url).pathname).sort()).toEqual([
      '/v3/applications',
      '/v3/candidates',
      '/v3/jobs',
      '/v3/users',
    ]);
    const status = await ctx.admin.command('status');
    ctx.acks.push(status.body);
    expect(textOf(status.body.blocks)).toMatch(/Greenhouse\*: linked by <@U0ADMIN>/);
  });

  it('shows format problems inline without calling Greenhouse', async () => {
    const form = await ctx.toCredentials();
    const bad = await ctx.admin.submit(form.viewId, form.flowId, {
      client_id: 'has spaces in it',
      client_secret: '',
      user_id: 'abc',
    });
    ctx.acks.push(bad.body);
    expect(bad.body.response_action).toBe('errors');
    expect(Object.keys(bad.body.errors).sort()).toEqual(['client_id', 'client_secret', 'user_id']);
    expect(bad.body.errors.user_id).toContain('a number such as 12345');
    const legacy = await ctx.admin.submit(form.viewId, form.flowId, {
      client_id: '0123456789abcdef0123456789abcdef-3',
      client_secret: '',
      user_id: GOOD.user_id,
    });
    ctx.acks.push(legacy.body);
    expect(legacy.body.errors.client_id).toContain('31 August 2026');
    expect(ctx.greenhouse.requests).toHaveLength(0);
  });

  it('answers a second submission while the first is being checked with an inline error, and links once', async () => {
    const form = await ctx.toCredentials();
    const release = ctx.greenhouse.hold();
    const first = await ctx.admin.submit(form.viewId, form.flowId, GOOD);
    const second = await ctx.admin.submit(form.viewId, form.flowId, GOOD);
    ctx.acks.push(first.body, second.body);
    expect(first.body.response_action).toBe('update');
    expect(second.body.response_action).toBe('errors');
    release();
    await ctx.admin.waitForMessage((text) => text.includes('Greenhouse is linked'));
    await eventually(() => expect(notifications(ctx.admin)).toHaveLength(1));
    expect(ctx.greenhouse.requests.filter((request) => request.url.endsWith('/token'))).toHaveLength(1);
  });

  it('explains rejected client credentials, and a corrected retry links without starting over', async () => {
    const form = await ctx.toCredentials();
    const failed = await ctx.check(form, { ...GOOD, client_secret: 'wrong-secret-123456' });
    expect(failed.resultText).toContain('did not accept the Client ID and Client Secret');
    expect(failed.resultView.submit.text).toBe('Check again');
    await ctx.admin.waitForMessage((text) => text.includes('did not accept the Client ID'));
    const retried = await ctx.check(form, GOOD);
    expect(retried.resultText).toContain('is linked');
    expect(ctx.bot.slack.callsTo('views.open')).toHaveLength(1);
  });

  const FAILURES: {
    name: string;
    arrange?: () => void;
    values?: Record<string, string>;
    says: string[];
  }[] = [
    {
      name: 'a malformed client id',
      values: { ...GOOD, client_id: 'notaclientid' },
      says: ['did not accept the Client ID'],
    },
    {
      name: 'an unknown user id',
      values: { ...GOOD, user_id: '999' },
      says: ['Greenhouse does not know that user id', '/account/users/'],
    },
    {
      name: 'missing scopes',
      arrange: () => {
        ctx.greenhouse.clients.set(CLIENT_ID, {
          secret: GOOD.client_secret,
          scopes: ['harvest:users:list', 'harvest:jobs:list'],
        });
      },
      says: ['harvest:candidates:list', 'harvest:applications:list', 'Manage scopes'],
    },
    {
      name: 'Greenhouse being down',
      arrange: () => (ctx.greenhouse.mode = { kind: 'down' }),
      says: ['Greenhouse had a problem'],
    },
    {
      name: 'a rate limit',
      arrange: () => (ctx.greenhouse.mode = { kind: 'rate_limited', retryAfter: 7 }),
      says: ['Try again in 7 seconds'],
    },
    {
      name: 'a check that ran out of time',
      arrange: () => (ctx.greenhouse.mode = { kind: 'transport', failure: 'timeout' }),
      says: ['did not answer in time'],
    },
    {
      name: 'a Greenhouse that cannot be reached',
      arrange: () => (ctx.greenhouse.mode = { kind: 'transport', failure: 'unreachable' }),
      says: ['could not reach Greenhouse'],
    },
  ];

  it.each(FAILURES)('names $name in the form and in the DM', async ({ arrange, values, says }) => {
    const form = await ctx.toCredentials();
    arrange?.();
    const { resultText, resultView } = await ctx.check(form, values ?? GOOD);
    for (const text of says) expect(resultText).toContain(text);
    expect(resultView.submit.text).toBe('Check again');
    const dm = await ctx.admin.waitForMessage((text) => text.includes(says[0] as string));
    expect(textOf(dm.args.blocks)).toContain('Enter credentials');
    expect(notifications(ctx.admin)).toHaveLength(0);
  });

  it('does not ask Greenhouse again while it asked us to wait', async () => {
    const form = await ctx.toCredentials();
    ctx.greenhouse.mode = { kind: 'rate_limited', retryAfter: 7 };
    await ctx.check(form, GOOD);
    const calls = ctx.greenhouse.requests.length;
    const again = await ctx.admin.submit(form.viewId, form.flowId, GOOD);
    ctx.acks.push(again.body);
    expect(again.body.response_action).toBe('errors');
    expect(again.body.errors.client_id).toMatch(/asked us to wait\. Try again in [67] seconds/);
    expect(ctx.greenhouse.requests).toHaveLength(calls);
  });
});
