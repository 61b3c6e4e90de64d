import { describe, expect, it } from 'vitest';
import type { RunningBot } from '../support/bot.js';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import type { FakeGreenhouse } from '../support/fakeGreenhouse.js';
import { expectNoneOf } from '../support/guards.js';
import { expectReceiverTrafficClean, wintroSecrets } from '../support/handoverGuards.js';
import { buttonsOf, eventually, type Journey, settle, textOf } from '../support/journey.js';
import { submitAndExpectLinked, walkToCredentials, walkToStep } from '../support/linking.js';
import { CLUSTER_URLS, clusterClient, deleteClusterKeys, dumpCluster } from '../support/redisCluster.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver.js';

/**
 * The main journeys with the bot on a three-node Redis Cluster (REDIS_CLUSTER_URLS) instead of one
 * Redis: linking, a restart, two instances, reminders and the hand-over outbox. The frame's guards
 * run as in every e2e file; the secret scan reads the Cluster, every master, as well.
 */
const ACCOUNT = greenhouseAccount('gh-secret-Cluster3Mq8Wn7Eb6Rv5Tc4Yx');
const TYPED = { client_id: ACCOUNT.clientId, client_secret: ACCOUNT.secret, user_id: ACCOUNT.userId };
const PREREQUISITE = 'Can manage ALL organization';
const TEAM = 'T0ACME';
const ADMIN = 'U0ADMIN';
const ON_THE_CLUSTER = { REDIS_URL: undefined, REDIS_CLUSTER_URLS: CLUSTER_URLS };

const greenhouse = greenhouseSetup(ACCOUNT);
const prefixes = new Set<string>();
let secrets: string[] = [];

const e2e = useE2e<{ greenhouse: FakeGreenhouse; wintro: WebhookReceiver }>({
  ...greenhouse,
  bootEach: false,
  vendors: async () => ({ ...(await greenhouse.vendors?.()), wintro: await startWebhookReceiver() }) as never,
  reset: (vendors) => {
    greenhouse.reset?.(vendors as never);
    vendors.wintro.reset();
  },
  env: (vendors) => ({ ...greenhouse.env?.(vendors as never), ...ON_THE_CLUSTER }),
  secrets: (vendors) => {
    secrets = [...(greenhouse.secrets?.(vendors as never) ?? []), ...wintroSecrets(vendors.wintro)];
    return secrets;
  },
  after: async ({ wintro }) => {
    expectReceiverTrafficClean(wintro, [ACCOUNT.secret]);
    for (const prefix of prefixes) {
      expectNoneOf([await dumpCluster(prefix)], secrets);
      await deleteClusterKeys(prefix);
    }
    prefixes.clear();
  },
});
const { vendors, acks } = e2e;
const options = { prerequisite: PREREQUISITE, acks };

async function boot(env: Record<string, string> = {}, share?: RunningBot) {
  const bot = await e2e.boot(env, share);
  prefixes.add(bot.keyPrefix);
  return bot;
}

async function stored(bot: RunningBot, key: 'conns' | 'outbox') {
  const redis = clusterClient();
  try {
    return await redis.hgetall(`${bot.keyPrefix}:{${TEAM}}:${key}`);
  } finally {
    redis.disconnect();
  }
}

const dmsTo = (userId: string) =>
  e2e.slack.callsTo('chat.postMessage').filter((call) => call.channel === `D${userId}`);
const notices = () =>
  e2e.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0NOTIFY');

