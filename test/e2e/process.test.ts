import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleProduction } from '../../build/bundle.js';
import { ConnectionStore } from '../../src/store/connectionStore.js';
import { keyScheme } from '../../src/store/keys.js';
import { createSealer, keyIdOf } from '../../src/store/sealing.js';
import { deleteKeys, REDIS_URL, SIGNING_SECRET } from '../support/bot.js';
import { type FakeSlack, startFakeSlack } from '../support/fakeSlack.js';
import { freePort } from '../support/freePort.js';
import { commandAnswer } from '../support/journey.js';
import { SlackSender } from '../support/slackRequests.js';

// What `npm start` runs: the production bundle (build/bundle.ts), built once for these tests into a
// folder outside the project, so it has to stand on its own.
const BUNDLE = mkdtempSync(join(tmpdir(), 'wintro-bundle-'));
const MAIN = join(BUNDLE, 'main.js');
const RESEAL = join(BUNDLE, 'tools/resealConnections.js');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function runBot(env: Record<string, string>, entry = MAIN): Run {
  let output = '';
  const child = spawn(process.execPath, [entry], {
    // Only what the test gives, from a folder without a .env file.
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, timeoutMs = 15_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the bot did not become healthy');
}

let slack: FakeSlack;
const keyPrefixes: string[] = [];

beforeAll(async () => {
  await bundleProduction(BUNDLE);
  slack = await startFakeSlack();
});

afterAll(async () => {
  await slack.close();
  rmSync(BUNDLE, { recursive: true, force: true });
  for (const prefix of keyPrefixes) await deleteKeys(prefix);
});

describe('the bot as a process', () => {
  it('names every missing or invalid variable and exits non-zero', async () => {
    const run = runBot({ PORT: 'eighty', REDIS_URL: 'redis://127.0.0.1:6379' });
    const code = await run.exited;
    expect(code).toBe(1);
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'PORT', 'WINTRO_ENCRYPTION_KEY']) {
      expect(run.output()).toContain(name);
    }
    expect(run.output()).not.toMatch(/\n\s+at /);
  }, 20_000);

  it('stops with a clear reason when Slack refuses the token or cannot be reached', async () => {
    slack.scriptReply('auth.test', { body: { ok: false, error: 'invalid_auth' } }, 1);
    const refused = runBot({
      SLACK_BOT_TOKEN: 'xoxb-wrong',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(await freePort()),
    });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain('Slack did not accept SLACK_BOT_TOKEN (invalid_auth)');
    expect(refused.output()).not.toContain('xoxb-wrong');

    const unreachable = runBot({
      SLACK_BOT_TOKEN: 'xoxb-unreachable',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      PORT: String(await freePort()),
    });
    expect(await unreachable.exited).toBe(1);
    expect(unreachable.output()).toContain('Could not reach Slack at http://127.0.0.1:9/api/');
    expect(unreachable.output()).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('serves Slack requests, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const run = runBot({
      SLACK_BOT_TOKEN: `xoxb-${randomBytes(6).toString('hex')}`,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      REDIS_URL,
      WINTRO_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info',
    });
    try {
      await waitForHealth(port);
      const sender = new SlackSender({
        baseUrl: `http://127.0.0.1:${port}`,
        signingSecret: SIGNING_SECRET,
        responseUrl: (id) => slack.responseUrl(id),
      });
      // A new person: the answer follows the acknowledgement, once Slack said their language.
      const reply = await commandAnswer(
        slack,
        await sender.command({
          teamId: `T0PROC${randomBytes(3).toString('hex').toUpperCase()}`,
          userId: 'U0PROC',
          text: 'help',
        }),
      );
      expect(reply.status).toBe(200);
      expect(JSON.stringify(reply.body)).toContain('/wintro link');
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output()).toContain('Stopped');
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  }, 30_000);

  it('runs without Redis on the in-process store, and says so', async () => {
    const port = await freePort();
    const run = runBot({
      SLACK_BOT_TOKEN: 'xoxb-in-process',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
    });
    try {
      await waitForHealth(port);
      expect(run.output()).toContain('REDIS_URL is not set');
      expect(run.output()).toContain('WINTRO_ENCRYPTION_KEY is not set');
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  }, 30_000);

  it('reseals stored connections with the current key from the command line', async () => {
    // The tool reseals every connection under the default prefix: a database of its own keeps
    // connections other runs left on the shared Redis (sealed with other keys) out of it.
    const database = new URL(REDIS_URL);
    database.pathname = '/7';
    const resealRedisUrl = database.toString();
    const keyPrefix = 'wintro';
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const team = `T0RESEAL${randomBytes(3).toString('hex').toUpperCase()}`;
    const redis = new Redis(resealRedisUrl);
    const keys = keyScheme(keyPrefix);
    try {
      await new ConnectionStore(redis, keys, createSealer(oldKey)).save({
        teamId: team,
        systemId: 'workable',
        linkedBy: 'U1',
        flowId: 'f1',
        details: [],
        credentials: { api_token: 'reseal-process-token' },
      });
      const run = runBot(
        {
          SLACK_BOT_TOKEN: 'xoxb-reseal',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          REDIS_URL: resealRedisUrl,
          WINTRO_ENCRYPTION_KEY: newKey.toString('base64'),
          WINTRO_ENCRYPTION_KEY_PREVIOUS: oldKey.toString('base64'),
        },
        RESEAL,
      );
      expect(await run.exited).toBe(0);
      expect(run.output()).toContain('Resealed stored connections');
      const sealed = JSON.parse((await redis.hget(keys.connections(team), 'workable')) as string).sealed;
      expect(sealed.split('.')[1]).toBe(keyIdOf(newKey));
    } finally {
      await redis.del(keys.connections(team));
      redis.disconnect();
    }
  }, 30_000);
});
