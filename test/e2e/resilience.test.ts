import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../src/store/connectionStore.js';
import { keyScheme } from '../../src/store/keys.js';
import { createSealer, keyIdOf } from '../../src/store/sealing.js';
import { REDIS_URL, type RunningBot } from '../support/bot.js';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import { eventually, textOf } from '../support/journey.js';
import { walkToStep } from '../support/linking.js';

const TEAM = 'T0ACME';
const ADMIN = 'U0ADMIN';
const ACCOUNT = greenhouseAccount('gh-secret-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2');
const { clientId: CLIENT_ID, secret: CLIENT_SECRET, userId: USER_ID } = ACCOUNT;
const GOOD = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, user_id: USER_ID };

const e2e = useE2e({ ...greenhouseSetup(ACCOUNT), bootEach: false });
const { vendors } = e2e;
const boot = (
  env: Record<string, string> = {},
  options: { keyPrefix?: string; encryptionKey?: string } = {},
) => e2e.boot(env, undefined, options);

async function openForm(bot: RunningBot) {
  const admin = e2e.journey(ADMIN, TEAM, bot);
  await admin.command('link greenhouse');
  await admin.waitForMessage((text) => text.includes('Can manage ALL organization'));
  await admin.click('flow.credentials');
  const form = await e2e.slack.waitFor((call) => call.method === 'views.open');
  return { admin, flowId: form.args.view.private_metadata as string };
}

