import { Redis } from 'ioredis';
import { beforeEach, describe, expect, it } from 'vitest';
import { REDIS_URL, type RunningBot } from '../support/bot.js';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import { type Button, eventually, type Journey, textOf } from '../support/journey.js';

const ACCOUNT = greenhouseAccount('gh-secret-TwoInst8Vu7Ts6Rq5Po4Nm3Lk');
const { clientId: CLIENT_ID, secret: CLIENT_SECRET, userId: USER_ID } = ACCOUNT;
const good = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, user_id: USER_ID };
const TEAM = 'T0TWOINST';
const ADMIN = 'U0ADMIN';

/** Two bot instances on one Redis: same key prefix, same encryption key, own port and sender each. */
let a: RunningBot;
let b: RunningBot;
let viaA: Journey;
let viaB: Journey;

const e2e = useE2e({ ...greenhouseSetup(ACCOUNT), bootEach: false });
const { vendors, acks } = e2e;

beforeEach(async () => {
  a = await e2e.boot();
  b = await e2e.boot({}, a);
  expect(a.port).not.toBe(b.port);
  viaA = e2e.journey(ADMIN, TEAM, a);
  viaB = e2e.journey(ADMIN, TEAM, b);
});

/** Requests go to the instances in turn, the way a load balancer in front of both would send them. */
function alternate() {
  let turn = 0;
  return () => {
    turn += 1;
    return turn % 2 === 1 ? viaA : viaB;
  };
}

const dmUpdatesOf = (ts: string) =>
  e2e.slack.calls.filter(
    (call) => call.method === 'chat.update' && call.channel === viaA.dmChannel && call.args.ts === ts,
  );

const notifications = () =>
  e2e.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0NOTIFY');

async function storedConnections(keyPrefix: string) {
  const redis = new Redis(REDIS_URL);
  try {
    return await redis.hgetall(`${keyPrefix}:{${TEAM}}:conns`);
  } finally {
    redis.disconnect();
  }
}

/** From the command to the credentials form, each request to the other instance than the last. */
async function walkAlternating(next: () => Journey, atStep?: (step: number) => Promise<void>) {
  const reply = await next().command('link greenhouse');
  acks.push(reply.body);
  expect(reply.body.text).toMatch(/direct message/);
  await viaA.waitForMessage((text) => text.includes('Can manage ALL organization'));
  await next().click('flow.begin');
  await viaA.waitForMessage((text) => text.includes('Step 1 of 6'));
  for (let step = 2; step <= 6; step++) {
    if (atStep) await atStep(step);
    else await next().click('flow.next');
    await viaA.waitForMessage((text) => text.includes(`Step ${step} of 6`));
  }
  await next().click('flow.credentials');
  const opened = await e2e.slack.waitFor((call) => call.method === 'views.open');
  return opened.args.view.private_metadata as string;
}

describe('two bot instances on one Redis', () => {
  it('walks a whole Greenhouse setup with every request going to the other instance', async () => {
    const next = alternate();
    const flowId = await walkAlternating(next);
    const submitted = await next().submit('V0FORM', flowId, good);
    acks.push(submitted.body);
    expect(submitted.body.response_action).toBe('update');
    await viaA.waitForMessage((text) => text.includes('Greenhouse is linked'));
    await e2e.slack.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === 'C0NOTIFY');

    // Each instance sees what the other stored, and reads the connection it sealed.
    for (const journey of [viaA, viaB]) {
      const status = await journey.command('status');
      acks.push(status.body);
      expect(textOf(status.body.blocks)).toMatch(/Greenhouse\*: linked by <@U0ADMIN>/);
    }
    expect(Object.keys(await storedConnections(a.keyPrefix))).toEqual(['greenhouse']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(notifications()).toHaveLength(1);
    expect(
      e2e.slack.callsTo('chat.postMessage').filter((call) => call.channel === viaA.dmChannel),
    ).toHaveLength(1);
  });

  it('makes one step, one redraw and one "moved on" of the same Next clicked at both instances at once', async () => {
    const next = alternate();
    let racedAt = 0;
    const flowId = await walkAlternating(next, async (step) => {
      if (step !== 3) {
        await next().click('flow.next');
        return;
      }
      racedAt = step;
      const dm = viaA.latestMessage();
      const ts = dm?.args.ts as string;
      const button: Button = viaA.button('flow.next');
      const updatesBefore = dmUpdatesOf(ts).length;
      const ephemeralsBefore = e2e.slack.callsTo('chat.postEphemeral').length;
      const [fromA, fromB] = await Promise.all([
        viaA.click('flow.next', { button }),
        viaB.click('flow.next', { button }),
      ]);
      expect([fromA.status, fromB.status]).toEqual([200, 200]);
      await viaA.waitForMessage((text) => text.includes('Step 3 of 6'));
      await eventually(() =>
        expect(e2e.slack.callsTo('chat.postEphemeral').length).toBe(ephemeralsBefore + 1),
      );
      await new Promise((resolve) => setTimeout(resolve, 250));
      // Exactly one transition (step 2 → 3, not → 4), exactly one redraw, one polite refusal.
      expect(textOf(viaA.latestMessage()?.args.blocks)).toContain('Step 3 of 6');
      expect(dmUpdatesOf(ts).length - updatesBefore).toBe(1);
      const refusals = e2e.slack.callsTo('chat.postEphemeral').slice(ephemeralsBefore);
      expect(refusals).toHaveLength(1);
      expect(refusals[0]?.args.text).toContain('already moved on');
      const status = await viaB.command('status');
      acks.push(status.body);
      expect(textOf(status.body.blocks)).toContain('step 3 of 6');
    });
    expect(racedAt).toBe(3);
    const submitted = await next().submit('V0FORM', flowId, good);
    acks.push(submitted.body);
    await viaA.waitForMessage((text) => text.includes('Greenhouse is linked'));
  });

  it('verifies, links and announces once when the form is submitted to both instances at the same moment', async () => {
    vendors.greenhouse.mode = { kind: 'slow', delayMs: 300 };
    const tokensBefore = vendors.greenhouse.issuedTokens.length;
    const flowId = await walkAlternating(alternate());
    const [toA, toB] = await Promise.all([
      viaA.submit('V0FORM', flowId, good),
      viaB.submit('V0FORM', flowId, good),
    ]);
    acks.push(toA.body, toB.body);
    expect([toA.body.response_action, toB.body.response_action].sort()).toEqual(['errors', 'update']);
    const refused = [toA, toB].find((reply) => reply.body.response_action === 'errors');
    expect(Object.values(refused?.body.errors ?? {}).join(' ')).toMatch(/Still checking your last entry/);

    await viaA.waitForMessage((text) => text.includes('Greenhouse is linked'));
    await e2e.slack.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === 'C0NOTIFY');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(vendors.greenhouse.requests.filter((request) => request.path === '/token')).toHaveLength(1);
    expect(vendors.greenhouse.issuedTokens.length - tokensBefore).toBe(1);
    const stored = await storedConnections(a.keyPrefix);
    expect(Object.keys(stored)).toEqual(['greenhouse']);
    expect(JSON.parse(stored.greenhouse as string).linkedBy).toBe(ADMIN);
    expect(notifications()).toHaveLength(1);
    expect(notifications()[0]?.args.text).toContain(`<@${ADMIN}>`);
    const linkedLines = a.logs
      .lines()
      .concat(b.logs.lines())
      .filter((line) => line?.msg === 'Verification finished');
    expect(linkedLines).toHaveLength(1);
  });
});
