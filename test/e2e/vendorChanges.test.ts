/**
 * The vendors as they are in late 2026: Workable's expiry is picked (periods or a date) and counted
 * in the admin's time zone; Personio's guides and messages name Marketplace → Connected integrations.
 */
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../src/systems/workable/index.js';
import { useE2e } from '../support/e2e.js';
import { type FakePersonio, startFakePersonio } from '../support/fakePersonio.js';
import { type FakeWorkable, startFakeWorkable } from '../support/fakeWorkable.js';
import { type Journey, textOf } from '../support/journey.js';
import { startLinking, walkGuide, walkToCredentials } from '../support/linking.js';
import { WORKABLE_EXPIRY_CHOICES } from '../support/workableFacts.js';

const SUBDOMAIN = 'acme';
const API_TOKEN = 'wk-Pick7Period6Token5Abc4Def3Ghi2Jkl1';
const RECRUITER = { name: 'Wintro Integration', email: 'integration@wintro.com' };
const CLIENT_ID = 'papi-3f2b8c1e-9a7d-4e6b-8c5a-1d2e3f4a5b6c';
const CLIENT_SECRET = 'papi-Marketplace0Secret1Vm0xd1MyUXhVWGhWV0d4';

const dayFrom = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const e2e = useE2e<{ workable: FakeWorkable; personio: FakePersonio }>({
  vendors: async () => ({ workable: await startFakeWorkable(), personio: await startFakePersonio() }),
  reset: ({ workable, personio }) => {
    workable.reset();
    workable.accounts.set(SUBDOMAIN, {
      tokens: new Map([
        [
          API_TOKEN,
          { scopes: ['r_jobs', 'r_candidates'], expiresOn: dayFrom(todayIn('UTC', new Date()), 400) },
        ],
      ]),
      recruiters: [{ id: 'r1', ...RECRUITER }],
    });
    personio.requests.length = 0;
    personio.clients.clear();
    personio.clients.set(CLIENT_ID, { secret: CLIENT_SECRET, attributes: [] });
  },
  env: ({ workable, personio }) => ({
    WORKABLE_API_URL: workable.apiUrlTemplate,
    PERSONIO_API_URL: personio.url,
  }),
  secrets: ({ personio }) => [API_TOKEN, CLIENT_SECRET, ...personio.issuedTokens],
});
const { acks } = e2e;

/** Submits the Workable form the way Slack sends a pick list and a date picker. */
function submitWorkable(journey: Journey, flowId: string, expiry: string, date?: string) {
  const plain = (value: string) => ({ value: { type: 'plain_text_input', value } });
  return journey.sender.viewSubmission({
    teamId: journey.teamId,
    userId: journey.userId,
    viewId: 'V0FORM',
    callbackId: 'credentials.submit',
    privateMetadata: flowId,
    values: {
      subdomain: plain(SUBDOMAIN),
      api_token: plain(API_TOKEN),
      token_expiry: {
        value: {
          type: 'static_select',
          selected_option: expiry ? { text: { type: 'plain_text', text: expiry }, value: expiry } : null,
        },
      },
      // Slack names the date picker's block itself; the element is read by its action id.
      b8Hq: { token_expiry_date: { type: 'datepicker', selected_date: date ?? null } },
    },
  });
}

const walkWorkable = (journey: Journey) =>
  walkToCredentials(journey, 'workable', { prerequisite: 'Only Admins can generate API tokens', acks });

async function linkedExpiry(journey: Journey): Promise<string> {
  await journey.waitForMessage((text) => text.includes('Workable is linked'));
  const status = await journey.command('status');
  acks.push(status.body);
  return /token expires (\d{4}-\d{2}-\d{2})/.exec(textOf(status.body.blocks))?.[1] ?? '';
}

