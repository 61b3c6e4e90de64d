import { describe, expect, it } from 'vitest';
import type { RunningBot } from '../support/bot.js';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import { GREENHOUSE_ALL_SCOPES } from '../support/fakeGreenhouse.js';
import { answerRequest, askForHelp as askColleague, declineWith } from '../support/handover.js';
import { buttonsOf, eventually, type Journey, textOf } from '../support/journey.js';
import { nextTo } from '../support/linking.js';

const TEAM = 'T0ACME';
const ADMIN = 'U0ADMIN';
const HELPER = 'U0HELPER';
const ACCOUNT = greenhouseAccount('gh-secret-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2');
const { clientId: CLIENT_ID, secret: CLIENT_SECRET, userId: USER_ID } = ACCOUNT;

const e2e = useE2e({ ...greenhouseSetup(ACCOUNT), bootEach: false });
const { vendors } = e2e;

const boot = (env: Record<string, string> = {}, share?: RunningBot) => e2e.boot(env, share);

const dmsTo = (userId: string) =>
  e2e.slack.callsTo('chat.postMessage').filter((call) => call.channel === `D${userId}`);

async function startAtPrerequisites(bot: RunningBot) {
  const admin = e2e.journey(ADMIN, TEAM, bot);
  await admin.command('link greenhouse');
  await admin.waitForMessage((text) => text.includes('Can manage ALL organization'));
  return admin;
}

const askForHelp = (_bot: RunningBot, admin: Journey, note?: string) => askColleague(admin, HELPER, note);

const answer = (bot: RunningBot, request: { args: Record<string, any> }, actionId: string, as = HELPER) =>
  answerRequest(e2e.journey(ADMIN, TEAM, bot), request, actionId, { helper: HELPER, as });

