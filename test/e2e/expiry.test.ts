import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { REDIS_URL } from '../support/bot.js';
import { useE2e } from '../support/e2e.js';
import { type FakeWorkable, startFakeWorkable } from '../support/fakeWorkable.js';
import { buttonsOf, eventually, textOf } from '../support/journey.js';

const SUBDOMAIN = 'acme';
const API_TOKEN = 'wk-expiry-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1';
const RECRUITER_EMAIL = 'recruiter@wintro.test';
const dayFromNow = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString().slice(0, 10);

let workable: FakeWorkable;
const e2e = useE2e({
  vendors: async () => {
    workable = await startFakeWorkable();
    return { workable };
  },
  reset: () => workable.reset(),
  env: () => ({
    WORKABLE_API_URL: workable.apiUrlTemplate,
    WINTRO_WORKABLE_RECRUITER_EMAIL: RECRUITER_EMAIL,
  }),
  secrets: () => [API_TOKEN],
  bootEach: false,
});

/** Links Workable with a token that expires on `expiry`, warning `warnSeconds` before it runs out. */
async function linkWorkable(expiry: string, warnSeconds: number) {
  workable.accounts.set(SUBDOMAIN, {
    tokens: new Map([[API_TOKEN, { scopes: ['r_jobs', 'r_candidates'], expiresOn: expiry }]]),
    recruiters: [{ id: 'r1', name: 'Wintro', email: RECRUITER_EMAIL }],
  });
  const bot = await e2e.boot({ WINTRO_EXPIRY_WARNING_SECONDS: String(warnSeconds) });
  const admin = e2e.journey('U0ADMIN', 'T0EXPIRY', bot);
  await admin.command('link workable');
  await admin.waitForMessage((text) => text.includes('Only Admins can generate API tokens'));
  await admin.click('flow.credentials');
  const form = await e2e.slack.waitFor((call) => call.method === 'views.open');
  await admin.submit('V0FORM', form.args.view.private_metadata, {
    subdomain: SUBDOMAIN,
    api_token: API_TOKEN,
    token_expiry: expiry,
  });
  await admin.waitForMessage((text) => text.includes('Workable is linked'));
  return admin;
}

const warnings = () =>
  e2e.slack
    .callsTo('chat.postMessage')
    .filter((call) => call.channel === 'DU0ADMIN' && String(call.args.text).includes('expire on'));

describe('warning before credentials expire', () => {
  it('tells whoever linked Workable, once, ahead of the token expiry date', async () => {
    const expiry = dayFromNow(3);
    // Warn so that the warning is due about two seconds after the link.
    const warnSeconds = Math.floor((Date.parse(`${expiry}T00:00:00Z`) - Date.now()) / 1000) - 2;
    const admin = await linkWorkable(expiry, warnSeconds);
    await e2e.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && String(call.args.text).includes('expire on'),
      8000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(warnings()).toHaveLength(1);
    const [warning] = warnings();
    expect(warning?.args.text).toBe(`The Workable credentials Wintro uses expire on ${expiry}.`);
    expect(JSON.stringify(warning?.args.blocks)).toContain('/wintro link workable');
    // Renew now: linking it again starts at the credentials form; the connection keeps working meanwhile.
    const [renew] = buttonsOf(warning?.args.blocks);
    expect(renew?.text.text).toBe('Renew now');
    await admin.click(renew?.action_id ?? '', { button: renew });
    await admin.waitForMessage((text) => text.includes('flow.credentials'));
  });

  it('does not warn when the expiry is closer than the warning period', async () => {
    await linkWorkable(dayFromNow(2), 7 * 24 * 3600);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(warnings()).toHaveLength(0);
  });
});

describe('credentials past their expiry date', () => {
  it('marks the connection broken on the day, tells whoever linked it with Fix it, without asking Workable', async () => {
    const admin = await linkWorkable(dayFromNow(200), 7 * 24 * 3600);
    const bot = e2e.running;
    // The day has come: the stored date is in the past (as it would be 200 days later).
    const redis = new Redis(REDIS_URL);
    try {
      const due = `${bot.keyPrefix}:{rechecks}:due`;
      // Its dates are scheduled once the link's notices are out.
      await eventually(async () => expect(await redis.zscore(due, 'T0EXPIRY|workable')).not.toBeNull());
      const key = `${bot.keyPrefix}:{T0EXPIRY}:conns`;
      const record = JSON.parse((await redis.hget(key, 'workable')) ?? '{}');
      await redis.hset(
        key,
        'workable',
        JSON.stringify({ ...record, expiresAt: `${dayFromNow(-1)}T00:00:00.000Z` }),
      );
      await redis.zadd(due, 0, 'T0EXPIRY|workable');
    } finally {
      redis.disconnect();
    }
    const calls = workable.requests.length;
    await eventually(async () => expect(await bot.bot.sweepRechecks()).toBeGreaterThan(0));
    const dm = await e2e.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && String(call.args.text).includes('stopped working'),
    );
    expect(textOf(dm.args.blocks)).toContain('The Workable credentials have expired');
    expect(textOf(dm.args.blocks)).toContain(`valid until ${dayFromNow(-1)}`);
    expect(workable.requests).toHaveLength(calls);
    // Fix it opens the relink at the credentials form.
    const [fix] = buttonsOf(dm.args.blocks);
    await admin.click(fix?.action_id ?? '', { button: fix });
    await admin.waitForMessage((text) => text.includes('flow.credentials'));
  });
});

describe('a Workable connection that broke', () => {
  it('names the removed recruiter, and Fix it opens the step that adds it', async () => {
    const admin = await linkWorkable(dayFromNow(200), 7 * 24 * 3600);
    const bot = e2e.running;
    const account = workable.accounts.get(SUBDOMAIN);
    if (!account) throw new Error('no account');
    account.recruiters = [];
    const redis = new Redis(REDIS_URL);
    try {
      const due = `${bot.keyPrefix}:{rechecks}:due`;
      await eventually(async () => expect(await redis.zscore(due, 'T0EXPIRY|workable')).not.toBeNull());
      await redis.zadd(due, 0, 'T0EXPIRY|workable');
    } finally {
      redis.disconnect();
    }
    await eventually(async () => expect(await bot.bot.sweepRechecks()).toBeGreaterThan(0));
    const dm = await e2e.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && String(call.args.text).includes('stopped working'),
    );
    expect(textOf(dm.args.blocks)).toContain(RECRUITER_EMAIL);
    const [fix] = buttonsOf(dm.args.blocks);
    await admin.click(fix?.action_id ?? '', { button: fix });
    const step = await admin.waitForMessage(
      (text) => /Step \d of \d/.test(text) && text.includes('Add recruiter'),
    );
    expect(textOf(step.args.blocks)).toContain(RECRUITER_EMAIL);
  });
});