describe('when Slack fails', () => {
  it('posts the step without images, with links, when Slack cannot fetch a screenshot', async () => {
    const bot = await boot();
    e2e.slack.scriptReply('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } }, 1);
    const admin = e2e.journey(ADMIN, TEAM, bot);
    await admin.command('link greenhouse');
    const posted = await admin.waitForMessage((text) => text.includes('Can manage ALL organization'));
    const attempts = e2e.slack.callsTo('chat.postMessage');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.args.blocks.some((block: any) => block.type === 'image')).toBe(true);
    expect(posted.args.blocks.some((block: any) => block.type === 'image')).toBe(false);
    expect(textOf(posted.args.blocks)).toContain('Screenshot:');
    await admin.click('flow.begin');
    await admin.waitForMessage((text) => text.includes('Step 1 of 6'));
  });

  it('tells the person when their DM cannot be posted, after a bounded number of retries', async () => {
    const bot = await boot();
    e2e.slack.scriptReply('chat.postMessage', { status: 500 }, 10);
    const admin = e2e.journey(ADMIN, TEAM, bot);
    const started = Date.now();
    const reply = await admin.command('link greenhouse');
    expect(reply.body.text).toContain('direct message');
    // The follow-up, after the answer (which a new person gets through the response URL too).
    const followUp = await e2e.slack.waitForResponse(
      (response) => response.body.text !== reply.body.text,
      8000,
    );
    expect(Date.now() - started).toBeLessThan(8000);
    expect(followUp.body.text).toContain("couldn't send you a direct message");
    expect(followUp.body.text).toContain('Slack');
    expect(e2e.slack.callsTo('chat.postMessage')).toHaveLength(3);
    expect(e2e.slack.callsTo('conversations.open')).toHaveLength(0);
  });

  it('waits out a short rate limit and carries on', async () => {
    const bot = await boot();
    const admin = e2e.journey(ADMIN, TEAM, bot);
    await walkToStep(admin, 'greenhouse', 'Can manage ALL organization', 0);
    e2e.slack.scriptReply('chat.update', { status: 429, headers: { 'retry-after': '1' } }, 1);
    const clicked = Date.now();
    await admin.click('flow.begin');
    await admin.waitForMessage((text) => text.includes('Step 1 of 6'), 5000);
    expect(Date.now() - clicked).toBeGreaterThanOrEqual(1000);
    expect(e2e.slack.callsTo('chat.update')).toHaveLength(2);
    expect(e2e.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('saves the step and says so when Slack asks for a long wait', async () => {
    const bot = await boot();
    const admin = e2e.journey(ADMIN, TEAM, bot);
    await walkToStep(admin, 'greenhouse', 'Can manage ALL organization', 0);
    e2e.slack.scriptReply('chat.update', { status: 429, headers: { 'retry-after': '30' } }, 1);
    await admin.click('flow.begin');
    const notice = await e2e.slack.waitFor((call) => call.method === 'chat.postEphemeral', 5000);
    expect(notice.args.text).toContain('Your step is saved');
    expect(notice.args.text).toContain('wait 30 seconds');
    expect(e2e.slack.callsTo('chat.update')).toHaveLength(1);
    const status = await admin.command('status');
    expect(textOf(status.body.blocks)).toContain('step 1 of 6');

    // The command shows the saved step again, at the bottom of the DM.
    await admin.command('link greenhouse');
    await admin.waitForMessage((text) => text.includes('Step 1 of 6'));
    await admin.click('flow.next');
    await admin.waitForMessage((text) => text.includes('Step 2 of 6'));
  });
});

describe('shutting down during a check', () => {
  it('finishes a check that ends within the grace period', async () => {
    vendors.greenhouse.mode = { kind: 'slow', delayMs: 400 };
    const bot = await boot({ WINTRO_SHUTDOWN_GRACE_MS: '5000' });
    const { admin, flowId } = await openForm(bot);
    const submitted = await admin.submit('V0FORM', flowId, GOOD);
    expect(submitted.body.response_action).toBe('update');
    await bot.stop();
    const result = e2e.slack.callsTo('views.update').at(-1);
    expect(textOf(result?.args.view.blocks)).toContain('is linked');
    expect(
      e2e.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0NOTIFY'),
    ).toHaveLength(1);
  });

  it('abandons a check still running at the end of the grace period and tells the person', async () => {
    vendors.greenhouse.mode = { kind: 'slow', delayMs: 1400 };
    const bot = await boot({ WINTRO_SHUTDOWN_GRACE_MS: '200' });
    const { admin, flowId } = await openForm(bot);
    await admin.submit('V0FORM', flowId, GOOD);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await bot.stop();
    const result = e2e.slack.callsTo('views.update').at(-1);
    expect(textOf(result?.args.view.blocks)).toContain('The check was interrupted');
    expect(result?.args.view.submit.text).toBe('Check again');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(
      e2e.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0NOTIFY'),
    ).toHaveLength(0);

    vendors.greenhouse.mode = { kind: 'normal' };
    const restarted = await boot({}, { keyPrefix: bot.keyPrefix, encryptionKey: bot.encryptionKey });
    const again = e2e.journey(ADMIN, TEAM, restarted);
    const retried = await again.submit('V0FORM', flowId, GOOD);
    expect(retried.body.response_action).toBe('update');
    await again.waitForMessage((text) => text.includes('Greenhouse is linked'));
  });
});

describe('rotating the encryption key', () => {
  it('opens connections sealed with a previous key and seals new ones with the current key', async () => {
    const oldKey = randomBytes(32).toString('base64');
    const first = await boot({}, { encryptionKey: oldKey });
    const { admin, flowId } = await openForm(first);
    await admin.submit('V0FORM', flowId, GOOD);
    await admin.waitForMessage((text) => text.includes('Greenhouse is linked'));
    await first.stop();

    const newKey = randomBytes(32).toString('base64');
    await boot(
      { WINTRO_ENCRYPTION_KEY_PREVIOUS: oldKey },
      { keyPrefix: first.keyPrefix, encryptionKey: newKey },
    );
    const redis = new Redis(REDIS_URL);
    try {
      const keys = keyScheme(first.keyPrefix);
      const rotated = new ConnectionStore(
        redis,
        keys,
        createSealer(Buffer.from(newKey, 'base64'), [Buffer.from(oldKey, 'base64')]),
      );
      expect(await rotated.credentials(TEAM, 'greenhouse')).toMatchObject({ client_secret: CLIENT_SECRET });
      const withoutOld = new ConnectionStore(redis, keys, createSealer(Buffer.from(newKey, 'base64')));
      await expect(withoutOld.credentials(TEAM, 'greenhouse')).rejects.toThrow(/not configured/);

      // A new link seals with the current key.
      const other = e2e.journey('U0OTHERADMIN', 'T0OTHER', e2e.bots[1]!);
      await other.command('link greenhouse');
      await other.waitForMessage((text) => text.includes('Can manage ALL organization'));
      await other.click('flow.credentials');
      const form = await e2e.slack.waitFor(
        (call) => call.method === 'views.open' && call.args.view.private_metadata !== flowId,
      );
      await other.submit('V0FORM2', form.args.view.private_metadata, GOOD);
      await other.waitForMessage((text) => text.includes('Greenhouse is linked'));
      const sealed = JSON.parse(
        (await redis.hget(keys.connections('T0OTHER'), 'greenhouse')) as string,
      ).sealed;
      expect(sealed.split('.')[1]).toBe(keyIdOf(Buffer.from(newKey, 'base64')));
    } finally {
      redis.disconnect();
    }
  });

  it('refuses to start with a malformed previous key, naming the variable', async () => {
    await expect(boot({ WINTRO_ENCRYPTION_KEY_PREVIOUS: 'not-a-key' })).rejects.toThrow(
      /WINTRO_ENCRYPTION_KEY_PREVIOUS/,
    );
  });
});

describe('the health check', () => {
  it('answers with the state of Redis', async () => {
    const bot = await boot();
    const response = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, redis: 'up' });
    await eventually(async () => expect((await fetch(`http://127.0.0.1:${bot.port}/nope`)).status).toBe(404));
  });
});
