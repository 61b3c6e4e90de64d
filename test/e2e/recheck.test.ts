import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { REDIS_URL, type RunningBot } from '../support/bot.js';
import { greenhouseAccount, useE2e } from '../support/e2e.js';
import { GREENHOUSE_ALL_SCOPES } from '../support/fakeGreenhouse.js';
import { greenhouseAndWintroSetup } from '../support/handoverSetup.js';
import { buttonsOf, eventually, settle, textOf } from '../support/journey.js';
import { notifications, submitAndExpectLinked, walkGuide, walkToCredentials } from '../support/linking.js';

const TEAM = 'T0ACME';
const ADMIN = 'U0ADMIN';
const ACCOUNT = greenhouseAccount('gh-secret-recheck-Qw8Er7Ty6Ui5Op4As3');
const NEW_CLIENT = { id: 'f9e8d7c6b5a4-8', secret: 'gh-secret-renewed-Zx1Cv2Bn3Mm4Lk5Jh6' };

const e2e = useE2e({
  ...greenhouseAndWintroSetup(ACCOUNT),
  secrets: (vendors) => [...(greenhouseAndWintroSetup(ACCOUNT).secrets(vendors) ?? []), NEW_CLIENT.secret],
  bootEach: false,
});
const { vendors, acks } = e2e;
const prerequisite = 'Can manage ALL organization';

async function linkGreenhouse(bot: RunningBot, gated = false, linkedEvents = 1) {
  const admin = e2e.journey(ADMIN, TEAM, bot);
  // With WINTRO_LINKERS set the command first says it is asking Slack who may link.
  if (gated) await admin.command('link greenhouse');
  const form = gated
    ? await walkGuide(admin, 'greenhouse', prerequisite)
    : await walkToCredentials(admin, 'greenhouse', { prerequisite, acks });
  await submitAndExpectLinked(
    admin,
    form,
    { client_id: ACCOUNT.clientId, client_secret: ACCOUNT.secret, user_id: ACCOUNT.userId },
    { system: 'Greenhouse', acks },
  );
  await eventually(() => expect(eventsOf('connection.linked')).toHaveLength(linkedEvents), 8000);
  // Its first re-check is scheduled once the link's notices are out.
  await eventually(async () => expect(await dueAt(bot)).toBeTypeOf('number'));
  return admin;
}

const eventsOf = (type: string) => vendors.wintro.delivered().filter((webhook) => webhook.body.type === type);
const tokenRequests = () => vendors.greenhouse.requests.filter((request) => request.path === '/token').length;
const dmsTo = (userId: string) =>
  e2e.slack.callsTo('chat.postMessage').filter((call) => call.channel === `D${userId}`);
const brokenDms = () => dmsTo(ADMIN).filter((call) => String(call.args.text).includes('stopped working'));
const channelSaying = (words: string) =>
  e2e.slack
    .callsTo('chat.postMessage')
    .filter((call) => call.args.channel === 'C0NOTIFY' && String(call.args.text).includes(words));

/** Makes the connection due now, in Redis, so the next sweep (the real one) checks it again. */
async function makeDue(bot: RunningBot, systemId = 'greenhouse') {
  const redis = new Redis(REDIS_URL);
  try {
    await redis.zadd(`${bot.keyPrefix}:{rechecks}:due`, 0, `${TEAM}|${systemId}`);
  } finally {
    redis.disconnect();
  }
}

async function dueAt(bot: RunningBot, systemId = 'greenhouse'): Promise<number | undefined> {
  const redis = new Redis(REDIS_URL);
  try {
    const score = await redis.zscore(`${bot.keyPrefix}:{rechecks}:due`, `${TEAM}|${systemId}`);
    return score === null ? undefined : Number(score);
  } finally {
    redis.disconnect();
  }
}

/**
 * Re-checks the connection now, as the periodic sweep does: made due, then swept. The bot's own
 * timer may sweep it first; either way this returns once that sweep has finished.
 */
