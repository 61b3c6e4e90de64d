import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, bootBot, deleteKeys, dumpRedis, REDIS_URL, type RunningBot } from '../support/bot.js';
import {
  type FakeGreenhouse,
  GREENHOUSE_ALL_SCOPES,
  startFakeGreenhouse,
} from '../support/fakeGreenhouse.js';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../support/fakeSlack.js';
import { buttonsOf, commandAnswer, textOf } from '../support/journey.js';
import { responseViolations, slackLimitViolations } from '../support/slackLimits.js';
import type { SlackReply } from '../support/slackRequests.js';

/**
 * Teams, one admin each, all linking Greenhouse at the same time over HTTP against real Redis:
 * 50 in the suite; `LOAD_TEAMS=200 npx vitest run test/e2e/load.test.ts` is the larger run.
 */
const TEAMS = Number(process.env.LOAD_TEAMS ?? 50);

interface Tenant {
  teamId: string;
  adminId: string;
  dm: string;
  clientId: string;
  clientSecret: string;
  greenhouseUser: string;
}

const pad = (n: number) => String(n).padStart(3, '0');
const tenants: Tenant[] = Array.from({ length: TEAMS }, (_, i) => ({
  teamId: `T0LOAD${pad(i)}`,
  adminId: `U0LOADADM${pad(i)}`,
  dm: `DU0LOADADM${pad(i)}`,
  // Every team has its own Greenhouse client and user, so a mix-up shows in what is stored.
  clientId: `load${pad(i)}client-${i + 1}`,
  clientSecret: `gh-load-secret-${pad(i)}-Qz8Xw7Vu6Ts5Rq4`,
  greenhouseUser: String(70000 + i),
}));

let slack: FakeSlack;
let greenhouse: FakeGreenhouse;
let running: RunningBot;
const acks: unknown[] = [];
const answerTimes: number[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
  greenhouse = await startFakeGreenhouse();
  for (const tenant of tenants) {
    greenhouse.clients.set(tenant.clientId, {
      secret: tenant.clientSecret,
      scopes: [...GREENHOUSE_ALL_SCOPES],
    });
    greenhouse.users.add(tenant.greenhouseUser);
  }
  running = await bootBot({
    slack,
    env: {
      GREENHOUSE_AUTH_URL: greenhouse.url,
      GREENHOUSE_API_URL: greenhouse.url,
      // Everything runs on one busy machine here; a check must not fail for being slow.
      WINTRO_VENDOR_TIMEOUT_MS: '15000',
      LOG_LEVEL: 'info',
    },
  });
});

afterAll(async () => {
  await running?.stop();
  if (running) await deleteKeys(running.keyPrefix);
  await slack?.close();
  await greenhouse?.close();
});

async function timed(send: () => Promise<SlackReply>): Promise<SlackReply> {
  const started = performance.now();
  const reply = await send();
  answerTimes.push(performance.now() - started);
  expect(reply.status).toBe(200);
  return reply;
}

/** The newest version of the flow message in a DM (the only message with a header there). */
function flowMessage(dm: string): RecordedCall | undefined {
  let ts: string | undefined;
  let latest: RecordedCall | undefined;
  for (const call of slack.calls) {
    if (call.channel !== dm) continue;
    if (
      call.method === 'chat.postMessage' &&
      call.args.blocks?.some((block: any) => block.type === 'header')
    ) {
      ts = call.response?.ts;
      latest = call;
    } else if (call.method === 'chat.update' && call.args.ts === ts) {
      latest = call;
    }
  }
  return latest && ts ? { ...latest, args: { ...latest.args, ts } } : undefined;
}

/** Waits (without polling every call list) until the DM's flow message matches. */
async function waitForDm(dm: string, text: string): Promise<RecordedCall> {
  const current = flowMessage(dm);
  if (current && textOf(current.args.blocks).includes(text)) return current;
  await slack.waitFor(
    (call) =>
      ['chat.postMessage', 'chat.update'].includes(call.method) &&
      call.channel === dm &&
      textOf(call.args.blocks).includes(text),
    20_000,
  );
  const latest = flowMessage(dm);
  expect(textOf(latest?.args.blocks)).toContain(text);
  return latest as RecordedCall;
}

async function click(tenant: Tenant, actionId: string, message: RecordedCall) {
  const button = buttonsOf(message.args.blocks).find((candidate) => candidate.action_id === actionId);
  if (!button) throw new Error(`${tenant.teamId}: no ${actionId} button`);
  return timed(() =>
    running.sender.blockAction({
      teamId: tenant.teamId,
      userId: tenant.adminId,
      actionId,
      value: button.value,
      channelId: tenant.dm,
      messageTs: message.args.ts,
    }),
  );
}

/** One admin: command → begin → Next ×5 → credentials → submit. */
async function walk(tenant: Tenant) {
  const acknowledged = await timed(() =>
    running.sender.command({
      teamId: tenant.teamId,
      userId: tenant.adminId,
      text: 'link greenhouse',
      channelId: 'C0GENERAL',
    }),
  );
  // The admin's first command: the answer follows the acknowledgement, once Slack said their language.
  const reply = await commandAnswer(slack, acknowledged);
  acks.push(reply.body);
  expect(reply.body.text).toMatch(/direct message/);
  let message = await waitForDm(tenant.dm, 'Can manage ALL organization');
  await click(tenant, 'flow.begin', message);
  message = await waitForDm(tenant.dm, 'Step 1 of 6');
  for (let step = 2; step <= 6; step++) {
    await click(tenant, 'flow.next', message);
    message = await waitForDm(tenant.dm, `Step ${step} of 6`);
  }
  await click(tenant, 'flow.credentials', message);
  const opened = await slack.waitFor(
    (call) => call.method === 'views.open' && openedFor(call, message),
    20_000,
  );
  const flowId = opened.args.view.private_metadata as string;
  const submitted = await timed(() =>
    running.sender.viewSubmission({
      teamId: tenant.teamId,
      userId: tenant.adminId,
      viewId: `V0FORM${tenant.teamId}`,
      callbackId: 'credentials.submit',
      privateMetadata: flowId,
      values: {
        client_id: { value: { type: 'plain_text_input', value: tenant.clientId } },
        client_secret: { value: { type: 'plain_text_input', value: tenant.clientSecret } },
        user_id: { value: { type: 'plain_text_input', value: tenant.greenhouseUser } },
      },
    }),
  );
  acks.push(submitted.body);
  expect(submitted.body.response_action).toBe('update');
  await waitForDm(tenant.dm, 'Greenhouse is linked');
}

