import { describe, expect, it } from 'vitest';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import { answerRequest, askForHelp } from '../support/handover.js';
import { eventually, type Journey, textOf } from '../support/journey.js';
import { walkGuide } from '../support/linking.js';

const ACCOUNT = greenhouseAccount('gh-secret-Run4ing7Ch3ckL4nds2');
const e2e = useE2e({ ...greenhouseSetup(ACCOUNT) });
const { vendors, acks } = e2e;
const PREREQUISITE = 'Can manage ALL organization';
const GOOD = { client_id: ACCOUNT.clientId, client_secret: ACCOUNT.secret, user_id: ACCOUNT.userId };
const HELPER = 'U0HELPER';

/** Submits good credentials while Greenhouse answers slowly; resolves once the check is running. */
async function submitSlowly(journey: Journey, form: { viewId: string; flowId: string }) {
  vendors.greenhouse.mode = { kind: 'slow', delayMs: 700 };
  const submitted = await journey.submit(form.viewId, form.flowId, GOOD);
  acks.push(submitted.body);
  expect(submitted.body.response_action).toBe('update');
  await journey.waitForMessage((text) => text.includes('Checking the credentials'));
}

/** The check lands: the DM says linked, the form too, and /wintro status lists the connection. */
async function expectLinked(journey: Journey, viewId: string) {
  await journey.waitForMessage((text) => text.includes('Greenhouse is linked'), 8000);
  const form = await journey.slack.waitFor(
    (call) =>
      call.method === 'views.update' &&
      call.args.view_id === viewId &&
      textOf(call.args.view.blocks).includes('is linked'),
    8000,
  );
  expect(form).toBeDefined();
  const status = await journey.command('status');
  acks.push(status.body);
  expect(textOf(status.body.blocks)).toMatch(/Greenhouse\*: linked by/);
}

describe('a check that is running', () => {
  it('lands when the person runs /wintro link again while it checks', async () => {
    const journey = e2e.journey();
    acks.push((await journey.command('link greenhouse')).body);
    const form = await walkGuide(journey, 'greenhouse', PREREQUISITE);
    await submitSlowly(journey, form);
    const again = await journey.command('link greenhouse');
    acks.push(again.body);
    await expectLinked(journey, form.viewId);
  });

  it('lands when the person clicks Continue on a reminder while it checks', async () => {
    const journey = e2e.journey();
    acks.push((await journey.command('link greenhouse')).body);
    const form = await walkGuide(journey, 'greenhouse', PREREQUISITE);
    await submitSlowly(journey, form);
    const checking = journey.button('flow.cancel');
    const resumed = await journey.click('flow.resume', {
      button: { action_id: 'flow.resume', value: checking.value, text: { text: 'Continue' } },
    });
    expect(resumed.status).toBe(200);
    await expectLinked(journey, form.viewId);
  });

  it('lands when a colleague says the access is granted while it checks', async () => {
    const journey = e2e.journey();
    acks.push((await journey.command('link greenhouse')).body);
    await journey.waitForMessage((text) => text.includes(PREREQUISITE));
    const { request } = await askForHelp(journey, HELPER);
    const form = await walkGuide(journey, 'greenhouse', PREREQUISITE);
    await submitSlowly(journey, form);
    const granted = await answerRequest(journey, request, 'handover.granted', { helper: HELPER });
    expect(granted.status).toBe(200);
    await expectLinked(journey, form.viewId);
  });

  it('offers a way on while it checks: the message can be cancelled', async () => {
    const journey = e2e.journey();
    acks.push((await journey.command('link greenhouse')).body);
    const form = await walkGuide(journey, 'greenhouse', PREREQUISITE);
    await submitSlowly(journey, form);
    await journey.click('flow.cancel');
    await journey.waitForMessage((text) => text.includes('Setup cancelled'));
    // The check's late result changes nothing, and says so in the form.
    await eventually(() => {
      const last = journey.slack.callsTo('views.update').at(-1);
      expect(textOf(last?.args.view.blocks)).toContain('changed while we were checking');
    }, 8000);
    const status = await journey.command('status');
    acks.push(status.body);
    expect(textOf(status.body.blocks)).toContain('Greenhouse*: not linked');
  });
});

describe('a colleague who takes over', () => {
  it('keeps their own setup of the same system', async () => {
    const colleague = e2e.journey(HELPER);
    acks.push((await colleague.command('link greenhouse')).body);
    await colleague.waitForMessage((text) => text.includes(PREREQUISITE));
    await colleague.click('flow.begin');
    await colleague.waitForMessage((text) => text.includes('Step 1 of 6'));

    const admin = e2e.journey();
    acks.push((await admin.command('link greenhouse')).body);
    await admin.waitForMessage((text) => text.includes(PREREQUISITE));
    await askForHelp(admin, HELPER);
    // The colleague's DM holds their own setup too: the request is the message with the answers.
    const request = await e2e.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.channel === `D${HELPER}` &&
        JSON.stringify(call.args.blocks).includes('handover.take'),
    );
    await answerRequest(admin, request, 'handover.take', { helper: HELPER });
    // The taken-over setup arrives at the bottom of the colleague's DM; they stop it there.
    const ownMessage = colleague.latestMessage()?.args.ts;
    await eventually(() => expect(colleague.latestMessage()?.args.ts).not.toBe(ownMessage));
    await colleague.click('flow.cancel');
    await colleague.waitForMessage((text) => text.includes('Setup cancelled'));

    // Their own setup is still theirs: the command shows it again, at the step they left it.
    acks.push((await colleague.command('link greenhouse')).body);
    await colleague.waitForMessage((text) => text.includes('Step 1 of 6'));
  });
});

describe('two /wintro link commands at once', () => {
  it('make one setup', async () => {
    const journey = e2e.journey();
    const replies = await Promise.all([
      journey.command('link greenhouse'),
      journey.command('link greenhouse'),
    ]);
    for (const reply of replies) {
      acks.push(reply.body);
      expect(reply.body.text).toMatch(/direct message/);
    }
    await journey.waitForMessage((text) => text.includes(PREREQUISITE));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const setups = e2e.slack
      .callsTo('chat.postMessage')
      .filter(
        (call) => call.channel === journey.dmChannel && textOf(call.args.blocks).includes('Link Greenhouse'),
      );
    expect(setups).toHaveLength(1);
  });
});

describe('two people linking the same system at once', () => {
  it('leaves the team with one working connection, never with none', async () => {
    const first = e2e.journey('U0FIRST');
    const second = e2e.journey('U0SECOND');
    const forms = [];
    for (const journey of [first, second]) {
      acks.push((await journey.command('link greenhouse')).body);
      forms.push(await walkGuide(journey, 'greenhouse', PREREQUISITE));
    }
    vendors.greenhouse.mode = { kind: 'slow', delayMs: 500 };
    const [firstForm, secondForm] = forms as [(typeof forms)[0], (typeof forms)[0]];
    acks.push((await first.submit(firstForm.viewId, firstForm.flowId, GOOD)).body);
    acks.push((await second.submit(secondForm.viewId, secondForm.flowId, GOOD)).body);
    // The first one's setup moves while its check runs; its result must still land, and must not
    // take the second one's connection away.
    acks.push((await first.command('link greenhouse')).body);
    await first.waitForMessage((text) => text.includes('Greenhouse is linked'), 8000);
    await second.waitForMessage((text) => text.includes('Greenhouse is linked'), 8000);
    const status = await second.command('status');
    acks.push(status.body);
    expect(textOf(status.body.blocks)).toMatch(/Greenhouse\*: linked by <@U0(FIRST|SECOND)>/);
  });
});