async function recheckNow(bot: RunningBot) {
  await makeDue(bot);
  await eventually(async () => {
    await bot.bot.sweepRechecks();
    expect(await dueAt(bot)).not.toBe(0);
  }, 5000);
  // Joins a sweep still under way on this instance (the one that claimed it).
  await bot.bot.sweepRechecks();
}

const healthOf = async (bot: RunningBot) => {
  const redis = new Redis(REDIS_URL);
  try {
    const raw = await redis.hget(`${bot.keyPrefix}:{${TEAM}}:conns`, 'greenhouse');
    return raw ? JSON.parse(raw).health : undefined;
  } finally {
    redis.disconnect();
  }
};

describe('noticing that a linked connection broke', () => {
  it('tells whoever linked it with Fix it and the channel once, Wintro hears connection.broken, and fixing it restores it', async () => {
    const bot = await e2e.boot();
    const admin = await linkGreenhouse(bot);
    // A new link is scheduled for its first re-check within the interval.
    const scheduled = await eventually(async () => {
      const at = await dueAt(bot);
      if (at === undefined) throw new Error('not scheduled yet');
      return at;
    });
    expect(scheduled).toBeGreaterThan(Date.now() + 12 * 3600_000 - 60_000);
    expect(scheduled).toBeLessThan(Date.now() + 36 * 3600_000);

    // Someone revokes Wintro's credentials in Greenhouse.
    vendors.greenhouse.clients.delete(ACCOUNT.clientId);
    await recheckNow(bot);
    const dm = await eventually(() => {
      const [found] = brokenDms();
      if (!found) throw new Error('no DM yet');
      return found;
    });
    expect(dm.args.text).toBe('Greenhouse stopped working for Wintro');
    expect(textOf(dm.args.blocks)).toContain('Greenhouse did not accept the Client ID and Client Secret');
    const [fix] = buttonsOf(dm.args.blocks);
    expect(fix?.text.text).toBe('Fix it');
    await eventually(() => expect(channelSaying('stopped working')).toHaveLength(1));
    expect(channelSaying('stopped working')[0]?.args.text).toContain(`<@${ADMIN}>`);
    await eventually(() => expect(eventsOf('connection.broken')).toHaveLength(1), 8000);
    const broken = eventsOf('connection.broken')[0]?.body.data;
    expect(broken).toMatchObject({
      slack_team_id: TEAM,
      system: 'greenhouse',
      linked_by: ADMIN,
      check: { code: 'invalid_client' },
    });
    const health = await healthOf(bot);
    expect(health).toMatchObject({ state: 'broken', failure: { code: 'invalid_client' } });
    const status = await admin.command('status');
    acks.push(status.body);
    expect(textOf(status.body.blocks)).toContain('broken since <!date^');
    expect(textOf(status.body.blocks)).toContain(
      ': Greenhouse did not accept the Client ID and Client Secret',
    );
    const { text: metrics } = await bot.bot.metrics.exposition();
    expect(metrics).toContain('wintro_reverify_total{system="greenhouse",outcome="broken"} 1');
    expect(health.brokenSince).toBeTypeOf('number');

    // Still broken at the next re-check: nobody is told again.
    await recheckNow(bot);
    await settle(300);
    expect(brokenDms()).toHaveLength(1);
    expect(channelSaying('stopped working')).toHaveLength(1);
    expect(eventsOf('connection.broken')).toHaveLength(1);
    expect((await healthOf(bot)).brokenSince).toBe(health.brokenSince);

    // Fix it: a relink that starts at the credentials form, with new credentials.
    vendors.greenhouse.clients.set(NEW_CLIENT.id, {
      secret: NEW_CLIENT.secret,
      scopes: GREENHOUSE_ALL_SCOPES,
    });
    const clicked = await admin.click(fix?.action_id ?? '', { button: fix });
    expect(clicked.status).toBe(200);
    await eventually(() =>
      expect(
        e2e.slack
          .callsTo('chat.postEphemeral')
          .some((call) => String(call.args.text).includes('Let’s fix Greenhouse')),
      ).toBe(true),
    );
    await admin.waitForMessage((text) => text.includes('flow.credentials'));
    const before = e2e.slack.callsTo('views.open').length;
    await admin.click('flow.credentials');
    const opened = await eventually(() => {
      const call = e2e.slack.callsTo('views.open')[before];
      if (!call) throw new Error('no form yet');
      return call;
    });
    const submitted = await admin.submit('V0FIX', opened.args.view.private_metadata, {
      client_id: NEW_CLIENT.id,
      client_secret: NEW_CLIENT.secret,
      user_id: ACCOUNT.userId,
    });
    acks.push(submitted.body);
    await admin.waitForMessage((text) => text.includes('Greenhouse is linked'), 8000);
    await eventually(() => expect(eventsOf('connection.restored')).toHaveLength(1), 8000);
    expect(eventsOf('connection.linked')).toHaveLength(2);
    expect(eventsOf('connection.restored')[0]?.body.data).toMatchObject({
      system: 'greenhouse',
      restored_by: ADMIN,
    });
    // The channel that was told hears it works again.
    await eventually(() => expect(channelSaying('working again')).toHaveLength(1));

    // A Fix button on the connection fixed meanwhile says so.
    await admin.click(fix?.action_id ?? '', { button: fix });
    await eventually(() =>
      expect(
        e2e.slack
          .callsTo('chat.postEphemeral')
          .some((call) => String(call.args.text).includes('was linked again since')),
      ).toBe(true),
    );
    // The new connection is checked again with the new credentials, and works.
    await recheckNow(bot);
    await eventually(async () => expect((await healthOf(bot))?.state).toBe('working'));
  });

  it('notices when a broken connection works again: connection.restored and a short note', async () => {
    const bot = await e2e.boot();
    await linkGreenhouse(bot);
    const client = vendors.greenhouse.clients.get(ACCOUNT.clientId);
    if (!client) throw new Error('no client');
    client.scopes = client.scopes.filter((scope) => scope !== 'harvest:jobs:list');
    await recheckNow(bot);
    const dm = await eventually(() => {
      const [found] = brokenDms();
      if (!found) throw new Error('no DM yet');
      return found;
    });
    expect(textOf(dm.args.blocks)).toContain('harvest:jobs:list');
    await eventually(() => expect(eventsOf('connection.broken')).toHaveLength(1), 8000);
    // Fix it opens the guide at the step where scopes are ticked.
    const [fix] = buttonsOf(dm.args.blocks);
    const admin = e2e.journey(ADMIN, TEAM, bot);
    await admin.click(fix?.action_id ?? '', { button: fix });
    const step = await admin.waitForMessage(
      (text) => /Step \d of 6/.test(text) && text.includes('harvest:jobs:list'),
    );
    expect(textOf(step.args.blocks)).toContain('Manage scopes');

    client.scopes.push('harvest:jobs:list');
    await recheckNow(bot);
    await eventually(() => expect(eventsOf('connection.restored')).toHaveLength(1), 8000);
    await eventually(() =>
      expect(dmsTo(ADMIN).filter((call) => String(call.args.text).includes('working again'))).toHaveLength(1),
    );
    await eventually(() => expect(channelSaying('working again')).toHaveLength(1));
    expect(await healthOf(bot)).toMatchObject({ state: 'working' });
    expect((await healthOf(bot)).brokenSince).toBeUndefined();
  });

  it('says nothing when the vendor is down during a re-check, and tries again soon', async () => {
    const bot = await e2e.boot({ WINTRO_REVERIFY_EVERY_SECONDS: '8' });
    await linkGreenhouse(bot);
    const posted = e2e.slack.callsTo('chat.postMessage').length;
    const before = tokenRequests();
    vendors.greenhouse.mode = { kind: 'down' };
    await recheckNow(bot);
    expect(tokenRequests()).toBe(before + 1);
    // Tried again sooner than the interval (8 s): a quarter of it, at least a second.
    const retry = (await dueAt(bot)) ?? 0;
    expect(retry - Date.now()).toBeLessThan(2500);
    expect(await healthOf(bot)).toBeUndefined();
    vendors.greenhouse.mode = { kind: 'normal' };
    await eventually(async () => expect((await healthOf(bot))?.state).toBe('working'), 6000);
    expect(tokenRequests()).toBeGreaterThanOrEqual(before + 2);
    expect(e2e.slack.callsTo('chat.postMessage')).toHaveLength(posted);
    expect(eventsOf('connection.broken')).toHaveLength(0);
  });

  it('runs each re-check on one of two instances', async () => {
    const first = await e2e.boot();
    await linkGreenhouse(first);
    const second = await e2e.boot({}, first);
    vendors.greenhouse.clients.delete(ACCOUNT.clientId);
    const before = tokenRequests();
    await makeDue(first);
    const looked = await Promise.all([first.bot.sweepRechecks(), second.bot.sweepRechecks()]);
    await eventually(() => expect(brokenDms()).toHaveLength(1));
    await settle(500);
    expect(looked.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(1);
    expect(tokenRequests()).toBe(before + 1);
    expect(brokenDms()).toHaveLength(1);
    expect(channelSaying('stopped working')).toHaveLength(1);
    expect(notifications(e2e.journey())).toHaveLength(2);
  });

  it('lets only someone who may link start the fix (WINTRO_LINKERS)', async () => {
    const bot = await e2e.boot({ WINTRO_LINKERS: 'admins' });
    e2e.slack.setRole(ADMIN, 'admin');
    await linkGreenhouse(bot, true);
    vendors.greenhouse.clients.delete(ACCOUNT.clientId);
    await recheckNow(bot);
    const dm = await eventually(() => {
      const [found] = brokenDms();
      if (!found) throw new Error('no DM yet');
      return found;
    });
    const [fix] = buttonsOf(dm.args.blocks);
    // Someone else, not a workspace admin, presses the same button.
    const member = e2e.journey('U0MEMBER', TEAM, bot);
    await member.click(fix?.action_id ?? '', { button: fix });
    await eventually(() =>
      expect(dmsTo('U0MEMBER').some((call) => textOf(call.args.blocks).includes('admins and owners'))).toBe(
        true,
      ),
    );
    await settle(300);
    expect(dmsTo('U0MEMBER').some((call) => textOf(call.args.blocks).includes('flow.credentials'))).toBe(
      false,
    );
    // Whoever linked it, an admin, may.
    await e2e.journey(ADMIN, TEAM, bot).click(fix?.action_id ?? '', { button: fix });
    await e2e.journey(ADMIN, TEAM, bot).waitForMessage((text) => text.includes('flow.credentials'));
  });

  it('stops checking a system once it is unlinked, and forgets that it was broken', async () => {
    const bot = await e2e.boot();
    const admin = await linkGreenhouse(bot);
    vendors.greenhouse.clients.delete(ACCOUNT.clientId);
    await recheckNow(bot);
    await eventually(() => expect(brokenDms()).toHaveLength(1));
    const question = await admin.command('unlink greenhouse');
    const confirm = buttonsOf(question.body.blocks).find(
      (button) => button.action_id === 'connection.unlink',
    );
    await admin.click('connection.unlink', { button: confirm });
    await eventually(async () => expect(await healthOf(bot)).toBeUndefined());
    await eventually(async () => expect(await dueAt(bot)).toBeUndefined());
    // Linked afresh later: a new connection, not a restored one.
    vendors.greenhouse.reset(ACCOUNT);
    await linkGreenhouse(bot, false, 2);
    await settle(300);
    expect(eventsOf('connection.restored')).toHaveLength(0);
    expect(channelSaying('working again')).toHaveLength(0);
  });
});
