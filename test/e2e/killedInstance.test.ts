import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootBot, REDIS_URL, SIGNING_SECRET } from '../support/bot.js';
import { dumpKeys } from '../support/dumpKeys.js';
import { greenhouseAccount } from '../support/e2e.js';
import { type FakeGreenhouse, startFakeGreenhouse } from '../support/fakeGreenhouse.js';
import { type FakeSlackServer, startFakeSlack } from '../support/fakeSlack.js';
import { freePort } from '../support/freePort.js';
import { expectNoneOf, slackTraffic } from '../support/guards.js';
import { Journey, textOf } from '../support/journey.js';
import { walkGuide } from '../support/linking.js';
import { SlackSender } from '../support/slackRequests.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = join(ROOT, 'src/main.ts');

const ACCOUNT = greenhouseAccount('gh-secret-K1ll9dInst4nceMidCh3ck');
const GOOD = { client_id: ACCOUNT.clientId, client_secret: ACCOUNT.secret, user_id: ACCOUNT.userId };
/** A Redis database of this file's own: the bots here use the default key prefix. */
const DATABASE = (() => {
  const url = new URL(REDIS_URL);
  url.pathname = '/12';
  return url.toString();
})();
const VENDOR_TIMEOUT_MS = 600;
/** What the bot counts as the longest check: six calls at the vendor timeout, plus a margin. */
const CHECK_DEADLINE_MS = 6 * VENDOR_TIMEOUT_MS + 1000;

let slack: FakeSlackServer;
let greenhouse: FakeGreenhouse;
const redis = new Redis(DATABASE);

beforeAll(async () => {
  slack = await startFakeSlack();
  greenhouse = await startFakeGreenhouse();
  greenhouse.reset(ACCOUNT);
  await redis.flushdb();
});

afterAll(async () => {
  await slack.close();
  await greenhouse.close();
  await redis.flushdb();
  redis.disconnect();
});

describe('an instance killed in the middle of a check', () => {
  it('the other instance tells the person within the check deadline, and the check can run again', async () => {
    const encryptionKey = randomBytes(32).toString('base64');
    const botToken = `xoxb-${randomBytes(6).toString('hex')}`;
    const env = {
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      REDIS_URL: DATABASE,
      WINTRO_ENCRYPTION_KEY: encryptionKey,
      WINTRO_VENDOR_TIMEOUT_MS: String(VENDOR_TIMEOUT_MS),
      GREENHOUSE_API_URL: greenhouse.url,
      GREENHOUSE_AUTH_URL: greenhouse.url,
      LOG_LEVEL: 'info',
    };
    const port = await freePort();
    const first = spawn(TSX, [MAIN], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
      stdio: 'ignore',
      // Its own process group: tsx runs the bot in a child process, and both must die at once.
      detached: true,
    });
    const killFirst = () => {
      try {
        if (first.pid) process.kill(-first.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    };
    const second = await bootBot({ slack, env, keyPrefix: 'wintro', encryptionKey });
    try {
      let up = false;
      for (let tries = 0; tries < 150 && !up; tries++) {
        up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (response) => response.ok,
          () => false,
        );
        if (!up) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(up, 'the first instance started').toBe(true);
      const viaFirst = new SlackSender({
        baseUrl: `http://127.0.0.1:${port}`,
        signingSecret: SIGNING_SECRET,
        responseUrl: (id) => slack.responseUrl(id),
      });
      const admin = new Journey(slack, viaFirst, 'T0KILLED', 'U0ADMIN');
      await admin.command('link greenhouse');
      const form = await walkGuide(admin, 'greenhouse', 'Can manage ALL organization');

      // Greenhouse answers slowly; the instance checking dies before it answers.
      greenhouse.mode = { kind: 'slow', delayMs: 550 };
      const submitted = await admin.submit(form.viewId, form.flowId, GOOD);
      expect(submitted.body.response_action).toBe('update');
      await admin.waitForMessage((text) => text.includes('Checking the credentials'));
      const killedAt = Date.now();
      killFirst();

      // The surviving instance ends the check once its deadline passed, and says what to do.
      const told = await admin.waitForMessage(
        (text) => text.includes('The check was interrupted'),
        CHECK_DEADLINE_MS + 4000,
      );
      expect(Date.now() - killedAt).toBeLessThan(CHECK_DEADLINE_MS + 3000);
      expect(textOf(told.args.blocks)).toContain('Enter credentials');

      // Nothing is lost: the same form checks again through the surviving instance.
      greenhouse.mode = { kind: 'normal' };
      const viaSecond = new Journey(slack, second.sender, 'T0KILLED', 'U0ADMIN');
      const again = await viaSecond.submit(form.viewId, form.flowId, GOOD);
      expect(again.body.response_action).toBe('update');
      await viaSecond.waitForMessage((text) => text.includes('Greenhouse is linked'));
    } finally {
      if (first.exitCode === null) killFirst();
      await second.stop();
    }
    const stored = await dumpKeys(redis, 'wintro');
    expectNoneOf([...slackTraffic(slack, []), second.logs.text(), stored], [ACCOUNT.secret, botToken]);
  }, 40_000);
});