describe('hand-over to a colleague', () => {
  it('asks a colleague, who takes over and finishes the link', async () => {
    const bot = await boot();
    const admin = await startAtPrerequisites(bot);
    const oldCancel = admin.button('flow.cancel');
    const { request } = await askForHelp(bot, admin, 'Please help <!channel> <@U0BOSS>');

    const text = textOf(request.args.blocks);
    expect(request.args.text).toContain(`<@${ADMIN}> needs your help linking Greenhouse`);
    expect(text).toContain('Can manage ALL organization’s API Credentials');
    expect(text).toContain('Configure → Users');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U0BOSS>');
    await admin.waitForMessage((message) => message.includes(`Waiting for <@${HELPER}>`));

    await answer(bot, request, 'handover.take');
    const helper = e2e.journey(HELPER, TEAM, bot);
    await helper.waitForMessage((message) => message.includes('Step 1 of 6'));
    await eventually(() =>
      expect(dmsTo(ADMIN).some((call) => call.args.text.includes('took over'))).toBe(true),
    );

    // The setup is the helper's now: the admin's old buttons no longer move it.
    await admin.click('flow.cancel', { button: oldCancel });
    const refusal = await e2e.slack.waitFor(
      (call) => call.method === 'chat.postEphemeral' && call.args.user === ADMIN,
    );
    expect(refusal.args.text).toContain(`Only <@${HELPER}> can continue`);
    await nextTo(helper, 'greenhouse', 1, 6);
    await helper.click('flow.credentials');
    const form = await e2e.slack.waitFor(
      (call) => call.method === 'views.open' && call.args.view.callback_id === 'credentials.submit',
    );
    await helper.submit('V0FORM', form.args.view.private_metadata, {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      user_id: USER_ID,
    });
    const notification = await e2e.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.channel === 'C0NOTIFY',
    );
    expect(notification.args.text).toContain(`<@${HELPER}>`);
  });

  it('tells the admin to carry on when the colleague has granted the access', async () => {
    const bot = await boot();
    const admin = await startAtPrerequisites(bot);
    const { request } = await askForHelp(bot, admin);
    const asked = admin.latestMessage()?.args.ts;
    await answer(bot, request, 'handover.granted');
    await eventually(() =>
      expect(
        dmsTo(ADMIN).some((call) =>
          call.args.text.includes(`<@${HELPER}> says the access for Greenhouse is granted`),
        ),
      ).toBe(true),
    );
    // The setup comes back below the notice; the message it was in is retired (its buttons refused).
    await eventually(() => expect(admin.latestMessage()?.args.ts).not.toBe(asked));
    await admin.waitForMessage((message) => message.includes('says it') && message.includes('flow.begin'));
    await admin.click('flow.begin');
    await admin.waitForMessage((message) => message.includes('Step 1 of 6'));
    const thanks = await e2e.slack.waitFor(
      (call) => call.method === 'chat.update' && call.channel === `D${HELPER}`,
    );
    expect(thanks.args.text).toContain(`I told <@${ADMIN}> to carry on`);
  });

  it('passes a declined request and its reason back to the admin, escaped', async () => {
    const bot = await boot();
    const admin = await startAtPrerequisites(bot);
    const { request } = await askForHelp(bot, admin);
    await answer(bot, request, 'handover.decline');
    const modal = await e2e.slack.waitFor(
      (call) => call.method === 'views.open' && call.args.view.callback_id === 'handover.decline',
    );
    const empty = await declineWith(admin, HELPER, modal.args.view.private_metadata, '   ');
    expect(empty.body.response_action).toBe('errors');
    await declineWith(admin, HELPER, modal.args.view.private_metadata, 'Not an admin either, ask <!here>');
    const told = await eventually(() => {
      const call = dmsTo(ADMIN).find((candidate) => candidate.args.text.includes("can't help"));
      if (!call) throw new Error('not told yet');
      return call;
    });
    expect(told.args.text).toContain('&lt;!here&gt;');
    expect(told.args.text).not.toContain('<!here>');
    await admin.waitForMessage((message) => message.includes('Ask someone else'));
  });

  it('offers the hand-over when the check finds missing scopes, and lists them for the colleague', async () => {
    vendors.greenhouse.clients.set(CLIENT_ID, { secret: CLIENT_SECRET, scopes: ['harvest:users:list'] });
    const bot = await boot();
    const admin = e2e.journey(ADMIN, TEAM, bot);
    await admin.command('link greenhouse');
    await admin.waitForMessage((message) => message.includes('Can manage ALL organization'));
    await admin.click('flow.credentials');
    const form = await e2e.slack.waitFor((call) => call.method === 'views.open');
    const values = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, user_id: USER_ID };
    await admin.submit('V0FORM', form.args.view.private_metadata, values);
    await admin.waitForMessage((message) => message.includes('Ask a colleague to fix this'));

    const { request } = await askForHelp(bot, admin);
    const text = textOf(request.args.blocks);
    for (const scope of ['harvest:jobs:list', 'harvest:candidates:list', 'harvest:applications:list']) {
      expect(text).toContain(scope);
    }
    expect(text).toContain('Manage scopes');

    vendors.greenhouse.clients.set(CLIENT_ID, { secret: CLIENT_SECRET, scopes: [...GREENHOUSE_ALL_SCOPES] });
    await answer(bot, request, 'handover.granted');
    await admin.waitForMessage(
      (message) => message.includes('flow.credentials') && message.includes('says it'),
    );
    await admin.submit('V0FORM', form.args.view.private_metadata, values);
    await admin.waitForMessage((message) => message.includes('Greenhouse is linked'));
  });

  it('refuses answers from anyone but the colleague asked, and remembers who helped last time', async () => {
    const bot = await boot();
    const admin = await startAtPrerequisites(bot);
    const { request } = await askForHelp(bot, admin);
    await answer(bot, request, 'handover.take', 'U0STRANGER');
    const refusal = await e2e.slack.waitFor((call) => call.method === 'chat.postEphemeral');
    expect(refusal.args.user).toBe('U0STRANGER');
    expect(refusal.args.text).toContain(`Only <@${HELPER}>`);
    expect(textOf(admin.latestMessage()?.args.blocks)).toContain(`Waiting for <@${HELPER}>`);

    await admin.click('flow.help');
    const second = await eventually(() => {
      const call = e2e.slack.callsTo('views.open')[1];
      if (!call) throw new Error('no second modal');
      return call;
    });
    expect(JSON.stringify(second.args.view)).toContain(`"initial_user":"${HELPER}"`);
  });

  it('will not send a request to the admin themselves', async () => {
    const bot = await boot();
    const admin = await startAtPrerequisites(bot);
    await admin.click('flow.help');
    const opened = await e2e.slack.waitFor((call) => call.method === 'views.open');
    const reply = await bot.sender.viewSubmission({
      teamId: TEAM,
      userId: ADMIN,
      callbackId: 'handover.ask',
      privateMetadata: opened.args.view.private_metadata,
      values: { colleague: { user: { type: 'users_select', selected_user: ADMIN } } },
    });
    expect(reply.body.response_action).toBe('errors');
    expect(reply.body.errors.colleague).toContain('Choose someone else');
  });
});

