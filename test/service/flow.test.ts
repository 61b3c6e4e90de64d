import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../support/fakeSlackCore.js';
import { textOf } from '../support/journey.js';
import { walkToStep } from '../support/linking.js';
import { ADMIN, PREREQUISITE, TEAM, theNoticeTo, useServiceBot } from './harness.js';

const ctx = useServiceBot();

async function atStep1() {
  await walkToStep(ctx.admin, 'greenhouse', PREREQUISITE, 1);
  return ctx.admin.latestMessage() as RecordedCall;
}

describe('moving through the guide', () => {
  it('goes Next and Back by redrawing the one DM message in place', async () => {
    const step1 = await atStep1();
    const next = await ctx.admin.click('flow.next');
    expect(next.status).toBe(200);
    expect(next.text).toBe('');
    const step2 = await ctx.admin.waitForMessage((text) => text.includes('Step 2 of 6'));
    expect(step2.method).toBe('chat.update');
    expect(step2.args.ts).toBe(step1.args.ts);
    await ctx.admin.click('flow.back');
    await ctx.admin.waitForMessage((text) => text.includes('Step 1 of 6'));
    await ctx.admin.click('flow.back');
    await ctx.admin.waitForMessage((text) => text.includes('Before you start'));
    expect(ctx.bot.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('makes one step of two simultaneous clicks on the same button, and says the other moved on', async () => {
    await atStep1();
    const button = ctx.admin.button('flow.next');
    const replies = await Promise.all([
      ctx.admin.click('flow.next', { button }),
      ctx.admin.click('flow.next', { button }),
    ]);
    for (const reply of replies) expect(reply.status).toBe(200);
    await ctx.admin.waitForMessage((text) => text.includes('Step 2 of 6'));
    const notice = await theNoticeTo(ctx.bot, ADMIN);
    expect(notice.args.text).toContain('already moved on');
    expect(textOf(ctx.admin.latestMessage()?.args.blocks)).toContain('Step 2 of 6');
  });

  it('says a click on an older drawing already moved on, and changes nothing', async () => {
    await atStep1();
    const stale = ctx.admin.button('flow.next');
    await ctx.admin.click('flow.next');
    await ctx.admin.waitForMessage((text) => text.includes('Step 2 of 6'));
    const updates = ctx.bot.slack.callsTo('chat.update').length;
    await ctx.admin.click('flow.back', { button: { ...stale, action_id: 'flow.back' } });
    const notice = await theNoticeTo(ctx.bot, ADMIN);
    expect(notice.args.text).toContain('already moved on');
    expect(ctx.bot.slack.callsTo('chat.update')).toHaveLength(updates);
  });

  it('cancels from the button', async () => {
    await atStep1();
    await ctx.admin.click('flow.cancel');
    await ctx.admin.waitForMessage((text) => text.includes('Setup cancelled'));
    const status = await ctx.admin.command('status');
    ctx.acks.push(status.body);
    expect(textOf(status.body.blocks)).toContain('Greenhouse*: not linked');
  });

  it('refuses a click from someone who is not running the setup', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    const reply = await ctx.admin.click('flow.begin', { as: 'U0STRANGER' });
    expect(reply.status).toBe(200);
    const notice = await theNoticeTo(ctx.bot, 'U0STRANGER');
    expect(notice.args.text).toContain(`Only <@${ADMIN}>`);
    expect(textOf(ctx.admin.latestMessage()?.args.blocks)).not.toContain('Step 1 of 6');
  });

  it('keeps teams apart: another team cannot move a flow it did not start', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    const begin = ctx.admin.button('flow.begin');
    await ctx.journey(ADMIN, 'T0OTHER').click('flow.begin', { button: begin });
    const notice = await theNoticeTo(ctx.bot, ADMIN);
    expect(notice.args.text).toContain('expired');
    expect(textOf(ctx.admin.latestMessage()?.args.blocks)).toContain(PREREQUISITE);
    expect(TEAM).not.toBe('T0OTHER');
  });
});
