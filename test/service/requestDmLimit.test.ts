import type { Redis } from 'ioredis';
import RedisMock from 'ioredis-mock';
import { describe, expect, it } from 'vitest';
import { AbuseLimits } from '../../src/store/limits.js';
import { askForHelp } from '../support/handover.js';
import { settle } from '../support/journey.js';
import { dmsTo, PREREQUISITE, TEAM, useServiceBot } from './harness.js';

// The colleague's reminder is due a second after the request.
const ctx = useServiceBot({ WINTRO_NUDGE_REMINDER_AFTER_SECONDS: '1', WINTRO_REMINDER_MAX: '0' });

describe('request DMs to one colleague', () => {
  it('sends no reminder once the colleague has had 3 messages from the setup', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    const { view } = await askForHelp(ctx.admin, 'U0HELPA');
    // Two more messages about this setup reached the colleague meanwhile (earlier requests).
    const limits = new AbuseLimits(new RedisMock() as unknown as Redis, ctx.bot.keyPrefix);
    const flowId = view.private_metadata as string;
    for (let n = 0; n < 2; n++) expect(await limits.requestDm(TEAM, flowId, 'U0HELPA')).toBeUndefined();
    await settle(1800);
    expect(dmsTo(ctx.bot, 'U0HELPA')).toHaveLength(1);
  });

  it('sends the reminder while the colleague has had fewer', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    await askForHelp(ctx.admin, 'U0HELPA');
    await settle(1800);
    const dms = dmsTo(ctx.bot, 'U0HELPA');
    expect(dms).toHaveLength(2);
    expect(dms[1]?.args.text).toMatch(/^Reminder/);
  });
});
