import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { dumpRedis } from '../support/bot.js';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import type { RecordedCall } from '../support/fakeSlackCore.js';
import { expectNoneOf } from '../support/guards.js';
import { eventually, Journey, textOf } from '../support/journey.js';
import { checkCredentials, walkToCredentials } from '../support/linking.js';
import { encodeForm } from '../support/slackRequests.js';

const ACCOUNT = greenhouseAccount('gh-secret-Inst4ll8Mu1t1W0rksp4ce9');
const CLIENT_SECRET = 'slack-client-secret-0f1e2d3c4b5a69788796';
const STATE_SECRET = 'state-secret-aa55aa55aa55aa55aa55aa55aa55aa55';
const INSTALL_SECRET = 'install-secret-0123456789abcdef0123456789abcdef';
const TOKEN_A = 'xoxb-1111-team-acme-token-s3cr3tAAAA';
const TOKEN_B = 'xoxb-2222-team-bolt-token-s3cr3tBBBB';

const MULTI = {
  SLACK_BOT_TOKEN: undefined,
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: CLIENT_SECRET,
  SLACK_STATE_SECRET: STATE_SECRET,
  WINTRO_INSTALL_SECRET: INSTALL_SECRET,
  WINTRO_NOTIFY_CHANNEL: undefined,
};

const setup = greenhouseSetup(ACCOUNT);
const e2e = useE2e({
  ...setup,
  bootEach: false,
  secrets: (vendors) => [...(setup.secrets?.(vendors) ?? []), TOKEN_A, TOKEN_B, STATE_SECRET, INSTALL_SECRET],
  // The app's client secret goes to oauth.v2.access, as Slack requires, and nowhere else.
  after: async () => {
    const elsewhere = e2e.slack.calls.filter((call) => call.method !== 'oauth.v2.access');
    expectNoneOf(
      [
        JSON.stringify(elsewhere),
        ...e2e.running.logs.lines().map((line) => JSON.stringify(line)),
        await dumpRedis(e2e.running.keyPrefix),
      ],
      [CLIENT_SECRET],
    );
  },
});
const { acks } = e2e;
const PREREQUISITE = 'Can manage ALL organization';
const GOOD = { client_id: ACCOUNT.clientId, client_secret: ACCOUNT.secret, user_id: ACCOUNT.userId };

interface Workspace {
  teamId: string;
  name: string;
  installer: string;
  token: string;
  accountId: string;
}
const ACME: Workspace = {
  teamId: 'T0ACME',
  name: 'Acme',
  installer: 'U0ACMEADM',
  token: TOKEN_A,
  accountId: 'acct_acme',
};
const BOLT: Workspace = {
  teamId: 'T0BOLT',
  name: 'Bolt',
  installer: 'U0BOLTADM',
  token: TOKEN_B,
  accountId: 'acct_bolt',
};

const installLink = (accountId: string, secret = INSTALL_SECRET, expiresIn = '10m') =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(accountId)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));

const base = () => `http://127.0.0.1:${e2e.running.port}`;
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base()}${path}`, { redirect: 'manual', headers });

/** What Slack's oauth.v2.access answers for a workspace that approved the install. */
const accessGranted = (workspace: Workspace) => ({
  body: {
    ok: true,
    access_token: workspace.token,
    token_type: 'bot',
    scope: 'commands,chat:write,chat:write.public,im:write,users:read,usergroups:read',
    bot_user_id: 'U0WINTROBOT',
    app_id: 'A0WINTRO',
    team: { id: workspace.teamId, name: workspace.name },
    enterprise: null,
    is_enterprise_install: false,
    authed_user: { id: workspace.installer },
  },
});

/** The install as a browser does it: Wintro's link, Slack's authorize page, back to the bot. */
async function install(workspace: Workspace) {
  const started = await get(`/slack/install?account=${await installLink(workspace.accountId)}`);
  expect(started.status).toBe(302);
  const authorize = new URL(started.headers.get('location') ?? '');
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${e2e.slack.baseUrl}/oauth/v2/authorize`);
  expect(authorize.searchParams.get('client_id')).toBe(MULTI.SLACK_CLIENT_ID);
  expect(authorize.searchParams.get('scope')).toBe(
    'commands,chat:write,chat:write.public,im:write,users:read,usergroups:read',
  );
  const state = authorize.searchParams.get('state') ?? '';
  const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toBe(`slack-app-oauth-state=${state}`);

  e2e.slack.scriptReply('oauth.v2.access', accessGranted(workspace));
  const callback = `/slack/oauth_redirect?code=code-${workspace.teamId}&state=${state}`;
  const done = await get(callback, { cookie });
  expect(done.status).toBe(200);
  expect(await done.text()).toContain('Wintro is installed');
  // The same callback again, cookie and all, is refused: a state works once.
  const replayed = await get(callback, { cookie });
  expect(replayed.status).toBe(400);
  expect(await replayed.text()).toContain('could not be confirmed');
  return { state, cookie };
}

const callsWithToken = (token: string) => e2e.slack.calls.filter((call) => call.token === token);
const channelOf = (call: RecordedCall) => call.channel ?? call.args.channel;

