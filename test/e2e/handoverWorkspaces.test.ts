/** In multi-workspace mode each event names the workspace's Wintro account, from its install link. */
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { greenhouseAccount, useE2e } from '../support/e2e.js';
import { expectReceiverTrafficClean } from '../support/handoverGuards.js';
import { greenhouseAndWintroSetup } from '../support/handoverSetup.js';
import { eventually, Journey } from '../support/journey.js';
import { checkCredentials, walkToCredentials } from '../support/linking.js';

const ACCOUNT = greenhouseAccount('gh-secret-HandoverWs6Yh5Gt4Rf3');
const TYPED = { client_id: ACCOUNT.clientId, client_secret: ACCOUNT.secret, user_id: ACCOUNT.userId };
const INSTALL_SECRET = 'install-secret-handover-0123456789abcdef0123';
const TOKEN = 'xoxb-3333-team-handover-token-s3cr3tCCCC';
const MULTI = {
  SLACK_BOT_TOKEN: undefined,
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'slack-client-secret-handover-55aa55aa55',
  SLACK_STATE_SECRET: 'state-secret-handover-aa55aa55aa55aa55aa55aa55',
  WINTRO_INSTALL_SECRET: INSTALL_SECRET,
  WINTRO_NOTIFY_CHANNEL: undefined,
};
const TEAM = 'T0HANDWS';
const INSTALLER = 'U0HANDADM';

const setup = greenhouseAndWintroSetup(ACCOUNT);
const e2e = useE2e({
  ...setup,
  env: (vendors) => ({ ...setup.env(vendors), ...MULTI }),
  secrets: (vendors) => [...setup.secrets(vendors), TOKEN, INSTALL_SECRET],
  after: ({ wintro }) => expectReceiverTrafficClean(wintro, [ACCOUNT.secret, TOKEN]),
});
const { vendors, acks } = e2e;

/** Wintro's install link, Slack's authorize page, back to the bot: the workspace is bound to the account. */
async function install(accountId: string) {
  const base = `http://127.0.0.1:${e2e.running.port}`;
  const link = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(accountId)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(INSTALL_SECRET));
  const started = await fetch(`${base}/slack/install?account=${link}`, { redirect: 'manual' });
  const state = new URL(started.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  e2e.slack.scriptReply('oauth.v2.access', {
    body: {
      ok: true,
      access_token: TOKEN,
      token_type: 'bot',
      scope: 'commands,chat:write,chat:write.public,im:write,users:read',
      bot_user_id: 'U0WINTROBOT',
      app_id: 'A0WINTRO',
      team: { id: TEAM, name: 'Handover' },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: INSTALLER },
    },
  });
  const done = await fetch(`${base}/slack/oauth_redirect?code=c&state=${state}`, { headers: { cookie } });
  expect(done.status).toBe(200);
}

describe('handing over in multi-workspace mode', () => {
  it('names the account of the install link, and tells of a refusal with the workspace’s own token', async () => {
    await install('acct_handover');
    vendors.wintro.answer(422);
    const journey = new Journey(e2e.slack, e2e.running.sender, TEAM, INSTALLER);
    const form = await walkToCredentials(journey, 'greenhouse', {
      prerequisite: 'Can manage ALL organization',
      acks,
    });
    expect((await checkCredentials(journey, form, TYPED, acks)).resultText).toContain('is linked');

    const [hook] = await vendors.wintro.waitFor(1);
    expect(hook?.body.data).toMatchObject({
      account_id: 'acct_handover',
      slack_team_id: TEAM,
      linked_by: INSTALLER,
    });
    const told = await eventually(() => {
      const call = e2e.slack.calls.find(
        (each) => each.method === 'chat.postMessage' && /not with Wintro yet/.test(String(each.args.text)),
      );
      if (!call) throw new Error('not told yet');
      return call;
    });
    expect(told.token).toBe(TOKEN);
    await journey.waitForMessage((text) => text.includes('it is not with Wintro yet'));
  });
});