describe('on a Redis Cluster', () => {
  it('links Greenhouse: the connection is stored sealed on the Cluster and the channel is told once', async () => {
    const bot = await boot();
    const journey = e2e.journey(ADMIN, TEAM, bot);
    const form = await walkToCredentials(journey, 'greenhouse', options);
    await submitAndExpectLinked(journey, form, TYPED, { system: 'Greenhouse', acks });
    const connections = await stored(bot, 'conns');
    expect(Object.keys(connections)).toEqual(['greenhouse']);
    expect(connections.greenhouse).not.toContain(ACCOUNT.secret);
    const status = await journey.command('status');
    acks.push(status.body);
    expect(textOf(status.body.blocks)).toMatch(/Greenhouse\*: linked by <@U0ADMIN>/);
    await settle(200);
    expect(notices()).toHaveLength(1);
    const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(health.status).toBe(200);
  });

  it('continues after a restart, from the same step', async () => {
    const first = await boot();
    const journey = e2e.journey(ADMIN, TEAM, first);
    await walkToStep(journey, 'greenhouse', PREREQUISITE, 2);
    const next = journey.button('flow.next');
    const restarted = await e2e.restart({}, first);
    const again = e2e.journey(ADMIN, TEAM, restarted);
    await again.click('flow.next', { button: next });
    await again.waitForMessage((text) => text.includes('Step 3 of 6'));
    const status = await again.command('status');
    acks.push(status.body);
    expect(textOf(status.body.blocks)).toContain('step 3 of 6');
  });

  it('walks a setup with every request going to the other of two instances', async () => {
    const a = await boot();
    const b = await boot({}, a);
    const via = [e2e.journey(ADMIN, TEAM, a), e2e.journey(ADMIN, TEAM, b)] as const;
    let turn = 0;
    const next = (): Journey => via[turn++ % 2] as Journey;
    const reply = await next().command('link greenhouse');
    acks.push(reply.body);
    await via[0].waitForMessage((text) => text.includes(PREREQUISITE));
    await next().click('flow.begin');
    await via[0].waitForMessage((text) => text.includes('Step 1 of 6'));
    for (let step = 2; step <= 6; step++) {
      await next().click('flow.next');
      await via[0].waitForMessage((text) => text.includes(`Step ${step} of 6`));
    }
    await next().click('flow.credentials');
    const opened = await e2e.slack.waitFor((call) => call.method === 'views.open');
    const submitted = await next().submit('V0FORM', opened.args.view.private_metadata, TYPED);
    acks.push(submitted.body);
    expect(submitted.body.response_action).toBe('update');
    await via[0].waitForMessage((text) => text.includes('Greenhouse is linked'));
    for (const journey of via) {
      const status = await journey.command('status');
      acks.push(status.body);
      expect(textOf(status.body.blocks)).toMatch(/Greenhouse\*: linked by <@U0ADMIN>/);
    }
    await settle(200);
    expect(notices()).toHaveLength(1);
  });

  it('reminds the holder of an idle setup exactly once, with two instances on the Cluster', async () => {
    const env = { WINTRO_REMINDER_AFTER_SECONDS: '1', WINTRO_REMINDER_MAX: '1' };
    const first = await boot(env);
    await boot(env, first);
    const admin = e2e.journey(ADMIN, TEAM, first);
    await admin.command('link greenhouse');
    await admin.waitForMessage((text) => text.includes(PREREQUISITE));
    const reminder = await e2e.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.channel === `D${ADMIN}` &&
        call.args.text.includes('is waiting'),
      8000,
    );
    await settle(2500);
    expect(dmsTo(ADMIN).filter((call) => call.args.text.includes('is waiting'))).toHaveLength(1);
    const resume = buttonsOf(reminder.args.blocks).find((button) => button.action_id === 'flow.resume');
    await admin.click('flow.resume', { button: resume });
    await eventually(() =>
      expect(dmsTo(ADMIN).filter((call) => call.args.text.includes('first, check'))).toHaveLength(2),
    );
  });

  it('hands the linked connection to Wintro through the outbox, retried after a 503, under one id', async () => {
    const { wintro } = vendors;
    wintro.answer(503);
    const bot = await boot(wintro.env());
    const journey = e2e.journey(ADMIN, TEAM, bot);
    const form = await walkToCredentials(journey, 'greenhouse', options);
    await submitAndExpectLinked(journey, form, TYPED, { system: 'Greenhouse', acks });
    const hooks = await wintro.waitFor(2);
    await journey.waitForMessage((text) => text.includes('Wintro has it'));
    expect(hooks.map((hook) => hook.answered)).toEqual([503, 200]);
    expect(new Set(hooks.map((hook) => hook.id))).toEqual(new Set([`evt_${form.flowId}`]));
    expect(wintro.delivered()).toHaveLength(1);
    const { credentials } = await wintro.decrypt(wintro.delivered()[0] as never);
    expect(credentials).toEqual(TYPED);
    await eventually(async () => expect(await stored(bot, 'outbox')).toEqual({}));
  });
});
