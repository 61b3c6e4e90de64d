import { describe, expect, it } from 'vitest';
import { dumpRedis } from '../support/bot.js';
import { useE2e } from '../support/e2e.js';
import { type FakeRecruitee, startFakeRecruitee } from '../support/fakeRecruitee.js';
import { eventually, type Journey, textOf } from '../support/journey.js';
import {
  checkCredentials,
  fieldsOf,
  notifications,
  startLinking,
  submitAndExpectLinked,
  walkGuide,
} from '../support/linking.js';
import { itSaysWhatWentWrong } from '../support/vendorOutages.js';

const COMPANY_ID = '123456';
const COMPANY_SLUG = 'acme';
const API_TOKEN = 'rt-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0Ed';
const LIMITED_TOKEN = 'rt-limited-Aa1Bb2Cc3Dd4Ee5Ff6Gg7';
const OTHER_COMPANY_TOKEN = 'rt-other-Hh8Ii9Jj0Kk1Ll2Mm3Nn4';

let recruitee: FakeRecruitee;
const e2e = useE2e({
  vendors: async () => {
    recruitee = await startFakeRecruitee();
    return { recruitee };
  },
  reset: () => {
    recruitee.requests.length = 0;
    recruitee.mode = { kind: 'normal' };
    recruitee.companies = [
      { id: COMPANY_ID, slug: COMPANY_SLUG },
      { id: '777', slug: 'other' },
    ];
    recruitee.tokens.clear();
    recruitee.tokens.set(API_TOKEN, { companyId: COMPANY_ID, canRead: ['offers', 'candidates'] });
    recruitee.tokens.set(LIMITED_TOKEN, { companyId: COMPANY_ID, canRead: ['offers'] });
    recruitee.tokens.set(OTHER_COMPANY_TOKEN, { companyId: '777', canRead: ['offers', 'candidates'] });
  },
  env: () => ({ RECRUITEE_API_URL: recruitee.url }),
  secrets: () => [API_TOKEN, LIMITED_TOKEN, OTHER_COMPANY_TOKEN],
});
const { acks } = e2e;

async function walkToCredentials(journey: Journey) {
  await startLinking(journey, 'recruitee', { prerequisite: '*Administrator* role', acks });
  const prerequisites = await journey.waitForMessage((text) => text.includes('*Administrator* role'));
  expect(textOf(prerequisites.args.blocks)).toContain('MY ACCOUNT');
  return walkGuide(journey, 'recruitee', '*Administrator* role');
}

async function failedCheck(journey: Journey, values: Record<string, string>) {
  const form = await walkToCredentials(journey);
  return { ...form, ...(await checkCredentials(journey, form, values, acks)) };
}

const good = { company_id: COMPANY_ID, api_token: API_TOKEN };

