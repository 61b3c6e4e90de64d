/**
 * A connection's life after linking, end to end: who may link (WINTRO_LINKERS), replacing a linked
 * system (confirmed first, the old connection in force until the new one verifies, two at once
 * leaving one), unlinking (confirmed, the credentials gone, Wintro told) and the Home tab.
 */
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../src/store/connectionStore.js';
import { keyScheme } from '../../src/store/keys.js';
import { createSealer } from '../../src/store/sealing.js';
import { REDIS_URL, type RunningBot } from '../support/bot.js';
import { greenhouseAccount, useE2e } from '../support/e2e.js';
import { greenhouseAndWintroSetup } from '../support/handoverSetup.js';
import { buttonsOf, eventually, type Journey, settle, textOf } from '../support/journey.js';
import { checkCredentials, notifications, walkGuide, walkToCredentials } from '../support/linking.js';

const ACCOUNT = greenhouseAccount('gh-secret-Life7Qa6Ws5Ed4Rf3Tg2Yh1');
const TYPED = { client_id: ACCOUNT.clientId, client_secret: ACCOUNT.secret, user_id: ACCOUNT.userId };
const e2e = useE2e(greenhouseAndWintroSetup(ACCOUNT));
const { vendors, acks } = e2e;
const options = { prerequisite: 'Can manage ALL organization', acks };
const TEAM = 'T0ACME';

/** The connections as the bot stores them, opened with the running bot's key. */
function storeOf(bot: RunningBot) {
  const redis = new Redis(REDIS_URL);
  const store = new ConnectionStore(
    redis,
    keyScheme(bot.keyPrefix),
    createSealer(Buffer.from(bot.encryptionKey, 'base64'), []),
  );
  return { store, redis, close: () => redis.disconnect() };
}

async function link(journey: Journey) {
  const form = await walkToCredentials(journey, 'greenhouse', options);
  const check = await checkCredentials(journey, form, TYPED, acks);
  expect(check.resultText).toContain('is linked');
  return form;
}

/** The follow-up a command sent through its response_url (after Slack had its answer). */
async function followUpOf(reply: { responseUrlId?: string }, match: (text: string) => boolean) {
  const response = await e2e.slack.waitForResponse(
    (r) => r.id === reply.responseUrlId && match(JSON.stringify(r.body)),
    4000,
  );
  acks.push(response.body);
  return response.body;
}

