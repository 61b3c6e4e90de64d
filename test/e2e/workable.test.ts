import { describe, expect, it } from 'vitest';
import { dumpRedis } from '../support/bot.js';
import { useE2e } from '../support/e2e.js';
import { type FakeWorkable, startFakeWorkable } from '../support/fakeWorkable.js';
import { eventually, type Journey, textOf } from '../support/journey.js';
import {
  failedCheck as failedCheckOf,
  fieldsOf,
  notifications,
  stepCount,
  submitAndExpectLinked,
  walkToCredentials as walk,
} from '../support/linking.js';
import { itSaysWhatWentWrong } from '../support/vendorOutages.js';

const SUBDOMAIN = 'acme';
const API_TOKEN = 'wk-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCc';
const JOBS_ONLY_TOKEN = 'wk-jobsonly-Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh';
const EXPIRED_TOKEN = 'wk-expired-Ii8Jj9Kk0Ll1Mm2Nn3Oo4Pp';
const RECRUITER_NAME = 'Wintro Test Recruiter';
const RECRUITER_EMAIL = 'recruiter+acme@wintro.test';
const STEPS = stepCount('workable');

const dayFromNow = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString().slice(0, 10);
const EXPIRY = dayFromNow(200);

let workable: FakeWorkable;

const env = () => ({
  WORKABLE_API_URL: workable.apiUrlTemplate,
  WINTRO_WORKABLE_RECRUITER_NAME: RECRUITER_NAME,
  WINTRO_WORKABLE_RECRUITER_EMAIL: RECRUITER_EMAIL,
});

const e2e = useE2e({
  vendors: async () => {
    workable = await startFakeWorkable();
    return { workable };
  },
  reset: () => {
    workable.reset();
    workable.accounts.set(SUBDOMAIN, {
      tokens: new Map([
        [API_TOKEN, { scopes: ['r_jobs', 'r_candidates', 'w_candidates'], expiresOn: EXPIRY }],
        [JOBS_ONLY_TOKEN, { scopes: ['r_jobs'], expiresOn: EXPIRY }],
        [EXPIRED_TOKEN, { scopes: ['r_jobs', 'r_candidates'], expiresOn: dayFromNow(-1) }],
      ]),
      recruiters: [
        { id: 'r1', name: 'Agency Person', email: 'someone@agency.example' },
        // Workable keeps the email as typed; the check compares case-insensitively.
        { id: 'r2', name: RECRUITER_NAME, email: 'Recruiter+ACME@Wintro.test' },
      ],
    });
    workable.accounts.set('other', { tokens: new Map(), recruiters: [] });
  },
  env,
  secrets: () => [API_TOKEN, JOBS_ONLY_TOKEN, EXPIRED_TOKEN],
});
const { acks } = e2e;
const options = { prerequisite: 'Only Admins can generate API tokens', acks };
const walkToCredentials = (journey: Journey) => walk(journey, 'workable', options);
const failedCheck = (journey: Journey, values: Record<string, string>) =>
  failedCheckOf(journey, 'workable', options, values);

const good = { subdomain: SUBDOMAIN, api_token: API_TOKEN, token_expiry: EXPIRY };

