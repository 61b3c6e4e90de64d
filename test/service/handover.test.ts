import { describe, expect, it } from 'vitest';
import { answerRequest, askForHelp, declineWith, dmsTo } from '../support/handover.js';
import { eventually, textOf } from '../support/journey.js';
import { walkGuide } from '../support/linking.js';
import { ADMIN, GOOD, HELPER, PREREQUISITE, theNoticeTo, useServiceBot } from './harness.js';

const ctx = useServiceBot();

async function requestHelp(note?: string) {
  await ctx.admin.command('link greenhouse');
  await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
  return askForHelp(ctx.admin, HELPER, note);
}

const answer = (request: { args: Record<string, any> }, actionId: string, as?: string) =>
  answerRequest(ctx.admin, request, actionId, { helper: HELPER, ...(as ? { as } : {}) });

describe('hand-over answers', () => {
  it('sends the colleague what is missing, escaped, and the admin waits', async () => {
    const { request } = await requestHelp('Please help <!channel> <@U0BOSS>');
    expect(request.args.text).toContain(`<@${ADMIN}> needs your help linking Greenhouse`);
    const text = textOf(request.args.blocks);
    expect(text).toContain('Can manage ALL organization’s API Credentials');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U0BOSS>');
    await ctx.admin.waitForMessage((message) => message.includes(`Waiting for <@${HELPER}>`));
  });

  it('moves the setup to a colleague who takes over, and the admin’s buttons stop moving it', async () => {
    const oldCancel = await (async () => {
      await ctx.admin.command('link greenhouse');
      await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
      return ctx.admin.button('flow.cancel');
    })();
    const { request } = await askForHelp(ctx.admin, HELPER);
    expect((await answer(request, 'handover.take')).status).toBe(200);
    const helper = ctx.journey(HELPER);
    await helper.waitForMessage((message) => message.includes('Step 1 of 6'));
    await eventually(() =>
      expect(dmsTo(ctx.admin, ADMIN).some((call) => call.args.text.includes('took over'))).toBe(true),
    );
    await ctx.admin.click('flow.cancel', { button: oldCancel });
    const refusal = await theNoticeTo(ctx.bot, ADMIN);
    expect(refusal.args.text).toContain(`Only <@${HELPER}> can continue`);
  });

  it('tells the admin to carry on when the colleague granted the access, and thanks the colleague', async () => {
    const { request } = await requestHelp();
    const asked = ctx.admin.latestMessage()?.args.ts;
    await answer(request, 'handover.granted');
    await eventually(() =>
      expect(
        dmsTo(ctx.admin, ADMIN).some((call) =>
          call.args.text.includes(`<@${HELPER}> says the access for Greenhouse is granted`),
        ),
      ).toBe(true),
    );
    const thanks = await ctx.bot.slack.waitFor(
      (call) => call.method === 'chat.update' && call.channel === `D${HELPER}`,
    );
    expect(thanks.args.text).toContain(`I told <@${ADMIN}> to carry on`);
    // The setup comes back below the notice; the message it was in is retired (its buttons refused).
    await eventually(() => expect(ctx.admin.latestMessage()?.args.ts).not.toBe(asked));
    const form = await walkGuide(ctx.admin, 'greenhouse', 'says it');
    expect((await ctx.check(form, GOOD)).resultText).toContain('is linked');
  });

  it('needs a reason to decline, and passes it back to the admin escaped', async () => {
    const { request } = await requestHelp();
    await answer(request, 'handover.decline');
    const modal = await ctx.bot.slack.waitFor(
      (call) => call.method === 'views.open' && call.args.view.callback_id === 'handover.decline',
    );
    const empty = await declineWith(ctx.admin, HELPER, modal.args.view.private_metadata, '   ');
    ctx.acks.push(empty.body);
    expect(empty.body.response_action).toBe('errors');
    const declined = await declineWith(
      ctx.admin,
      HELPER,
      modal.args.view.private_metadata,
      'No, ask <!here>',
    );
    expect(declined.status).toBe(200);
    const told = await eventually(() => {
      const call = dmsTo(ctx.admin, ADMIN).find((candidate) => candidate.args.text.includes("can't help"));
      if (!call) throw new Error('not told yet');
      return call;
    });
    expect(told.args.text).toContain('&lt;!here&gt;');
    expect(told.args.text).not.toContain('<!here>');
    await ctx.admin.waitForMessage((message) => message.includes('Ask someone else'));
  });

  it('refuses answers from anyone but the colleague asked', async () => {
    const { request } = await requestHelp();
    await answer(request, 'handover.take', 'U0STRANGER');
    const refusal = await theNoticeTo(ctx.bot, 'U0STRANGER');
    expect(refusal.args.text).toContain(`Only <@${HELPER}>`);
    expect(textOf(ctx.admin.latestMessage()?.args.blocks)).toContain(`Waiting for <@${HELPER}>`);
  });

  it('will not send a request to the admin themselves', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    await ctx.admin.click('flow.help');
    const opened = await ctx.bot.slack.waitFor((call) => call.method === 'views.open');
    const reply = await ctx.bot.sender.viewSubmission({
      teamId: ctx.admin.teamId,
      userId: ADMIN,
      callbackId: 'handover.ask',
      privateMetadata: opened.args.view.private_metadata,
      values: { colleague: { user: { type: 'users_select', selected_user: ADMIN } } },
    });
    ctx.acks.push(reply.body);
    expect(reply.body.response_action).toBe('errors');
    expect(reply.body.errors.colleague).toContain('Choose someone else');
  });
});
