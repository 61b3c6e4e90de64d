import { describe, expect, it } from 'vitest';
import { eventually, textOf } from '../support/journey.js';
import { ADMIN, dmsTo, PREREQUISITE, useServiceBot } from './harness.js';

const ctx = useServiceBot();

describe('/wintro through Bolt', () => {
  it('answers the command in the channel and continues the setup in a DM', async () => {
    const reply = await ctx.admin.command('link greenhouse');
    ctx.acks.push(reply.body);
    expect(reply.status).toBe(200);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toMatch(/direct message/);
    const dm = await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    expect(dm.method).toBe('chat.postMessage');
    expect(dm.args.channel).toBe(ADMIN);
    expect(textOf(dm.args.blocks)).toContain('Before you start');
    expect(dmsTo(ctx.bot, ADMIN)).toHaveLength(1);
  });

  it('answers help, the picker, misspellings and nonsense without posting anything', async () => {
    const help = await ctx.admin.command('help');
    expect(textOf(help.body.blocks)).toContain('/wintro link');
    const empty = await ctx.admin.command('');
    expect(textOf(empty.body.blocks)).toContain('/wintro status');
    const picker = await ctx.admin.command('link');
    const choices = picker.body.blocks.flatMap((block: any) => block.elements ?? []);
    expect(choices.map((choice: any) => choice.action_id)).toContain('pick.system:system:greenhouse');
    const typo = await ctx.admin.command('link grenhouse');
    expect(typo.body.text).toContain('Did you mean Greenhouse');
    const verbTypo = await ctx.admin.command('stauts');
    expect(verbTypo.body.text).toContain('/wintro status');
    const nonsense = await ctx.admin.command('<!channel> please');
    expect(JSON.stringify(nonsense.body)).not.toContain('<!channel>');
    for (const reply of [help, empty, picker, typo, verbTypo, nonsense]) {
      ctx.acks.push(reply.body);
      expect(reply.status).toBe(200);
      expect(reply.body.response_type).toBe('ephemeral');
    }
    expect(ctx.bot.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('starts the flow from the picker and replaces the picker message', async () => {
    const picker = await ctx.admin.command('link');
    ctx.acks.push(picker.body);
    const choice = picker.body.blocks
      .flatMap((block: any) => block.elements ?? [])
      .find((element: any) => element.action_id === 'pick.system:system:greenhouse');
    const clicked = await ctx.admin.click(choice.action_id, { button: choice });
    expect(clicked.status).toBe(200);
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    const replaced = await ctx.bot.slack.waitForResponse((response) => response.id === clicked.responseUrlId);
    expect(replaced.body.replace_original).toBe(true);
  });

  it('reports status and cancels', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    const status = await ctx.admin.command('status');
    expect(textOf(status.body.blocks)).toContain('checking the prerequisites');
    const cancelled = await ctx.admin.command('cancel');
    expect(cancelled.body.text).toContain('Cancelled your Greenhouse setup');
    await ctx.admin.waitForMessage((text) => text.includes('Setup cancelled'));
    const none = await ctx.admin.command('cancel');
    expect(none.body.text).toContain('no setup in progress');
    const after = await ctx.admin.command('status');
    expect(textOf(after.body.blocks)).toContain('Greenhouse*: not linked');
    ctx.acks.push(status.body, cancelled.body, none.body, after.body);
  });

  it('resumes where the admin stopped when the command is run again', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    await ctx.admin.click('flow.begin');
    await ctx.admin.waitForMessage((text) => text.includes('Step 1 of 6'));
    await ctx.admin.command('link gh');
    await eventually(() => expect(dmsTo(ctx.bot, ADMIN)).toHaveLength(2));
    await ctx.admin.waitForMessage((text) => text.includes('Step 1 of 6'));
    await ctx.admin.click('flow.next');
    await ctx.admin.waitForMessage((text) => text.includes('Step 2 of 6'));
  });
});