describe('installing into many workspaces', () => {
  it('binds two workspaces to two accounts and serves each with its own token and channel', async () => {
    const bot = await e2e.boot(MULTI);
    await install(ACME);
    await install(BOLT);

    // oauth.v2.access got the code and the app's credentials; each installer got a welcome DM.
    const exchanges = e2e.slack.callsTo('oauth.v2.access');
    expect(exchanges.map((call) => call.args.code)).toEqual(['code-T0ACME', 'code-T0BOLT']);
    expect(exchanges[0]?.args.client_id).toBe(MULTI.SLACK_CLIENT_ID);
    for (const workspace of [ACME, BOLT]) {
      const welcome = await e2e.slack.waitFor(
        (call) => call.method === 'chat.postMessage' && call.args.channel === workspace.installer,
      );
      expect(welcome.token).toBe(workspace.token);
      expect(textOf(welcome.args.blocks)).toContain('/wintro link');
    }

    // Acme picks its channel; Bolt does not.
    const acme = new Journey(e2e.slack, bot.sender, ACME.teamId, ACME.installer);
    const chosen = await acme.command('notify <#C0ACMEHR|hr-systems>');
    acks.push(chosen.body);
    expect(chosen.body.text).toContain('<#C0ACMEHR>');
    const boltAdmin = new Journey(e2e.slack, bot.sender, BOLT.teamId, BOLT.installer);
    const status = await boltAdmin.command('status');
    acks.push(status.body);
    expect(textOf(status.body.blocks)).toContain('No channel is chosen');

    for (const journey of [acme, boltAdmin]) {
      const form = await walkToCredentials(journey, 'greenhouse', { prerequisite: PREREQUISITE, acks });
      const check = await checkCredentials(journey, form, GOOD, acks);
      expect(check.resultText).toContain('is linked');
    }
    const acmeNotice = await e2e.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.channel === 'C0ACMEHR',
    );
    expect(acmeNotice.token).toBe(TOKEN_A);
    expect(acmeNotice.args.text).toContain('Greenhouse');
    const boltNotice = await e2e.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.args.channel === BOLT.installer &&
        String(call.args.text).includes('is now linked'),
    );
    expect(boltNotice.token).toBe(TOKEN_B);

    // Every Web API call went out with the token of the workspace it spoke to.
    const acmeChannels = new Set([ACME.installer, `D${ACME.installer}`, 'C0ACMEHR']);
    const boltChannels = new Set([BOLT.installer, `D${BOLT.installer}`]);
    for (const call of callsWithToken(TOKEN_A).filter((each) => channelOf(each))) {
      expect(acmeChannels.has(channelOf(call))).toBe(true);
    }
    for (const call of callsWithToken(TOKEN_B).filter((each) => channelOf(each))) {
      expect(boltChannels.has(channelOf(call))).toBe(true);
    }
    const tokens = new Set(e2e.slack.calls.map((call) => call.token).filter(Boolean));
    expect([...tokens].sort()).toEqual([TOKEN_A, TOKEN_B].sort());

    // The account id sits beside the sealed token; the token itself is nowhere in plaintext.
    const redis = await dumpRedis(bot.keyPrefix);
    expect(redis).toContain('acct_acme');
    expect(redis).toContain('acct_bolt');
  });

  it('stops acting for a workspace once the app is uninstalled there, and ends its setups', async () => {
    const bot = await e2e.boot(MULTI);
    await install(ACME);
    await install(BOLT);
    const acme = new Journey(e2e.slack, bot.sender, ACME.teamId, ACME.installer);
    const started = await acme.command('link greenhouse');
    acks.push(started.body);
    await acme.waitForMessage((text) => text.includes(PREREQUISITE));

    const gone = await bot.sender.event({ teamId: ACME.teamId, event: { type: 'app_uninstalled' } });
    expect(gone.status).toBe(200);
    await eventually(async () =>
      expect(await dumpRedis(bot.keyPrefix)).not.toMatch(/\{T0ACME\}:installation/),
    );
    const callsBefore = callsWithToken(TOKEN_A).length;

    const after = await acme.command('status');
    acks.push(after.body);
    expect(after.body.text).toContain('not installed in this workspace');
    const click = await acme.click('flow.begin');
    expect(click.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(callsWithToken(TOKEN_A)).toHaveLength(callsBefore);

    // Bolt's workspace is untouched.
    const boltAdmin = new Journey(e2e.slack, bot.sender, BOLT.teamId, BOLT.installer);
    const boltStatus = await boltAdmin.command('status');
    acks.push(boltStatus.body);
    expect(textOf(boltStatus.body.blocks)).toContain('Wintro status');
    // Acme's setup in progress ended with the installation.
    expect(await dumpRedis(bot.keyPrefix)).toMatch(/"phase\\":\\"cancelled\\"/);
  });
});