/** The form opened for this flow: its private_metadata is the flow id the buttons carry. */
function openedFor(call: RecordedCall, message: RecordedCall): boolean {
  const ref = buttonsOf(message.args.blocks).find((button) => button.action_id === 'flow.credentials')?.value;
  return typeof ref === 'string' && ref.startsWith(`${call.args.view.private_metadata}.`);
}

describe('under load', () => {
  it(`runs ${TEAMS} teams linking Greenhouse at once to completion with nothing lost or mixed up`, async () => {
    const started = performance.now();
    const results = await Promise.allSettled(tenants.map((tenant) => walk(tenant)));
    const failed = results
      .map((result, i) => (result.status === 'rejected' ? `${tenants[i]?.teamId}: ${result.reason}` : ''))
      .filter(Boolean);
    expect(failed).toEqual([]);
    const elapsed = Math.round(performance.now() - started);

    // C0NOTIFY: exactly one notice per team, each naming that team's admin.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const notices = slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0NOTIFY');
    expect(notices).toHaveLength(TEAMS);
    const named = notices.map((call) => /<@(U[A-Z0-9]+)>/.exec(call.args.text)?.[1]).sort();
    expect(named).toEqual(tenants.map((tenant) => tenant.adminId).sort());
    for (const tenant of tenants) {
      const notice = notices.find((call) => call.args.text.includes(`<@${tenant.adminId}>`));
      expect(textOf(notice?.args.blocks)).toContain(`Acting as Greenhouse user: ${tenant.greenhouseUser}`);
    }

    // Redis: one Greenhouse connection per team, linked by its own admin, for its own Greenhouse user.
    const redis = new Redis(REDIS_URL);
    try {
      for (const tenant of tenants) {
        const conns = await redis.hgetall(`${running.keyPrefix}:{${tenant.teamId}}:conns`);
        expect(Object.keys(conns), tenant.teamId).toEqual(['greenhouse']);
        const record = JSON.parse(conns.greenhouse as string);
        expect(record.linkedBy).toBe(tenant.adminId);
        expect(record.details).toContainEqual({
          label: 'Acting as Greenhouse user',
          value: tenant.greenhouseUser,
        });
      }
      const allConnKeys = await redis.keys(`${running.keyPrefix}:*:conns`);
      expect(allConnKeys).toHaveLength(TEAMS);
    } finally {
      redis.disconnect();
    }

    // Each admin's DM shows linked, for their own Greenhouse user; `/wintro status` agrees per team.
    const statuses = await Promise.all(
      tenants.map((tenant) =>
        timed(() =>
          running.sender.command({ teamId: tenant.teamId, userId: tenant.adminId, text: 'status' }),
        ),
      ),
    );
    tenants.forEach((tenant, i) => {
      const dm = textOf(flowMessage(tenant.dm)?.args.blocks);
      expect(dm).toContain('Greenhouse is linked');
      expect(dm).toContain(tenant.greenhouseUser);
      const status = statuses[i];
      acks.push(status?.body);
      const text = textOf(status?.body.blocks);
      expect(text).toMatch(new RegExp(`Greenhouse\\*: linked by <@${tenant.adminId}>`));
      expect(text.match(/linked by/g)).toHaveLength(1);
    });
    // One verification per team, and no flow message was posted twice.
    expect(greenhouse.requests.filter((request) => request.path === '/token')).toHaveLength(TEAMS);
    for (const tenant of tenants) {
      const posts = slack
        .callsTo('chat.postMessage')
        .filter((call) => call.channel === tenant.dm && call.args.blocks?.[0]?.type === 'header');
      expect(posts, tenant.teamId).toHaveLength(1);
    }
    expect(slack.callsTo('chat.postEphemeral')).toEqual([]);

    for (const call of slack.calls) expect(slackLimitViolations(call), `${call.method}`).toEqual([]);
    for (const ack of acks) expect(responseViolations(ack)).toEqual([]);
    const everywhere = [
      running.logs.text(),
      JSON.stringify(slack.calls.map(({ method, args }) => ({ method, args }))),
      JSON.stringify(slack.responses),
      JSON.stringify(acks),
      await dumpRedis(running.keyPrefix),
    ].join('\n');
    for (const secret of [
      BOT_TOKEN,
      ...tenants.map((tenant) => tenant.clientSecret),
      ...greenhouse.issuedTokens,
    ]) {
      expect(everywhere.includes(secret), `secret ${secret.slice(0, 8)}… leaked`).toBe(false);
    }

    const sorted = [...answerTimes].sort((x, y) => x - y);
    const at = (q: number) =>
      Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    // For information only: the load, the fakes and the bot share this process's event loop, so
    // these times are not the bot's. Acknowledgement times are measured by `npm run bench`.
    console.log(
      `${TEAMS} flows in ${elapsed} ms; ${sorted.length} requests answered in p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
    );
  }, 60_000);
});
