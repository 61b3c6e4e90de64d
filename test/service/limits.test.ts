import type { Redis } from 'ioredis';
import RedisMock from 'ioredis-mock';
import { describe, expect, it } from 'vitest';
import { AbuseLimits } from '../../src/store/limits.js';
import { askForHelp } from '../support/handover.js';
import { eventually, settle, textOf } from '../support/journey.js';
import { ADMIN, CLIENT_ID, dmsTo, PREREQUISITE, TEAM, useServiceBot } from './harness.js';

const ctx = useServiceBot();

/** The same in-process data the bot uses (ioredis-mock shares it), for counting ahead of a test. */
const sameLimits = () => new AbuseLimits(new RedisMock() as unknown as Redis, ctx.bot.keyPrefix);

const WRONG = { client_id: CLIENT_ID, client_secret: 'gh-secret-Wrong0000000000000000', user_id: '12345' };

/** Submits the form the admin's last modal is; resolves with the acknowledgement Slack got. */
async function submitAgain(viewId: string, flowId: string) {
  const submitted = await ctx.admin.submit(viewId, flowId, WRONG);
  ctx.acks.push(submitted.body);
  return submitted.body;
}

const flowIdOf = async () => {
  const flows = await new RedisMock().keys(`${ctx.bot.keyPrefix}:{${TEAM}}:flow:*`);
  return flows[0]?.split(':flow:')[1] as string;
};

describe('abuse limits', () => {
  it('checks one setup’s credentials at most 10 times an hour, and says when it can check again, keeping the form', async () => {
    const form = await ctx.toCredentials();
    for (let n = 0; n < 10; n++) {
      const { submitted } = await ctx.check(form, WRONG);
      expect(submitted.response_action).toBe('update');
    }
    const vendorCalls = ctx.greenhouse.requests.length;
    const refused = await submitAgain(form.viewId, form.flowId);
    expect(refused.response_action).toBe('errors');
    const words = Object.values(refused.errors).join(' ');
    expect(words).toMatch(/checked 10 times in the last hour/);
    expect(words).toMatch(/You can check again in (59|60) minutes\. What you entered is kept\./);
    await settle(100);
    expect(ctx.greenhouse.requests).toHaveLength(vendorCalls);
  });

  it('checks credentials at most 30 times an hour in one workspace', async () => {
    const limits = sameLimits();
    for (let n = 0; n < 30; n++) expect(await limits.credentialCheck(TEAM, `other-${n % 5}`)).toBeUndefined();
    const form = await ctx.toCredentials();
    const refused = await submitAgain(form.viewId, form.flowId);
    expect(refused.response_action).toBe('errors');
    expect(Object.values(refused.errors).join(' ')).toMatch(
      /30 times in this workspace in the last hour.*check again in (59|60) minutes/,
    );
    expect(ctx.greenhouse.requests).toHaveLength(0);
  });

  it('starts at most 20 setups a day for one person, and says when the next can start', async () => {
    const limits = sameLimits();
    for (let n = 0; n < 20; n++) expect(await limits.newSetup(TEAM, ADMIN)).toBeUndefined();
    const reply = await ctx.admin.command('link greenhouse');
    ctx.acks.push(reply.body);
    // The follow-up after the answer (which itself went to the response URL: a new person's language is asked first).
    const told = await ctx.bot.slack.waitForResponse(
      (response) => response.id === reply.responseUrlId && textOf(response.body.blocks).includes('20 setups'),
    );
    expect(textOf(told.body.blocks)).toMatch(
      /started 20 setups in the last day.*start another in about 24 hours/,
    );
    await settle(100);
    expect(dmsTo(ctx.bot, ADMIN)).toHaveLength(0);
  });

  it('counts a setup once against the person, however often the command resumes it', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    for (let n = 1; n <= 3; n++) {
      await ctx.admin.command('link greenhouse');
      await eventually(() => expect(dmsTo(ctx.bot, ADMIN)).toHaveLength(1 + n));
    }
    await settle(100);
    // One of the 20 a day is used: 19 more are allowed, and no more.
    const limits = sameLimits();
    for (let n = 0; n < 19; n++) expect(await limits.newSetup(TEAM, ADMIN)).toBeUndefined();
    expect((await limits.newSetup(TEAM, ADMIN))?.limit).toBe('setupsPerPerson');
  });

  it('lets a person who has started 20 setups today still resume the one in progress', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    const limits = sameLimits();
    for (let n = 0; n < 19; n++) expect(await limits.newSetup(TEAM, ADMIN)).toBeUndefined();
    await ctx.admin.command('link greenhouse');
    await eventually(() => expect(dmsTo(ctx.bot, ADMIN)).toHaveLength(2));
    expect(textOf(dmsTo(ctx.bot, ADMIN)[1]?.args.blocks)).toContain(PREREQUISITE);
  });

  it('asks for help at most 3 times an hour in one setup', async () => {
    await toPrerequisites();
    for (const helper of ['U0HELPA', 'U0HELPB', 'U0HELPC']) await askForHelp(ctx.admin, helper);
    const refused = await askOnce('U0HELPD');
    expect(Object.values(refused.errors).join(' ')).toMatch(
      /asked for help with this setup 3 times in the last hour\. You can ask again in (59|60) minutes/,
    );
    await settle(100);
    expect(dmsTo(ctx.bot, 'U0HELPD')).toHaveLength(0);
  });

  it('asks for help at most 10 times a day for one person, across setups', async () => {
    const limits = sameLimits();
    for (let n = 0; n < 10; n++) expect(await limits.helpRequest(TEAM, `other-${n}`, ADMIN)).toBeUndefined();
    await toPrerequisites();
    const refused = await askOnce('U0HELPA');
    expect(Object.values(refused.errors).join(' ')).toMatch(/10 requests for help in the last day/);
  });

  it('never sends a colleague more than 3 request DMs from one setup', async () => {
    await toPrerequisites();
    const flowId = await flowIdOf();
    // Two requests and a reminder already reached this colleague.
    const limits = sameLimits();
    for (let n = 0; n < 2; n++) await limits.requestDm(TEAM, flowId, 'U0HELPA');
    await askForHelp(ctx.admin, 'U0HELPA');
    const refused = await askOnce('U0HELPA');
    expect(Object.values(refused.errors).join(' ')).toMatch(
      /<@U0HELPA> has already had 3 messages about this setup/,
    );
    await settle(100);
    expect(dmsTo(ctx.bot, 'U0HELPA')).toHaveLength(1);
  });
});

async function toPrerequisites() {
  await ctx.admin.command('link greenhouse');
  await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
}

/** Opens the "who can help" form and submits it for `helper`; resolves with the acknowledgement. */
async function askOnce(helper: string) {
  const opened = ctx.bot.slack.callsTo('views.open').length;
  await ctx.admin.click('flow.help');
  const call = await eventually(() => {
    const found = ctx.bot.slack.callsTo('views.open')[opened];
    if (!found) throw new Error('no modal yet');
    return found;
  });
  const submitted = await ctx.admin.sender.viewSubmission({
    teamId: TEAM,
    userId: ADMIN,
    callbackId: 'handover.ask',
    privateMetadata: call.args.view.private_metadata,
    values: {
      colleague: { user: { type: 'users_select', selected_user: helper } },
      note: { value: { type: 'plain_text_input', value: 'please' } },
    },
  });
  ctx.acks.push(submitted.body);
  expect(submitted.body.response_action).toBe('errors');
  return submitted.body as { errors: Record<string, string> };
}