describe('an org-wide install on Enterprise Grid', () => {
  it('serves every workspace of the enterprise with its one token, and remembers which is whose', async () => {
    const bot = await e2e.boot(MULTI);
    const started = await get(`/slack/install?account=${await installLink('acct_org')}`);
    const state = new URL(started.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    e2e.slack.scriptReply('oauth.v2.access', {
      body: {
        ...accessGranted({ ...ACME, token: TOKEN_A }).body,
        team: null,
        enterprise: { id: 'E0ORG', name: 'Org' },
        is_enterprise_install: true,
      },
    });
    const done = await get(`/slack/oauth_redirect?code=org&state=${state}`, { cookie });
    expect(done.status).toBe(200);

    // A command from one workspace of the enterprise, as Slack sends it for an org-wide install.
    const reply = await bot.sender.raw({
      contentType: 'application/x-www-form-urlencoded',
      body: encodeForm({
        team_id: 'T0ORGWS',
        enterprise_id: 'E0ORG',
        is_enterprise_install: 'true',
        user_id: 'U0ORGADM',
        channel_id: 'DU0ORGADM',
        command: '/wintro',
        text: 'link greenhouse',
        trigger_id: '1.2.org',
        response_url: e2e.slack.responseUrl('org'),
      }),
    });
    // A new person: acknowledged at once, answered through the response URL once Slack said their language.
    const answer = reply.body?.text
      ? reply.body
      : (await e2e.slack.waitForResponse((r) => r.id === 'org')).body;
    acks.push(answer);
    expect(answer.text).toContain('direct message');
    const dm = await e2e.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.channel === 'U0ORGADM',
    );
    expect(dm.token).toBe(TOKEN_A);
    const redis = await dumpRedis(bot.keyPrefix);
    expect(redis).toContain('{E0ORG}:installation');
    expect(redis).toMatch(/\{T0ORGWS\}:enterprise "E0ORG"/);
  });
});

describe('bad install links and callbacks', () => {
  it.each([
    ['missing', () => Promise.resolve(''), 400, 'incomplete'],
    ['forged', () => installLink('acct_x', 'not-the-install-secret-0123456789abcdef'), 403, 'not valid'],
    ['expired', () => installLink('acct_x', INSTALL_SECRET, '-1m'), 410, 'expired'],
  ])('refuses a %s account token with a page and no state', async (_kind, token, status, words) => {
    await e2e.boot(MULTI);
    const value = await token();
    const answer = await get(value ? `/slack/install?account=${value}` : '/slack/install');
    expect(answer.status).toBe(status);
    expect(answer.headers.get('location')).toBeNull();
    expect(answer.headers.get('set-cookie')).toBeNull();
    const page = await answer.text();
    expect(page).toContain(words);
    expect(page).toContain('Slack settings page in Wintro');
  });

  it('refuses a state from another browser, a cancelled approval and a code Slack rejects', async () => {
    const bot = await e2e.boot(MULTI);
    const started = await get(`/slack/install?account=${await installLink(ACME.accountId)}`);
    const state = new URL(started.headers.get('location') ?? '').searchParams.get('state') ?? '';

    const foreign = await get(`/slack/oauth_redirect?code=c1&state=${state}`, {
      cookie: 'slack-app-oauth-state=somebody-else',
    });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('could not be confirmed');

    const cancelled = await get(`/slack/oauth_redirect?error=access_denied&state=${state}`);
    expect(await cancelled.text()).toContain('Installation cancelled');

    const again = await get(`/slack/install?account=${await installLink(ACME.accountId)}`);
    const freshState = new URL(again.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const cookie = (again.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    e2e.slack.scriptReply('oauth.v2.access', { body: { ok: false, error: 'invalid_code' } });
    const refused = await get(`/slack/oauth_redirect?code=used&state=${freshState}`, { cookie });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Slack did not confirm the install');

    expect(await dumpRedis(bot.keyPrefix)).not.toContain(':installation');
    // A workspace that never installed is told so, and nothing is stored for it.
    const stranger = new Journey(e2e.slack, bot.sender, 'T0NEVER', 'U0NEVER');
    const reply = await stranger.command('link greenhouse');
    acks.push(reply.body);
    expect(reply.body.text).toContain('not installed in this workspace');
    expect(await dumpRedis(bot.keyPrefix)).not.toContain('T0NEVER');
  });

  it('needs every multi-workspace setting, and no bot token beside them', async () => {
    const { loadConfig, ConfigError } = await import('../../src/config.js');
    const problems = (env: Record<string, string | undefined>) => {
      try {
        loadConfig({ SLACK_SIGNING_SECRET: 's', ...env });
        return [];
      } catch (error) {
        return (error as InstanceType<typeof ConfigError>).problems;
      }
    };
    expect(problems({ ...MULTI, SLACK_BOT_TOKEN: 'xoxb-1' }).join('\n')).toContain(
      'SLACK_BOT_TOKEN must be unset in multi-workspace mode',
    );
    expect(problems({ ...MULTI, WINTRO_INSTALL_SECRET: undefined }).join('\n')).toContain(
      'WINTRO_INSTALL_SECRET is required in multi-workspace mode',
    );
    expect(problems({ SLACK_CLIENT_ID: '1.2' }).join('\n')).toContain(
      'SLACK_CLIENT_SECRET, SLACK_STATE_SECRET must be set too',
    );
    expect(problems(MULTI)).toEqual([]);
  });
});
