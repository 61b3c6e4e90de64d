import { describe, expect, it } from 'vitest';
import { translator } from '../../src/messages/index.js';
import { personioRequiredAttributes } from '../../src/systems/personio/index.js';
import { dumpRedis } from '../support/bot.js';
import { useE2e } from '../support/e2e.js';
import { type FakePersonio, startFakePersonio } from '../support/fakePersonio.js';
import type { RecordedCall } from '../support/fakeSlack.js';
import { buttonsOf, eventually, type Journey, textOf } from '../support/journey.js';
import { fieldsOf, notifications, walkGuide as walkGuideOf } from '../support/linking.js';
import { itSaysWhatWentWrong } from '../support/vendorOutages.js';

type Any = any;

const COMPANY_ID = '314159';
const ACCESS_TOKEN = 'rk-Access-Token-9f8e7d6c5b4a3210Zz';
const CLIENT_ID = 'papi-3f2b8c1e-9a7d-4e6b-8c5a-1d2e3f4a5b6c';
const CLIENT_SECRET = 'papi-Vm0xd1MyUXhVWGhWV0d4V1YwZDRWMVl3WkRSV01WbDNXa1JTVjAx';
const ALL_ATTRIBUTES = [
  ...personioRequiredAttributes(translator('en')).map(({ key }) => key),
  'gender',
  'dynamic_1001',
];

type Variant = 'recruiting' | 'employees';

const VARIANTS = {
  recruiting: {
    systemId: 'personio-recruiting',
    name: 'Personio (recruiting)',
    prerequisite: 'Marketplace Integration',
    fields: ['company_id', 'access_token'],
    good: { company_id: COMPANY_ID, access_token: ACCESS_TOKEN },
  },
  employees: {
    systemId: 'personio-employees',
    name: 'Personio (employees)',
    prerequisite: 'Generate new credential',
    fields: ['client_id', 'client_secret'],
    good: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
  },
} as const;

let personio: FakePersonio;
const e2e = useE2e({
  vendors: async () => {
    personio = await startFakePersonio();
    return { personio };
  },
  reset: () => {
    personio.requests.length = 0;
    personio.issuedTokens.length = 0;
    personio.createdApplications.length = 0;
    personio.mode = { kind: 'normal' };
    personio.companies.clear();
    personio.companies.set(COMPANY_ID, ACCESS_TOKEN);
    personio.clients.clear();
    personio.clients.set(CLIENT_ID, { secret: CLIENT_SECRET, attributes: [...ALL_ATTRIBUTES] });
  },
  env: () => ({ PERSONIO_API_URL: personio.url }),
  secrets: () => [ACCESS_TOKEN, CLIENT_SECRET, ...personio.issuedTokens],
  // A credential check never creates anything in Personio.
  after: () => expect(personio.createdApplications).toEqual([]),
});
const { acks } = e2e;

/** The first call after `start` that matches. */
const callAfter = (start: number, predicate: (call: RecordedCall) => boolean) =>
  e2e.slack.waitFor((call) => e2e.slack.calls.indexOf(call) >= start && predicate(call));

async function chooseVariant(journey: Journey, variant: Variant) {
  const reply = await journey.command('link personio');
  acks.push(reply.body);
  expect(reply.status).toBe(200);
  expect(reply.body.response_type).toBe('ephemeral');
  expect(reply.body.text).toContain('Personio setup continues');
  const choice = await journey.waitForMessage((text) => text.includes('Which Personio data'));
  expect(buttonsOf(choice.args.blocks).map((button) => button.action_id)).toEqual([
    'flow.variant:personio-recruiting',
    'flow.variant:personio-employees',
    'flow.cancel',
  ]);
  await journey.click(`flow.variant:${VARIANTS[variant].systemId}`);
}

/** From the prerequisites message through every guide step to the open credentials form. */
async function walkGuide(journey: Journey, variant: Variant) {
  const { systemId, prerequisite, name, fields } = VARIANTS[variant];
  const prerequisites = await journey.waitForMessage((text) => text.includes(prerequisite));
  expect(textOf(prerequisites.args.blocks)).toContain(`Link ${name} to Wintro`);
  const form = await walkGuideOf(journey, systemId, prerequisite);
  expect(fieldsOf(form.view)).toEqual(fields);
  return form;
}

async function walkToCredentials(journey: Journey, variant: Variant) {
  await chooseVariant(journey, variant);
  return walkGuide(journey, variant);
}

/** Submits the form and returns the modal the check ended with. */
async function submitAndWait(journey: Journey, form: { viewId: string; flowId: string }, values: object) {
  const before = e2e.slack.callsTo('views.update').length;
  const submitted = await journey.submit(form.viewId, form.flowId, values as Record<string, string>);
  acks.push(submitted.body);
  expect(submitted.body.response_action).toBe('update');
  expect(textOf(submitted.body.view.blocks)).toContain('Checking with Personio');
  const result = await eventually(() => {
    const update = e2e.slack.callsTo('views.update')[before];
    if (!update) throw new Error('no result yet');
    return update;
  });
  return { text: textOf(result.args.view.blocks), view: result.args.view };
}

