import { describe, expect, it } from 'vitest';
import { answerRequest, askForHelp, declineWith, dmsTo } from '../support/handover.js';
import { eventually, settle, textOf } from '../support/journey.js';
import { SERVICE_SIGNING_SECRET } from '../support/serviceBot.js';
import { encodeForm, newTriggerId, signature } from '../support/slackRequests.js';
import { ADMIN, GOOD, HELPER, noticesTo, PREREQUISITE, TEAM, theNoticeTo, useServiceBot } from './harness.js';

const ctx = useServiceBot();

const UNAVAILABLE_TEXT =
  'Wintro is briefly unavailable. Your progress is saved: try again in a minute and you will continue from the same step.';

/** The last request the sender sent, again, byte for byte, with its signature and any extra headers. */
function resend(extraHeaders: Record<string, string> = {}, age = 0) {
  const body = ctx.bot.sender.lastBody as string;
  const timestamp = (ctx.bot.sender.lastTimestamp as number) - age;
  return ctx.bot.sender.raw({
    body,
    contentType: 'application/x-www-form-urlencoded',
    timestamp,
    signature: signature(SERVICE_SIGNING_SECRET, timestamp, body),
    extraHeaders,
  });
}

describe('requests Slack sends twice', () => {
  it('acts once on a command whose trigger_id it has seen, and on a retry', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    const replayed = await resend();
    const retried = await resend({ 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' });
    for (const reply of [replayed, retried]) expect(reply.status).toBe(200);
    await settle(100);
    expect(ctx.bot.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('moves a step once when a click is replayed with its trigger_id', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    const triggerId = newTriggerId();
    await ctx.admin.click('flow.begin', { triggerId });
    await ctx.admin.waitForMessage((text) => text.includes('Step 1 of 6'));
    const updates = ctx.bot.slack.callsTo('chat.update').length;
    expect((await resend()).status).toBe(200);
    await settle(100);
    expect(ctx.bot.slack.callsTo('chat.update')).toHaveLength(updates);
    expect(noticesTo(ctx.bot, ADMIN)).toHaveLength(0);
  });

  it('checks credentials once when the submission is replayed', async () => {
    const form = await ctx.toCredentials();
    await ctx.check(form, GOOD);
    const requests = ctx.greenhouse.requests.length;
    const again = await resend();
    expect(again.status).toBe(200);
    await settle(100);
    expect(ctx.greenhouse.requests).toHaveLength(requests);
  });
});

describe('requests that are not what Slack sends', () => {
  it('refuses forged, unsigned and stale requests with 401 and does nothing', async () => {
    const body = encodeForm([
      ['team_id', TEAM],
      ['user_id', ADMIN],
      ['command', '/wintro'],
      ['text', 'link greenhouse'],
      ['trigger_id', newTriggerId()],
    ]);
    const now = Math.floor(Date.now() / 1000);
    const contentType = 'application/x-www-form-urlencoded';
    const replies = [
      await ctx.bot.sender.raw({ body, contentType, signature: signature('not-the-secret', now, body) }),
      await ctx.bot.sender.raw({ body, contentType, signature: null }),
      await ctx.bot.sender.raw({
        body,
        contentType,
        timestamp: now - 600,
        signature: signature(SERVICE_SIGNING_SECRET, now - 600, body),
      }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(401);
      expect(reply.text).toBe('');
    }
    expect(ctx.bot.receiver.delivered).toHaveLength(0);
    expect(ctx.bot.slack.calls.filter((call) => call.method !== 'auth.test')).toHaveLength(0);
  });

  it('answers signed bodies that are not JSON objects with 400', async () => {
    for (const [body, contentType] of [
      ['payload=null', 'application/x-www-form-urlencoded'],
      // The field's name percent-encoded, or after other fields: read as `payload` all the same.
      ['%70ayload=null', 'application/x-www-form-urlencoded'],
      ['team_id=T1&p%61yl%6Fad=null', 'application/x-www-form-urlencoded'],
      ['payload=%7Bnot+json', 'application/x-www-form-urlencoded'],
      ['null', 'application/json'],
      ['[1,2]', 'application/json'],
    ] as const) {
      const reply = await ctx.bot.sender.raw({ body, contentType });
      expect(reply.status, body).toBe(400);
    }
    expect(ctx.bot.receiver.delivered).toHaveLength(0);
  });

  it('acknowledges signed but malformed payloads quietly, says an unknown button no longer works, and changes nothing', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    const calls = ctx.bot.slack.calls.length;
    const send = async (payload: object) => {
      const reply = await ctx.bot.sender.raw({
        body: encodeForm([['payload', JSON.stringify(payload)]]),
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(reply.status).toBe(200);
      expect(reply.text).toBe('');
    };
    const who = { team: { id: TEAM }, user: { id: ADMIN } };
    await send({ type: 'block_actions', ...who, actions: [{ action_id: 'flow.next' }] });
    await send({
      type: 'block_actions',
      ...who,
      trigger_id: newTriggerId(),
      actions: [{ action_id: 'flow.next', type: 'button', value: 'not-a-flow-value' }],
    });
    // Ids in any of the bot's namespaces that no handler knows (a button from an older version).
    for (const actionId of ['connection.rename', 'home.refresh', 'flow.skip']) {
      await send({
        type: 'block_actions',
        ...who,
        trigger_id: newTriggerId(),
        actions: [{ action_id: actionId, type: 'button', value: 'greenhouse' }],
      });
    }
    await send({ type: 'view_submission', ...who, view: { callback_id: 'credentials.submit' } });
    await eventually(() => expect(noticesTo(ctx.bot, ADMIN)).toHaveLength(5));
    await settle(100);
    for (const notice of noticesTo(ctx.bot, ADMIN)) {
      expect(notice.args.text).toBe(
        'That button no longer works. Type `/wintro status` to see where your setup is.',
      );
    }
    const after = ctx.bot.slack.calls.slice(calls).map((call) => call.method);
    expect(after.filter((method) => method !== 'conversations.open')).toEqual(
      Array(5).fill('chat.postEphemeral'),
    );
    expect(textOf(ctx.admin.latestMessage()?.args.blocks)).toContain(PREREQUISITE);
  });
});

describe('when Redis is unavailable', () => {
  it('says so to every command, click and form, and the same click works once Redis is back', async () => {
    const form = await ctx.toCredentials();
    await ctx.admin.click('flow.back');
    await ctx.admin.waitForMessage((text) => text.includes('Step 5 of 6'));
    const next = ctx.admin.button('flow.next');
    const callsBefore = ctx.bot.slack.calls.length;

    ctx.bot.redisOutage.down();
    const click = await ctx.admin.click('flow.next', { button: next });
    expect(click.status).toBe(200);
    const notice = await theNoticeTo(ctx.bot, ADMIN);
    expect(notice.args.text).toBe(UNAVAILABLE_TEXT);
    expect(notice.channel).toBe(ctx.admin.dmChannel);
    for (const text of ['status', 'link greenhouse', 'cancel']) {
      const reply = await ctx.admin.command(text);
      ctx.acks.push(reply.body);
      expect(reply.status).toBe(200);
      expect(reply.body.response_type).toBe('ephemeral');
      expect(reply.body.text, text).toBe(UNAVAILABLE_TEXT);
    }
    const submitted = await ctx.admin.submit(form.viewId, form.flowId, GOOD);
    ctx.acks.push(submitted.body);
    expect(submitted.body.response_action).toBe('errors');
    expect(Object.values(submitted.body.errors)).toEqual([UNAVAILABLE_TEXT]);
    await settle(100);
    const during = ctx.bot.slack.calls.slice(callsBefore);
    expect(during.filter((call) => call.method !== 'chat.postEphemeral')).toEqual([]);
    expect(ctx.greenhouse.requests).toHaveLength(0);

    ctx.bot.redisOutage.up();
    await ctx.admin.click('flow.next', { button: next });
    await ctx.admin.waitForMessage((text) => text.includes('Step 6 of 6'));
    const status = await ctx.admin.command('status');
    ctx.acks.push(status.body);
    expect(textOf(status.body.blocks)).toContain('step 6 of 6');
  });

  it('tells a colleague when their answer to a request could not be recorded', async () => {
    await ctx.admin.command('link greenhouse');
    await ctx.admin.waitForMessage((text) => text.includes(PREREQUISITE));
    const { request } = await askForHelp(ctx.admin, HELPER);
    await answerRequest(ctx.admin, request, 'handover.decline', { helper: HELPER });
    const form = await ctx.bot.slack.waitFor(
      (call) => call.method === 'views.open' && call.args.view.callback_id === 'handover.decline',
    );
    ctx.bot.redisOutage.down();
    const closed = await declineWith(ctx.admin, HELPER, form.args.view.private_metadata, 'Not me either');
    expect(closed.status).toBe(200);
    const notice = await theNoticeTo(ctx.bot, HELPER);
    expect(notice.channel).toBe(`D${HELPER}`);
    expect(notice.args.text).toBe(UNAVAILABLE_TEXT);
    expect(dmsTo(ctx.admin, ADMIN).filter((call) => call.at > request.at)).toEqual([]);

    ctx.bot.redisOutage.up();
    await declineWith(ctx.admin, HELPER, form.args.view.private_metadata, 'Not me either');
    await ctx.admin.waitForMessage((text) => text.includes('Ask someone else'));
  });
});