/** Clicks a button of an ephemeral reply or follow-up (it answers through the response_url). */
function clickIn(journey: Journey, message: { blocks?: unknown[] }, actionId: string, as = journey.userId) {
  const found = buttonsOf(message.blocks as any[]).find((button) => button.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} in ${textOf(message.blocks as any[]).slice(0, 400)}`);
  return journey.sender.blockAction({
    teamId: journey.teamId,
    userId: as,
    actionId,
    value: found.value,
    channelId: 'C0GENERAL',
  });
}

/** What a command said after its first answer (a new person's first answer goes to the response_url too). */
const answerTo = async (reply: { responseUrlId?: string; body?: unknown }) =>
  (
    await e2e.slack.waitForResponse(
      (r) => r.id === reply.responseUrlId && JSON.stringify(r.body) !== JSON.stringify(reply.body),
      4000,
    )
  ).body;

describe('who may link (WINTRO_LINKERS)', () => {
  it('admins: a member is told who can and offered to ask one; an admin links', async () => {
    await e2e.restart({ WINTRO_LINKERS: 'admins' });
    e2e.slack.setRole('U0ADMIN', 'admin');
    const member = e2e.journey('U0MEMBER');
    const refused = await member.command('link greenhouse');
    acks.push(refused.body);
    expect(refused.body.text).toMatch(/checking with Slack/);
    const answer = await followUpOf(refused, (text) => text.includes('admins and owners'));
    expect(textOf(answer.blocks)).toContain('you are not one of them');
    expect(buttonsOf(answer.blocks).map((button) => button.action_id)).toEqual(['linkers.ask']);
    // No setup was started for the member.
    expect(member.latestMessage()).toBeUndefined();

    // "Ask someone who can": the hand-over form, and the admin's DM says what is missing.
    const asked = await clickIn(member, answer, 'linkers.ask');
    expect(asked.status).toBe(200);
    const form = await e2e.slack.waitFor((call) => call.method === 'views.open');
    const flowId = form.args.view.private_metadata as string;
    const submitted = await member.sender.viewSubmission({
      teamId: TEAM,
      userId: 'U0MEMBER',
      viewId: 'V0HELP',
      callbackId: 'handover.ask',
      privateMetadata: flowId,
      values: { colleague: { user: { type: 'users_select', selected_user: 'U0ADMIN' } } },
    });
    acks.push(submitted.body);
    const request = await e2e.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.channel === 'U0ADMIN',
    );
    expect(textOf(request.args.blocks)).toMatch(/<@U0MEMBER> may not link systems to Wintro/);
    expect(buttonsOf(request.args.blocks).map((button) => button.action_id)).toContain('handover.take');

    // The admin may link; their answer is cached, so Slack is asked once per person.
    const admin = e2e.journey('U0ADMIN');
    const started = await admin.command('link greenhouse');
    await followUpOf(started, (text) => text.includes('direct message'));
    await admin.waitForMessage((text) => text.includes('Can manage ALL organization'));
    await admin.command('link greenhouse');
    await settle(200);
    const asked2 = e2e.slack.callsTo('users.info').filter((call) => call.args.user === 'U0ADMIN');
    expect(asked2.length).toBeLessThanOrEqual(2); // one for the role, at most one for the language

    // Now that Slack named an admin, the next refusal names them, and the form offers them first.
    const again = await member.command('link workable');
    const named = await followUpOf(again, (text) => text.includes('admins and owners'));
    expect(textOf(named.blocks)).toContain('Admins who have used Wintro here: <@U0ADMIN>.');
    const opens = e2e.slack.callsTo('views.open').length;
    await clickIn(member, named, 'linkers.ask');
    const offered = await e2e.slack.waitFor(
      (call) => call.method === 'views.open' && e2e.slack.callsTo('views.open').indexOf(call) >= opens,
    );
    expect(JSON.stringify(offered.args.view)).toContain('"initial_user":"U0ADMIN"');
  });

  it('admins: the workspace’s notify channel and channel language are the admins’ choice; anyone may ask', async () => {
    await e2e.restart({ WINTRO_LINKERS: 'admins' });
    e2e.slack.setRole('U0ADMIN', 'admin');
    const member = e2e.journey('U0MEMBER');
    const admin = e2e.journey('U0ADMIN');
    const current = async (journey: Journey) => {
      const reply = await journey.command('notify');
      acks.push(reply.body);
      return (
        JSON.stringify(reply.body.text ?? '') +
        JSON.stringify((await answerTo(reply).catch(() => reply.body)) ?? '')
      );
    };

    const refused = await member.command('notify <#C0MEMBERS|members>');
    acks.push(refused.body);
    const refusal = await followUpOf(refused, (text) => text.includes('admins and owners'));
    expect(textOf(refusal.blocks)).toContain('you are not one of them');
    const byLanguage = await member.command('language channel de');
    acks.push(byLanguage.body);
    await followUpOf(byLanguage, (text) => text.includes('admins and owners'));
    expect(await current(member)).not.toContain('C0MEMBERS');

    const chosen = await admin.command('notify <#C0HRSYSTEMS|hr-systems>');
    acks.push(chosen.body);
    await followUpOf(chosen, (text) => text.includes('C0HRSYSTEMS'));
    expect(await current(member)).toContain('C0HRSYSTEMS');
  });

  it('admins: a colleague asked who is no admin either cannot take the setup over', async () => {
    await e2e.restart({ WINTRO_LINKERS: 'admins' });
    const member = e2e.journey('U0MEMBER');
    const refused = await member.command('link greenhouse');
    const answer = await followUpOf(refused, (text) => text.includes('admins and owners'));
    await clickIn(member, answer, 'linkers.ask');
    const form = await e2e.slack.waitFor((call) => call.method === 'views.open');
    await member.sender.viewSubmission({
      teamId: TEAM,
      userId: 'U0MEMBER',
      viewId: 'V0HELP',
      callbackId: 'handover.ask',
      privateMetadata: form.args.view.private_metadata as string,
      values: { colleague: { user: { type: 'users_select', selected_user: 'U0PEER' } } },
    });
    const request = await e2e.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.channel === 'U0PEER',
    );
    const take = buttonsOf(request.args.blocks).find((button) => button.action_id === 'handover.take');
    await member.sender.blockAction({
      teamId: TEAM,
      userId: 'U0PEER',
      actionId: 'handover.take',
      value: take?.value,
      channelId: 'DU0PEER',
    });
    const told = await e2e.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.args.channel === 'U0PEER' &&
        /admins and owners/.test(call.args.text),
    );
    expect(told.args.text).toContain('you are not one of them');
    const redis = new Redis(REDIS_URL);
    // A flow is stored as its version, its funnel marks and its JSON, a line each.
    const text = await redis.get(
      `${e2e.running.keyPrefix}:{${TEAM}}:flow:${form.args.view.private_metadata}`,
    );
    const stored = JSON.parse(text?.split('\n')[2] ?? 'null');
    redis.disconnect();
    expect(stored.holderId).toBe('U0MEMBER');
  });

  it('a user group: only its members; a Slack error says so and Try again works; removal mid-setup is refused at submit', async () => {
    await e2e.restart({ WINTRO_LINKERS: 'S0HRTEAM' });
    e2e.slack.setUsergroup('S0HRTEAM', ['U0ADMIN']);
    const outsider = e2e.journey('U0OUTSIDE');
    const refused = await outsider.command('unlink greenhouse');
    acks.push(refused.body);
    // Nothing linked: that is said without asking Slack.
    expect(refused.body.text).toMatch(/not linked/);

    const linkRefused = await outsider.command('link greenhouse');
    const answer = await followUpOf(linkRefused, (text) => text.includes('subteam'));
    expect(textOf(answer.blocks)).toContain('<!subteam^S0HRTEAM>');

    // Slack fails: neither allowed nor denied, and Try again asks again.
    const admin = e2e.journey('U0ADMIN');
    const cache = new Redis(REDIS_URL);
    await cache.del(`${e2e.running.keyPrefix}:{${TEAM}}:linkers:group:S0HRTEAM`);
    cache.disconnect();
    e2e.slack.scriptReply('usergroups.users.list', { body: { ok: false, error: 'internal_error' } });
    const failed = await admin.command('link greenhouse');
    const failure = await followUpOf(failed, (text) => text.includes('could not check'));
    expect(buttonsOf(failure.blocks).map((button) => button.action_id)).toEqual(['linkers.retry']);
    await clickIn(admin, failure, 'linkers.retry');
    await admin.waitForMessage((text) => text.includes('Can manage ALL organization'));

    // Removed from the group mid-setup: the credentials are refused on the form, nothing is checked.
    const form = await walkGuide(admin, 'greenhouse', 'Can manage ALL organization');
    e2e.slack.setUsergroup('S0HRTEAM', ['U0SOMEONE']);
    const redis = new Redis(REDIS_URL);
    await redis.del(`${e2e.running.keyPrefix}:{${TEAM}}:linkers:group:S0HRTEAM`);
    redis.disconnect();
    const submitted = await admin.submit(form.viewId, form.flowId, TYPED);
    acks.push(submitted.body);
    expect(submitted.body.response_action).toBe('errors');
    expect(JSON.stringify(submitted.body.errors)).toContain('not one of them');
    expect(vendors.greenhouse.requests.filter((request) => request.path === '/token')).toHaveLength(0);
  });
});

describe('replacing a linked system', () => {
  it('says who linked it and asks first; the old connection works until the new one verifies; the first linker is told', async () => {
    const first = e2e.journey('U0ADMIN');
    await link(first);
    const { store, redis, close } = storeOf(e2e.running);
    try {
      const second = e2e.journey('U0SECOND');
      const question = await second.command('link greenhouse');
      acks.push(question.body);
      expect(textOf(question.body.blocks)).toMatch(/Greenhouse is already linked\*, by <@U0ADMIN>/);
      expect(textOf(question.body.blocks)).toContain('Last check: not checked again');
      expect(second.latestMessage()).toBeUndefined();
      // A question starts nothing: no setup is counted against the person, no start is held.
      const { keyPrefix } = e2e.running;
      await eventually(async () => {
        expect(await redis.exists(keyScheme(keyPrefix).once(TEAM, 'starting:U0SECOND:greenhouse'))).toBe(0);
        const counted = await redis.get(`${keyPrefix}:limit:setupsPerPerson:{${TEAM}}:U0SECOND`);
        expect(Number(counted ?? 0)).toBe(0);
      });

      const confirmed = await clickIn(second, question.body, 'connection.replace');
      expect(confirmed.status).toBe(200);
      expect(JSON.stringify(await answerTo(confirmed))).toContain('stays in force');
      const form = await walkGuide(second, 'greenhouse', 'Can manage ALL organization');

      // Until the new credentials verify, the old connection is the one in force and Wintro is not told otherwise.
      expect((await store.get(TEAM, 'greenhouse'))?.linkedBy).toBe('U0ADMIN');
      expect(await store.credentials(TEAM, 'greenhouse')).toMatchObject({ client_id: ACCOUNT.clientId });
      expect(vendors.wintro.delivered().map((hook) => hook.body.type)).toEqual(['connection.linked']);

      const check = await checkCredentials(second, form, TYPED, acks);
      expect(check.resultText).toContain('is linked');
      expect((await store.get(TEAM, 'greenhouse'))?.linkedBy).toBe('U0SECOND');
      const told = await e2e.slack.waitFor(
        (call) =>
          call.method === 'chat.postMessage' &&
          call.args.channel === 'U0ADMIN' &&
          /replaced/.test(call.args.text),
      );
      expect(told.args.text).toContain('<@U0SECOND> replaced the Greenhouse connection you linked');
      await eventually(() =>
        expect(
          notifications(second).some((call) => /<@U0SECOND> replaced the Greenhouse/.test(call.args.text)),
        ).toBe(true),
      );
      await eventually(() => {
        const linked = vendors.wintro.delivered().filter((hook) => hook.body.type === 'connection.linked');
        expect(linked.map((hook) => hook.body.data.linked_by)).toEqual(['U0ADMIN', 'U0SECOND']);
      });
      expect(vendors.wintro.delivered().some((hook) => hook.body.type === 'connection.unlinked')).toBe(false);
    } finally {
      close();
    }
  });

  it('two replacements at once leave exactly one connection, and the other person is told', async () => {
    await link(e2e.journey('U0ADMIN'));
    const people = [e2e.journey('U0BEE'), e2e.journey('U0CEE')];
    const forms: { flowId: string }[] = [];
    for (const person of people) {
      const question = await person.command('link greenhouse');
      acks.push(question.body);
      await clickIn(person, question.body, 'connection.replace');
      forms.push(await walkGuide(person, 'greenhouse', 'Can manage ALL organization'));
    }
    const submitted = await Promise.all(
      people.map((person, index) => {
        const form = forms[index] as { flowId: string };
        return person.submit(`V0FORM${index}`, form.flowId, TYPED);
      }),
    );
    for (const answer of submitted) acks.push(answer.body);
    const texts = await Promise.all(
      people.map(async (_, index) => {
        const result = await e2e.slack.waitFor(
          (call) =>
            call.method === 'views.update' &&
            call.args.view_id === `V0FORM${index}` &&
            /is linked/.test(JSON.stringify(call.args.view.blocks)),
          8000,
        );
        return textOf(result.args.view.blocks);
      }),
    );
    expect(texts.filter((text) => text.includes('is linked by someone else'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('Greenhouse is linked to Wintro'))).toHaveLength(1);
    const winner = people[texts.findIndex((text) => text.includes('linked to Wintro'))] as Journey;
    const { store, close } = storeOf(e2e.running);
    try {
      const stored = await store.get(TEAM, 'greenhouse');
      expect(stored?.linkedBy).toBe(winner.userId);
      expect(await store.credentials(TEAM, 'greenhouse')).toMatchObject({ client_id: ACCOUNT.clientId });
    } finally {
      close();
    }
  });
});

describe('unlinking', () => {
  it('asks first; confirmed, the credentials are gone, the channel and Wintro are told, status says not linked', async () => {
    const journey = e2e.journey('U0ADMIN');
    const { flowId } = await link(journey);
    const question = await journey.command('unlink greenhouse');
    acks.push(question.body);
    expect(textOf(question.body.blocks)).toMatch(/Unlink Greenhouse\?\* It was linked by <@U0ADMIN>/);
    const { store, close } = storeOf(e2e.running);
    try {
      expect(await store.get(TEAM, 'greenhouse')).toBeDefined();
      const confirmed = await clickIn(journey, question.body, 'connection.unlink');
      const answer = JSON.stringify(await answerTo(confirmed));
      expect(answer).toContain('Greenhouse is unlinked');
      expect(answer).toContain('Configure');
      expect(await store.get(TEAM, 'greenhouse')).toBeUndefined();
      expect(await store.credentials(TEAM, 'greenhouse')).toBeUndefined();
    } finally {
      close();
    }
    await eventually(() =>
      expect(
        notifications(journey).some((call) => /<@U0ADMIN> unlinked Greenhouse/.test(call.args.text)),
      ).toBe(true),
    );
    const unlinked = await eventually(() => {
      const found = vendors.wintro.delivered().find((hook) => hook.body.type === 'connection.unlinked');
      if (!found) throw new Error('no connection.unlinked yet');
      return found;
    });
    expect(unlinked.id).toBe(`evt_${flowId}_unlinked`);
    expect(unlinked.body.data).toMatchObject({
      system: 'greenhouse',
      unlinked_by: 'U0ADMIN',
      slack_team_id: TEAM,
    });

    // The same confirmation again, and the command again: each a clear answer, nothing changes.
    const again = await clickIn(journey, question.body, 'connection.unlink');
    expect(JSON.stringify(await answerTo(again))).toContain('unlinked already');
    const twice = await journey.command('unlink greenhouse');
    expect(twice.body.text).toContain('Greenhouse is not linked');
    const status = await journey.command('status');
    acks.push(status.body);
    expect(textOf(status.body.blocks)).not.toMatch(/Greenhouse\*: linked/);
    expect(textOf(status.body.blocks)).toMatch(/Greenhouse\*?:? not linked/);
    expect(
      vendors.wintro.delivered().filter((hook) => hook.body.type === 'connection.unlinked'),
    ).toHaveLength(1);
  });

  it('a confirmation for a connection replaced since does nothing and says so; /wintro unlink lists what is linked', async () => {
    const journey = e2e.journey('U0ADMIN');
    await link(journey);
    const question = await journey.command('unlink greenhouse');
    const list = await journey.command('unlink');
    acks.push(question.body, list.body);
    expect(textOf(list.body.blocks)).toContain('Greenhouse');
    expect(buttonsOf(list.body.blocks).map((button) => button.value)).toEqual(['greenhouse']);
    // Someone replaces it meanwhile.
    const other = e2e.journey('U0OTHER');
    const replace = await other.command('link greenhouse');
    await clickIn(other, replace.body, 'connection.replace');
    const form = await walkGuide(other, 'greenhouse', 'Can manage ALL organization');
    await checkCredentials(other, form, TYPED, acks);
    const stale = await clickIn(journey, question.body, 'connection.unlink');
    expect(JSON.stringify(await answerTo(stale))).toContain('linked again since you asked, by <@U0OTHER>');
    const { store, close } = storeOf(e2e.running);
    try {
      expect((await store.get(TEAM, 'greenhouse'))?.linkedBy).toBe('U0OTHER');
    } finally {
      close();
    }
  });
});

describe('the Home tab', () => {
  it('lists every system with its state, the person’s own setups and the requests waiting for them', async () => {
    const admin = e2e.journey('U0ADMIN');
    await link(admin);
    // Recruitee in progress, by someone else; Greenhouse broken since a re-check.
    const colleague = e2e.journey('U0COLL');
    await colleague.command('link recruitee');
    await colleague.waitForMessage((text) => text.includes('Recruitee'));
    const redis = new Redis(REDIS_URL);
    const key = `${e2e.running.keyPrefix}:{${TEAM}}:conns`;
    const record = JSON.parse((await redis.hget(key, 'greenhouse')) as string);
    const brokenSince = Date.UTC(2026, 11, 1, 8);
    record.health = {
      state: 'broken',
      checkedAt: brokenSince,
      brokenSince,
      failure: { code: 'invalid_client', title: 'Greenhouse rejected the credentials', detail: 'd' },
    };
    await redis.hset(key, 'greenhouse', JSON.stringify(record));
    redis.disconnect();

    const opened = await admin.sender.event({
      teamId: TEAM,
      event: { type: 'app_home_opened', user: 'U0COLL', channel: 'DU0COLL', tab: 'home' },
    });
    expect(opened.status).toBe(200);
    const home = await eventually(() => {
      const view = e2e.slack.homes.get('U0COLL');
      if (!view) throw new Error('no Home tab yet');
      return view;
    });
    const text = textOf(home.blocks);
    expect(text).toMatch(
      /Greenhouse\*: :warning: broken since .*Greenhouse rejected the credentials.*<@U0ADMIN>/,
    );
    expect(text).toContain('*Recruitee*: setup in progress by <@U0COLL>');
    for (const name of ['Workable', 'Personio (recruiting)', 'Personio (employees)']) {
      expect(text).toContain(`*${name}*: not linked`);
    }
    const actionIds = buttonsOf(home.blocks).map((button) => button.action_id);
    expect(actionIds).toEqual(expect.arrayContaining(['home.fix', 'home.unlink', 'home.link']));
    // Their own setup has Continue.
    const accessories = (home.blocks as any[]).flatMap((block) =>
      block.accessory ? [block.accessory.action_id] : [],
    );
    expect(accessories).toContain('flow.resume');
    expect(home.blocks.length).toBeLessThanOrEqual(100);

    // Unlinking from the Home tab asks first, in the DM; after it the Home tab is drawn again.
    const before = e2e.slack.callsTo('views.publish').length;
    await admin.sender.blockAction({
      teamId: TEAM,
      userId: 'U0ADMIN',
      actionId: 'home.unlink',
      value: 'greenhouse',
    });
    const asked = await e2e.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.args.channel === 'U0ADMIN' &&
        /Unlink Greenhouse/.test(call.args.text),
    );
    await clickIn(admin, asked.args, 'connection.unlink');
    await eventually(() => {
      const published = e2e.slack.callsTo('views.publish').slice(before);
      const mine = published.filter((call) => call.args.user_id === 'U0ADMIN');
      expect(mine.length).toBeGreaterThan(0);
      expect(textOf(mine.at(-1)?.args.view.blocks)).toContain('*Greenhouse*: not linked');
    });
  });
});