async function failedCheck(journey: Journey, variant: Variant, values: object) {
  const form = await walkToCredentials(journey, variant);
  const result = await submitAndWait(journey, form, values);
  expect(result.view.submit.text).toBe('Check again');
  return { ...form, resultText: result.text };
}

async function expectLinked(journey: Journey, variant: Variant, start = 0) {
  const { name } = VARIANTS[variant];
  const notification = await callAfter(
    start,
    (call) => call.method === 'chat.postMessage' && call.args.channel === 'C0NOTIFY',
  );
  expect(notification.args.text).toContain('<@U0ADMIN>');
  expect(notification.args.text).toContain(name);
  await journey.waitForMessage((text) => text.includes(`${name} is linked`));
  const status = await journey.command('status');
  expect(textOf(status.body.blocks)).toContain(`${name}*: linked by <@U0ADMIN>`);
  await eventually(() => expect(notifications(journey)).toHaveLength(1));
  return notification;
}

const recruitingProbes = () =>
  personio.requests.filter((request) => request.path === '/v1/recruiting/applications');

function expectRecruitingProbe(index = 0, companyId = COMPANY_ID, token = ACCESS_TOKEN) {
  const probe = recruitingProbes()[index];
  expect(probe?.method).toBe('POST');
  expect(probe?.headers.authorization).toBe(`Bearer ${token}`);
  expect(probe?.headers['x-company-id']).toBe(companyId);
  expect(probe?.headers['content-type']).toBe('application/json');
  expect(probe?.query.toString()).toBe('');
  expect(JSON.parse(probe?.body ?? 'null')).toEqual({});
}

/** The newest sign-in is the documented JSON body, and the newest attribute read uses its token. */
function expectEmployeeRequests(secret = CLIENT_SECRET) {
  const auth = personio.requests.findLast((request) => request.path === '/v1/auth');
  expect(auth?.method).toBe('POST');
  expect(auth?.headers['content-type']).toBe('application/json');
  expect(auth?.headers.authorization).toBeUndefined();
  expect(auth?.query.toString()).toBe('');
  expect(JSON.parse(auth?.body ?? 'null')).toEqual({ client_id: CLIENT_ID, client_secret: secret });
  if (secret !== CLIENT_SECRET) return;
  const attributes = personio.requests.findLast(
    (request) => request.path === '/v1/company/employees/attributes',
  );
  expect(attributes?.method).toBe('GET');
  expect(attributes?.headers.authorization).toBe(`Bearer ${personio.issuedTokens.at(-1)}`);
}