describe('reminders', () => {
  it('reminds the holder of an idle setup exactly once, with two bot instances on one Redis', async () => {
    const env = { WINTRO_REMINDER_AFTER_SECONDS: '1', WINTRO_REMINDER_MAX: '1' };
    const first = await boot(env);
    await boot(env, first);
    await startAtPrerequisites(first);
    const reminder = await e2e.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.channel === `D${ADMIN}` &&
        call.args.text.includes('is waiting'),
      6000,
    );
    expect(reminder.args.text).toContain('Your Greenhouse setup is waiting at checking the prerequisites');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(dmsTo(ADMIN).filter((call) => call.args.text.includes('is waiting'))).toHaveLength(1);

    const resume = buttonsOf(reminder.args.blocks).find((button) => button.action_id === 'flow.resume');
    const admin = e2e.journey(ADMIN, TEAM, first);
    await admin.click('flow.resume', { button: resume });
    await eventually(() =>
      expect(dmsTo(ADMIN).filter((call) => call.args.text.includes('first, check'))).toHaveLength(2),
    );
  });

  it('sends no more reminders than configured, and none once the setup is cancelled', async () => {
    const bot = await boot({ WINTRO_REMINDER_AFTER_SECONDS: '1', WINTRO_REMINDER_MAX: '2' });
    await startAtPrerequisites(bot);
    const other = e2e.journey('U0OTHER', TEAM, bot);
    await other.command('link greenhouse');
    await other.waitForMessage((text) => text.includes('Can manage ALL organization'));
    await other.command('cancel');
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(dmsTo(ADMIN).filter((call) => call.args.text.includes('is waiting'))).toHaveLength(2);
    expect(dmsTo('U0OTHER').filter((call) => call.args.text.includes('is waiting'))).toHaveLength(0);
  });

  it('reminds an unanswering colleague once, then tells the admin, once each', async () => {
    const env = { WINTRO_NUDGE_REMINDER_AFTER_SECONDS: '1', WINTRO_REMINDER_MAX: '0' };
    const first = await boot(env);
    await boot(env, first);
    const admin = await startAtPrerequisites(first);
    await askForHelp(first, admin);
    await e2e.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.channel === `D${ADMIN}` &&
        call.args.text.includes("hasn't answered"),
      6000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(dmsTo(HELPER).filter((call) => call.args.text.startsWith('Reminder'))).toHaveLength(1);
    expect(dmsTo(HELPER)).toHaveLength(2);
    expect(dmsTo(ADMIN).filter((call) => call.args.text.includes("hasn't answered"))).toHaveLength(1);
  });

  it('stops nudging once the colleague answers', async () => {
    const bot = await boot({ WINTRO_NUDGE_REMINDER_AFTER_SECONDS: '1', WINTRO_REMINDER_MAX: '0' });
    const admin = await startAtPrerequisites(bot);
    const { request } = await askForHelp(bot, admin);
    await answer(bot, request, 'handover.granted');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(dmsTo(HELPER)).toHaveLength(1);
    expect(dmsTo(ADMIN).filter((call) => call.args.text.includes("hasn't answered"))).toHaveLength(0);
  });
});