describe('linking Workable end to end', () => {
  it('walks from the command to the channel notification, and keeps the token expiry', async () => {
    const journey = e2e.journey();
    const reply = await journey.command('link workable');
    acks.push(reply.body);
    const prerequisites = await journey.waitForMessage((text) => text.includes('Only Admins'));
    expect(textOf(prerequisites.args.blocks)).toContain('*Admin* account');
    expect(textOf(prerequisites.args.blocks)).not.toMatch(/workday/i);
    await journey.click('flow.begin');
    const seen: string[] = [];
    for (let step = 1; step <= STEPS; step++) {
      const message = await journey.waitForMessage((text) => text.includes(`Step ${step} of ${STEPS}`));
      seen.push(textOf(message.args.blocks));
      if (step < STEPS) await journey.click('flow.next');
    }
    // The recruiter step shows the operator's name and email, each copy-friendly on its own line.
    const recruiterStep = seen.find((text) => text.includes('Add recruiter')) ?? '';
    expect(recruiterStep).toContain(`\\n\`${RECRUITER_NAME}\`\\n`);
    expect(recruiterStep).toContain(`\\n\`${RECRUITER_EMAIL}\`\\n`);
    expect(seen.join('\n')).toContain('Company profile');
    expect(seen.join('\n')).toContain('`r_candidates`');
    await journey.click('flow.credentials');
    const opened = await e2e.slack.waitFor((call) => call.method === 'views.open');
    const viewId = 'V0FORM';
    const flowId = opened.args.view.private_metadata as string;
    expect(fieldsOf(opened.args.view)).toEqual(['subdomain', 'api_token', 'token_expiry']);

    const linked = await submitAndExpectLinked(
      journey,
      { viewId, flowId, view: {} },
      {
        subdomain: 'https://ACME.workable.com/backend/jobs',
        api_token: API_TOKEN,
        token_expiry: EXPIRY.replace(/-/g, '/'),
      },
      { system: 'Workable', acks },
    );
    expect(textOf(linked.args.blocks)).toContain('acme.workable.com');
    expect(textOf(linked.args.blocks)).toContain(`${EXPIRY} (in 200 days)`);

    // Exactly the documented calls, on the admin's subdomain, with the token as a Bearer header.
    expect(
      workable.requests.map((request) => `${request.method} ${request.subdomain} ${request.path}`),
    ).toEqual(['GET acme /spi/v3/jobs', 'GET acme /spi/v3/candidates', 'GET acme /spi/v3/recruiters']);
    expect(workable.requests[0]?.query.get('limit')).toBe('1');
    expect(workable.requests[1]?.query.get('limit')).toBe('1');
    for (const request of workable.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${API_TOKEN}`);
      expect(request.headers.accept).toBe('application/json');
    }

    const stored = await dumpRedis(e2e.running.keyPrefix);
    expect(stored).toContain(':conns');
    expect(stored).toMatch(/v1\.[0-9a-f]{8}\./);

    const status = await journey.command('status');
    acks.push(status.body);
    expect(textOf(status.body.blocks)).toMatch(/Workable\*: linked by <@U0ADMIN>/);
    expect(textOf(status.body.blocks)).toContain(`token expires ${EXPIRY}`);
    await eventually(() => expect(notifications(journey)).toHaveLength(1));
  });

  it('accepts the period picked for a token made today', async () => {
    const journey = e2e.journey();
    const { viewId, flowId } = await walkToCredentials(journey);
    const submitted = await journey.submit(viewId, flowId, { ...good, token_expiry: '90 days' });
    acks.push(submitted.body);
    await journey.waitForMessage((text) => text.includes('Workable is linked'));
    const status = await journey.command('status');
    acks.push(status.body);
    expect(textOf(status.body.blocks)).toContain(`token expires ${dayFromNow(90)}`);
  });

  it('names the recruiter to add, and links once the admin has added it', async () => {
    const account = workable.accounts.get(SUBDOMAIN);
    if (!account) throw new Error('no account');
    account.recruiters = [{ id: 'r1', name: 'Agency Person', email: 'someone@agency.example' }];
    const journey = e2e.journey();
    const { viewId, flowId, resultText, resultView } = await failedCheck(journey, good);
    expect(resultText).toContain('add Wintro as an external recruiter');
    expect(resultText).toContain(`\`${RECRUITER_NAME}\``);
    expect(resultText).toContain(`\`${RECRUITER_EMAIL}\``);
    expect(resultText).toContain('Account members');
    expect(resultText).toContain('Add an external recruiter');
    expect(resultView.submit.text).toBe('Check again');
    await journey.waitForMessage(
      (text) => text.includes(RECRUITER_EMAIL) && text.includes('Enter credentials'),
    );

    account.recruiters.push({ id: 'r3', name: RECRUITER_NAME, email: RECRUITER_EMAIL });
    const retried = await journey.submit(viewId, flowId, good);
    acks.push(retried.body);
    expect(retried.body.response_action).toBe('update');
    await journey.waitForMessage((text) => text.includes('Workable is linked'));
    expect(e2e.slack.callsTo('views.open')).toHaveLength(1);
    expect(workable.requests.filter((request) => request.path === '/spi/v3/recruiters')).toHaveLength(2);
  });

  it('finds the recruiter on a later page', async () => {
    workable.recruitersPageSize = 1;
    const journey = e2e.journey();
    const { viewId, flowId } = await walkToCredentials(journey);
    const submitted = await journey.submit(viewId, flowId, good);
    acks.push(submitted.body);
    await journey.waitForMessage((text) => text.includes('Workable is linked'));
    const pages = workable.requests.filter((request) => request.path === '/spi/v3/recruiters');
    expect(pages.map((request) => request.query.get('since_id'))).toEqual([null, 'r1']);
  });

  it('does not follow a next link that leads elsewhere', async () => {
    workable.recruitersPageSize = 1;
    workable.nextLinkOverride = `${workable.url}/other/spi/v3/recruiters?since_id=r1`;
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, good);
    expect(resultText).toContain('add Wintro as an external recruiter');
    expect(workable.requests.every((request) => request.subdomain === SUBDOMAIN)).toBe(true);
  });

  it('explains a rejected token, and a corrected retry links', async () => {
    const journey = e2e.journey();
    const { viewId, flowId, resultText } = await failedCheck(journey, {
      ...good,
      api_token: 'wk-wrong-000000000000000000000000',
    });
    expect(resultText).toContain('Workable did not accept the API token');
    expect(resultText).toContain('*API access token:*');
    expect(workable.requests).toHaveLength(1);
    const retried = await journey.submit(viewId, flowId, good);
    acks.push(retried.body);
    await journey.waitForMessage((text) => text.includes('Workable is linked'));
  });

  it('says an expired token may be the reason it was refused', async () => {
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, { ...good, api_token: EXPIRED_TOKEN });
    expect(resultText).toContain('Workable did not accept the API token');
    expect(resultText).toContain('past its expiry date');
  });

  it('names the missing scopes', async () => {
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, { ...good, api_token: JOBS_ONLY_TOKEN });
    expect(resultText).toContain('missing a scope Wintro needs');
    expect(resultText).toContain('• r_candidates');
    expect(resultText).not.toContain('• r_jobs');
    expect(resultText).toContain('API Access Tokens');
    // The recruiter is not looked up before the token is right.
    expect(workable.requests.map((request) => request.path)).toEqual(['/spi/v3/jobs', '/spi/v3/candidates']);
    const dm = await journey.waitForMessage((text) => text.includes('r_candidates'));
    expect(textOf(dm.args.blocks)).toContain('Enter credentials');
  });

  it('names an unknown subdomain', async () => {
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, { ...good, subdomain: 'nosuchco' });
    expect(resultText).toContain('Workable has no account at nosuchco.workable.com');
    expect(resultText).toContain('*Workable subdomain:*');
    expect(workable.requests.map((request) => request.subdomain)).toEqual(['nosuchco']);
  });

  it('waits until X-Rate-Limit-Reset when Workable rate-limits', async () => {
    workable.mode = { kind: 'rate_limited', resetInSeconds: 7 };
    const journey = e2e.journey();
    const { viewId, flowId, resultText } = await failedCheck(journey, good);
    expect(resultText).toMatch(/Try again in [78] seconds/);
    const calls = workable.requests.length;
    const again = await journey.submit(viewId, flowId, good);
    acks.push(again.body);
    expect(again.body.response_action).toBe('errors');
    expect(again.body.errors.subdomain).toMatch(/asked us to wait\. Try again in [5-8] seconds/);
    expect(workable.requests.length).toBe(calls);
  });

  it('honours Retry-After when Workable sends one', async () => {
    workable.mode = { kind: 'rate_limited', resetInSeconds: 30, retryAfter: 4 };
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, good);
    expect(resultText).toContain('Try again in 4 seconds');
  });

  it('stays within Workable’s own limit of 10 calls per 10 seconds', async () => {
    workable.limitPerWindow = 3;
    workable.recruitersPageSize = 1;
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, good);
    // jobs, candidates, recruiters page 1 fit; page 2 is the fourth call and is refused.
    expect(resultText).toContain('Workable asked us to slow down');
    expect(workable.requests).toHaveLength(4);
  });

  itSaysWhatWentWrong('Workable', e2e, {
    check: (journey) => failedCheck(journey, good),
    setMode: (mode) => Object.assign(workable, { mode }),
    unreachable: { WORKABLE_API_URL: 'http://127.0.0.1:9/{subdomain}' },
    slowSays: 'Workable did not answer in time',
  });

  it('refuses subdomains that could steer the request elsewhere, and impossible expiries, without calling Workable', async () => {
    const journey = e2e.journey();
    const { viewId, flowId } = await walkToCredentials(journey);
    for (const subdomain of [
      'evil.com',
      '127.0.0.1',
      'a.b',
      'acme.workable.com.evil.io',
      'https://acme.workable.com@evil.io/',
      'acme%2eevil',
      'acme/../',
      'user@host',
      'www.workable.com',
    ]) {
      const bad = await journey.submit(viewId, flowId, { ...good, subdomain });
      acks.push(bad.body);
      expect(bad.body.response_action, subdomain).toBe('errors');
      expect(Object.keys(bad.body.errors), subdomain).toEqual(['subdomain']);
    }
    for (const [expiry, says] of [
      ['never', 'always expire'],
      [dayFromNow(-3), 'not in the future'],
      [dayFromNow(900), 'at most 2 years'],
      ['31/12/2027', 'year-month-day'],
    ] as const) {
      const bad = await journey.submit(viewId, flowId, { ...good, token_expiry: expiry });
      acks.push(bad.body);
      expect(bad.body.errors?.token_expiry, expiry).toContain(says);
    }
    const empty = await journey.submit(viewId, flowId, { subdomain: '', api_token: '', token_expiry: '' });
    acks.push(empty.body);
    expect(Object.keys(empty.body.errors).sort()).toEqual(['api_token', 'subdomain', 'token_expiry']);
    expect(workable.requests).toHaveLength(0);
  });
});