describe('linking Personio recruiting end to end', () => {
  it('walks from /wintro link personio through the choice to the channel notification', async () => {
    const journey = e2e.journey();
    const form = await walkToCredentials(journey, 'recruiting');
    const result = await submitAndWait(journey, form, {
      company_id: ' 314 159 ',
      access_token: `Bearer ${ACCESS_TOKEN}`,
    });
    expect(result.text).toContain('is linked');
    expect(result.text).toContain(COMPANY_ID);
    const notification = await expectLinked(journey, 'recruiting');
    expect(JSON.stringify(notification.args.blocks)).toContain(`Personio company ID: ${COMPANY_ID}`);

    // Exactly one probe: the documented headers and an empty body, which cannot create anything.
    expect(personio.requests).toHaveLength(1);
    expectRecruitingProbe();

    const stored = await dumpRedis(e2e.running.keyPrefix);
    expect(stored).toContain(':conns');
    expect(stored).toMatch(/v1\.[0-9a-f]{8}\./);
  });

  it('starts straight at the prerequisites with /wintro link personio recruiting', async () => {
    const journey = e2e.journey();
    const reply = await journey.command('link personio recruiting');
    acks.push(reply.body);
    expect(reply.body.text).toContain('Personio (recruiting) setup continues');
    const form = await walkGuide(journey, 'recruiting');
    const dms = e2e.slack.callsTo('chat.postMessage').filter((call) => call.channel === 'DU0ADMIN');
    expect(dms.some((call) => textOf(call.args.blocks).includes('Which Personio data'))).toBe(false);
    await submitAndWait(journey, form, VARIANTS.recruiting.good);
    await expectLinked(journey, 'recruiting');
  });

  it('shows the access rights, the three-click self check and who can help', async () => {
    const journey = e2e.journey();
    await journey.command('link personio ats');
    const message = await journey.waitForMessage((text) => text.includes('Marketplace Integration'));
    const text = textOf(message.args.blocks);
    expect(text).toContain('Account configuration > API');
    expect(text).toContain('See connected integrations');
    expect(text).toContain('Create custom integration');
    expect(text).toContain('system administrator');
    const images = message.args.blocks.filter((block: Any) => block.type === 'image');
    expect(images.map((block: Any) => block.image_url)).toEqual([
      'https://help.kombo.dev/hc/article_attachments/24837808468113',
      'https://help.kombo.dev/hc/article_attachments/24837808472337',
      'https://help.kombo.dev/hc/article_attachments/24837841575953',
    ]);
  });

  it('explains an unrecognised token or company id, and a corrected retry links', async () => {
    const journey = e2e.journey();
    const { viewId, flowId, resultText } = await failedCheck(journey, 'recruiting', {
      company_id: COMPANY_ID,
      access_token: 'rk-wrong-token-0000000000',
    });
    expect(resultText).toContain('did not recognise the Company ID and Access token');
    expect(resultText).toContain('Recruiting API key');
    expectRecruitingProbe(0, COMPANY_ID, 'rk-wrong-token-0000000000');
    await journey.waitForMessage((text) => text.includes('did not recognise the Company ID'));

    const start = e2e.slack.calls.length;
    await submitAndWait(journey, { viewId, flowId }, VARIANTS.recruiting.good);
    await expectLinked(journey, 'recruiting', start);
    expectRecruitingProbe(1);
    expect(e2e.slack.callsTo('views.open')).toHaveLength(1);
  });

  it('treats an unknown company id as unrecognised', async () => {
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, 'recruiting', {
      ...VARIANTS.recruiting.good,
      company_id: '999',
    });
    expect(resultText).toContain('did not recognise');
    expectRecruitingProbe(0, '999');
  });

  it.each([
    ['recruiting_disabled', 'feature.recruiting.disabled', 'enable Recruiting'],
    ['public_api_disabled', 'feature.public-api.disabled', 'enable the Recruiting API'],
  ] as const)('names %s and what to do, then links once it is enabled', async (kind, code, advice) => {
    personio.mode = { kind };
    const journey = e2e.journey();
    const { viewId, flowId, resultText } = await failedCheck(journey, 'recruiting', VARIANTS.recruiting.good);
    expect(resultText).toContain(code);
    expect(resultText).toContain(advice);
    expect(resultText).toContain('customer success');
    expectRecruitingProbe();
    await journey.waitForMessage((text) => text.includes(code));

    personio.mode = { kind: 'normal' };
    const start = e2e.slack.calls.length;
    await submitAndWait(journey, { viewId, flowId }, VARIANTS.recruiting.good);
    await expectLinked(journey, 'recruiting', start);
  });

  it('shows format problems inline without calling Personio', async () => {
    const journey = e2e.journey();
    const { viewId, flowId } = await walkToCredentials(journey, 'recruiting');
    const bad = await journey.submit(viewId, flowId, { company_id: 'acme.personio.de', access_token: '' });
    acks.push(bad.body);
    expect(bad.body.response_action).toBe('errors');
    expect(Object.keys(bad.body.errors).sort()).toEqual(['access_token', 'company_id']);
    expect(bad.body.errors.company_id).toContain('a number such as 123456');
    expect(personio.requests).toHaveLength(0);
  });
});