describe('linking Recruitee end to end', () => {
  it('walks from the command to the channel notification', async () => {
    const journey = e2e.journey();
    const { viewId, flowId, view } = await walkToCredentials(journey);
    expect(fieldsOf(view)).toEqual(['company_id', 'api_token']);

    const linked = await submitAndExpectLinked(
      journey,
      { viewId, flowId, view: {} },
      {
        company_id: `https://app.recruitee.com/#/settings/api_tokens?company=${COMPANY_ID}`,
        api_token: ` ${API_TOKEN}\n`,
      },
      { system: 'Recruitee', acks },
    );
    expect(textOf(linked.args.blocks)).toContain(COMPANY_ID);

    // Exactly the documented calls: the company in the path, the token as a Bearer header.
    expect(recruitee.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /c/${COMPANY_ID}/offers`,
      `GET /c/${COMPANY_ID}/candidates`,
    ]);
    for (const request of recruitee.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${API_TOKEN}`);
      expect(request.headers.accept).toBe('application/json');
      expect(request.query.get('limit')).toBe('1');
      expect(request.headers.host).toBe(new URL(recruitee.url).host);
    }

    const stored = await dumpRedis(e2e.running.keyPrefix);
    expect(stored).toContain(':conns');
    expect(stored).toMatch(/v1\.[0-9a-f]{8}\./);

    const status = await journey.command('status');
    acks.push(status.body);
    expect(textOf(status.body.blocks)).toMatch(/Recruitee\*: linked by <@U0ADMIN>/);
    await eventually(() => expect(notifications(journey)).toHaveLength(1));
  });

  it('links with the company slug too', async () => {
    const journey = e2e.journey();
    const { viewId, flowId } = await walkToCredentials(journey);
    const submitted = await journey.submit(viewId, flowId, { ...good, company_id: 'Acme' });
    acks.push(submitted.body);
    await journey.waitForMessage((text) => text.includes('Recruitee is linked'));
    expect(recruitee.requests.map((request) => request.path)).toEqual([
      '/c/acme/offers',
      '/c/acme/candidates',
    ]);
  });

  it('explains a rejected token, and a corrected retry links without starting over', async () => {
    const journey = e2e.journey();
    const { viewId, flowId, resultText, resultView } = await failedCheck(journey, {
      ...good,
      api_token: 'rt-wrong-0000000000000000000',
    });
    expect(resultText).toContain('Recruitee did not accept the token for this company');
    expect(resultText).toContain('Careers Site API token');
    expect(resultText).toContain('*Personal API token:*');
    expect(resultView.submit.text).toBe('Check again');
    await journey.waitForMessage((text) => text.includes('did not accept the token'));
    expect(recruitee.requests).toHaveLength(1);

    const retried = await journey.submit(viewId, flowId, good);
    acks.push(retried.body);
    expect(retried.body.response_action).toBe('update');
    await journey.waitForMessage((text) => text.includes('Recruitee is linked'));
    expect(e2e.slack.callsTo('views.open')).toHaveLength(1);
    // The DM says "linked" before the channel is told.
    await eventually(() => expect(notifications(journey)).toHaveLength(1));
  });

  it('treats a token of another company as not accepted for this one', async () => {
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, { ...good, api_token: OTHER_COMPANY_TOKEN });
    expect(resultText).toContain('did not accept the token for this company');
    expect(resultText).toContain('*Company ID:*');
  });

  it('asks for an Administrator’s token when the token may not read what Wintro needs', async () => {
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, { ...good, api_token: LIMITED_TOKEN });
    expect(resultText).toContain('would not let it read candidates');
    expect(resultText).toContain('*Administrator*');
    const dm = await journey.waitForMessage((text) => text.includes('would not let it read candidates'));
    expect(textOf(dm.args.blocks)).toContain('Enter credentials');
  });

  it('names an unknown company ID', async () => {
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, { ...good, company_id: '999999' });
    expect(resultText).toContain('Recruitee does not know that company ID');
    expect(resultText).toContain('*Company ID:*');
    expect(recruitee.requests.map((request) => request.path)).toEqual(['/c/999999/offers']);
  });

  itSaysWhatWentWrong('Recruitee', e2e, {
    check: (journey) => failedCheck(journey, good),
    setMode: (mode) => Object.assign(recruitee, { mode }),
    unreachable: { RECRUITEE_API_URL: 'http://127.0.0.1:9' },
    slowSays: 'Recruitee did not answer in time',
    rateLimited: { good, field: 'company_id', requests: () => recruitee.requests.length },
  });

  it('shows format problems inline without calling Recruitee', async () => {
    const journey = e2e.journey();
    const { viewId, flowId } = await walkToCredentials(journey);
    for (const companyId of ['evil.com', '127.0.0.1', '123/../456', 'user@host', '123%2f..', 'app']) {
      const bad = await journey.submit(viewId, flowId, { company_id: companyId, api_token: API_TOKEN });
      acks.push(bad.body);
      expect(bad.body.response_action, companyId).toBe('errors');
      expect(Object.keys(bad.body.errors)).toEqual(['company_id']);
    }
    const empty = await journey.submit(viewId, flowId, { company_id: '', api_token: 'has spaces in it' });
    acks.push(empty.body);
    expect(Object.keys(empty.body.errors).sort()).toEqual(['api_token', 'company_id']);
    expect(empty.body.errors.company_id).toContain('Company ID');
    expect(recruitee.requests).toHaveLength(0);
  });
});