describe('Workable: the token expiry is picked, not typed', () => {
  it('offers exactly Workable’s periods plus a specific date, with a date picker', async () => {
    const journey = e2e.journey();
    const { view } = await walkWorkable(journey);
    const select = view.blocks.find((block: any) => block.block_id === 'token_expiry')?.element;
    expect(select.type).toBe('static_select');
    expect(select.options.map((option: any) => option.text.text)).toEqual(WORKABLE_EXPIRY_CHOICES);
    expect(select.initial_option).toBeUndefined();
    const picker = view.blocks.find((block: any) => block.element?.type === 'datepicker')?.element;
    expect(picker.action_id).toBe('token_expiry_date');
  });

  it('counts a picked period from today in the admin’s time zone (users.info)', async () => {
    // Far east of UTC: for half of every UTC day it is already tomorrow there.
    e2e.slack.setTimeZone('U0ADMIN', 'Pacific/Kiritimati');
    const journey = e2e.journey();
    const { flowId } = await walkWorkable(journey);
    const submitted = await submitWorkable(journey, flowId, 'days90');
    acks.push(submitted.body);
    expect(submitted.body.response_action).toBe('update');
    const local = todayIn('Pacific/Kiritimati', new Date());
    expect(await linkedExpiry(journey)).toBe(dayFrom(local, 90));
    expect(e2e.slack.callsTo('users.info')[0]?.args.user).toBe('U0ADMIN');
  });

  it('falls back to UTC, without a word, when Slack cannot say the time zone', async () => {
    const journey = e2e.journey();
    const { flowId } = await walkWorkable(journey);
    acks.push((await submitWorkable(journey, flowId, 'days30')).body);
    expect(await linkedExpiry(journey)).toBe(dayFrom(todayIn('UTC', new Date()), 30));
    expect(textOf(journey.latestMessage()?.args.blocks)).not.toMatch(/time zone/i);
  });

  it('takes a specific date from the date picker, and asks for it when it is missing', async () => {
    const journey = e2e.journey();
    const { flowId } = await walkWorkable(journey);
    const missing = await submitWorkable(journey, flowId, 'date');
    acks.push(missing.body);
    expect(missing.body.response_action).toBe('errors');
    expect(missing.body.errors.token_expiry).toContain('pick it in the calendar');
    const nothing = await submitWorkable(journey, flowId, '');
    acks.push(nothing.body);
    expect(nothing.body.errors.token_expiry).toContain('Pick how long the token lasts');
    expect(e2e.vendors.workable.requests).toHaveLength(0);

    const date = dayFrom(todayIn('UTC', new Date()), 123);
    acks.push((await submitWorkable(journey, flowId, 'date', date)).body);
    expect(await linkedExpiry(journey)).toBe(date);
  });
});

describe('Personio: Marketplace → Connected integrations', () => {
  it('walks the employee data guide through the Marketplace and names it when attributes are missing', async () => {
    const journey = e2e.journey();
    await startLinking(journey, 'personio-employees', { prerequisite: 'Marketplace Integration', acks });
    const prerequisites = await journey.waitForMessage((text) => text.includes('Create custom integration'));
    expect(textOf(prerequisites.args.blocks)).toContain('Marketplace Integration');
    expect(textOf(prerequisites.args.blocks)).toContain('See connected integrations');
    const form = await walkGuide(journey, 'personio-employees', 'Create custom integration');
    const submitted = await journey.submit(form.viewId, form.flowId, {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    acks.push(submitted.body);
    const dm = await journey.waitForMessage((text) => text.includes('employee attributes it needs'));
    expect(textOf(dm.args.blocks)).toContain(
      'Marketplace → See connected integrations → your Wintro integration → Readable employee attributes',
    );
    // The credentials still go to POST /v1/auth in the JSON body, never in the query string.
    const auth = e2e.vendors.personio.requests.find((request) => request.path === '/v1/auth');
    expect([...(auth?.query.keys() ?? [])]).toEqual([]);
    expect(JSON.parse(auth?.body ?? '{}')).toEqual({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
  });

  it('finds the recruiting key under the Marketplace too', async () => {
    const journey = e2e.journey();
    acks.push((await journey.command('link personio recruiting')).body);
    await journey.waitForMessage((text) => text.includes('Marketplace Integration'));
    await journey.click('flow.begin');
    await journey.waitForMessage((text) => text.includes('Step 1 of'));
    await journey.click('flow.next');
    const step = await journey.waitForMessage((text) => text.includes('Step 2 of'));
    expect(textOf(step.args.blocks)).toContain('*Marketplace*');
    await journey.click('flow.next');
    const next = await journey.waitForMessage((text) => text.includes('Step 3 of'));
    expect(textOf(next.args.blocks)).toContain('See connected integrations');
  });
});