describe('linking Personio employee data end to end', () => {
  it('walks from /wintro link personio through the choice to the channel notification', async () => {
    const journey = e2e.journey();
    await chooseVariant(journey, 'employees');
    const prerequisites = await journey.waitForMessage((text) => text.includes('Generate new credential'));
    expect(textOf(prerequisites.args.blocks)).toContain('Account configuration > API');
    const form = await walkGuide(journey, 'employees');
    const result = await submitAndWait(journey, form, VARIANTS.employees.good);
    expect(result.text).toContain('is linked');
    expect(result.text).toContain('papi-3f2b…5b6c');
    expect(result.text).not.toContain(CLIENT_ID);
    await expectLinked(journey, 'employees');

    expect(personio.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/auth',
      'GET /v1/company/employees/attributes',
    ]);
    expectEmployeeRequests();
  });

  it('names the guide steps and the attributes to tick', async () => {
    const journey = e2e.journey();
    await journey.command('link personio employees');
    await journey.waitForMessage((text) => text.includes('Generate new credential'));
    await journey.click('flow.begin');
    const seen: string[] = [];
    for (let step = 1; step <= 6; step++) {
      const message = await journey.waitForMessage((text) => text.includes(`Step ${step} of 6`));
      seen.push(textOf(message.args.blocks));
      if (step < 6) await journey.click('flow.next');
    }
    const guide = seen.join('\n');
    for (const words of [
      'Integrations',
      'API credentials',
      'Other',
      'Readable employee attributes',
      'Client Secret',
    ])
      expect(guide).toContain(words);
    for (const { label } of personioRequiredAttributes(translator('en'))) expect(seen[4]).toContain(label);
    expect(guide).toContain(
      'https://res.cloudinary.com/apideck/image/upload/v1670941847/docs/connectors/personio/personio-employee-attributes.png',
    );
    expect(guide).not.toContain('](');
  });

  it('explains rejected client credentials, and a corrected retry links', async () => {
    const journey = e2e.journey();
    const { viewId, flowId, resultText } = await failedCheck(journey, 'employees', {
      client_id: CLIENT_ID,
      client_secret: 'papi-not-the-right-secret-000000000000',
    });
    expect(resultText).toContain('did not accept the Client ID and Client Secret');
    expect(resultText).toContain('Client Secret:*');
    expect(personio.requests.map((request) => request.path)).toEqual(['/v1/auth']);
    expectEmployeeRequests('papi-not-the-right-secret-000000000000');
    await journey.waitForMessage((text) => text.includes('did not accept the Client ID'));

    const start = e2e.slack.calls.length;
    await submitAndWait(journey, { viewId, flowId }, VARIANTS.employees.good);
    await expectLinked(journey, 'employees', start);
    expectEmployeeRequests();
  });

  it('names the missing employee attributes and where to tick them, then links once ticked', async () => {
    personio.setAttributes(
      CLIENT_ID,
      ALL_ATTRIBUTES.filter((key) => !['hire_date', 'office'].includes(key)),
    );
    const journey = e2e.journey();
    const { viewId, flowId, resultText } = await failedCheck(journey, 'employees', VARIANTS.employees.good);
    expect(resultText).toContain('2 employee attributes');
    expect(resultText).toContain('Hire date (hire_date)');
    expect(resultText).toContain('Office (office)');
    expect(resultText).not.toContain('First name (first_name)');
    expect(resultText).toContain('API credentials → your Wintro credential → Readable employee attributes');
    expectEmployeeRequests();
    const dm = await journey.waitForMessage((text) => text.includes('Hire date (hire_date)'));
    expect(textOf(dm.args.blocks)).toContain('Enter credentials');

    personio.setAttributes(CLIENT_ID, ALL_ATTRIBUTES);
    const start = e2e.slack.calls.length;
    await submitAndWait(journey, { viewId, flowId }, VARIANTS.employees.good);
    await expectLinked(journey, 'employees', start);
  });

  it('says when the credential cannot read employees at all', async () => {
    personio.mode = { kind: 'employees_forbidden' };
    const journey = e2e.journey();
    const { resultText } = await failedCheck(journey, 'employees', VARIANTS.employees.good);
    expect(resultText).toContain('cannot read employee data');
    expect(resultText).toContain('*Read* for Employees');
  });

  it('recognises a Client ID and Client Secret pasted the wrong way round', async () => {
    const journey = e2e.journey();
    const { viewId, flowId } = await walkToCredentials(journey, 'employees');
    const swapped = await journey.submit(viewId, flowId, {
      client_id: CLIENT_SECRET,
      client_secret: CLIENT_ID,
    });
    acks.push(swapped.body);
    expect(swapped.body.response_action).toBe('errors');
    expect(swapped.body.errors.client_id).toContain('swapped');
    expect(personio.requests).toHaveLength(0);
  });
});

describe.each(['recruiting', 'employees'] as const)('when Personio misbehaves (%s)', (variant) => {
  const good = VARIANTS[variant].good;

  it('honours Retry-After, refuses an early retry, and links after the wait', async () => {
    personio.mode = { kind: 'rate_limited', retryAfter: 2 };
    const journey = e2e.journey();
    const { viewId, flowId, resultText } = await failedCheck(journey, variant, good);
    expect(resultText).toContain('Personio asked us to slow down');
    expect(resultText).toContain('Try again in 2 seconds');
    const calls = personio.requests.length;
    const early = await journey.submit(viewId, flowId, good);
    acks.push(early.body);
    expect(early.body.response_action).toBe('errors');
    expect(early.body.errors[VARIANTS[variant].fields[0]]).toMatch(
      /Personio asked us to wait\. Try again in [12] seconds/,
    );
    expect(personio.requests.length).toBe(calls);

    personio.mode = { kind: 'normal' };
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const start = e2e.slack.calls.length;
    await submitAndWait(journey, { viewId, flowId }, good);
    await expectLinked(journey, variant, start);
  });

  itSaysWhatWentWrong('Personio', e2e, {
    check: (journey) => failedCheck(journey, variant, good),
    setMode: (mode) => Object.assign(personio, { mode }),
    unreachable: { PERSONIO_API_URL: 'http://127.0.0.1:9' },
    slowSays: 'Personio did not answer in time',
  });
});
