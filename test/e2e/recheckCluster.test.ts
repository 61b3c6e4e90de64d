import { describe, expect, it } from 'vitest';
import type { RunningBot } from '../support/bot.js';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import type { FakeGreenhouse } from '../support/fakeGreenhouse.js';
import { expectNoneOf } from '../support/guards.js';
import { eventually, settle } from '../support/journey.js';
import { submitAndExpectLinked, walkToCredentials } from '../support/linking.js';
import { CLUSTER_URLS, clusterClient, deleteClusterKeys, dumpCluster } from '../support/redisCluster.js';

/** The re-check on a three-node Redis Cluster: the due set and its lock in one slot, each check once. */
const ACCOUNT = greenhouseAccount('gh-secret-RecheckCluster7Hn6Jm5Kp4');
const TEAM = 'T0ACME';
const ADMIN = 'U0ADMIN';
const greenhouse = greenhouseSetup(ACCOUNT);
const prefixes = new Set<string>();
let secrets: string[] = [];

const e2e = useE2e<{ greenhouse: FakeGreenhouse }>({
  ...greenhouse,
  bootEach: false,
  env: (vendors) => ({
    ...greenhouse.env?.(vendors),
    REDIS_URL: undefined,
    REDIS_CLUSTER_URLS: CLUSTER_URLS,
  }),
  secrets: (vendors) => {
    secrets = greenhouse.secrets?.(vendors) ?? [];
    return secrets;
  },
  after: async () => {
    for (const prefix of prefixes) {
      expectNoneOf([await dumpCluster(prefix)], secrets);
      await deleteClusterKeys(prefix);
    }
    prefixes.clear();
  },
});
const { vendors, acks } = e2e;

async function boot(share?: RunningBot) {
  const bot = await e2e.boot({}, share);
  prefixes.add(bot.keyPrefix);
  return bot;
}

async function onCluster<T>(work: (redis: ReturnType<typeof clusterClient>) => Promise<T>): Promise<T> {
  const redis = clusterClient();
  try {
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

const brokenDms = () =>
  e2e.slack
    .callsTo('chat.postMessage')
    .filter((call) => call.channel === `D${ADMIN}` && String(call.args.text).includes('stopped working'));

describe('re-checks on a Redis Cluster', () => {
  it('checks a revoked connection once across two instances and marks it broken', async () => {
    const first = await boot();
    const admin = e2e.journey(ADMIN, TEAM, first);
    const form = await walkToCredentials(admin, 'greenhouse', {
      prerequisite: 'Can manage ALL organization',
      acks,
    });
    await submitAndExpectLinked(
      admin,
      form,
      { client_id: ACCOUNT.clientId, client_secret: ACCOUNT.secret, user_id: ACCOUNT.userId },
      { system: 'Greenhouse', acks },
    );
    const due = `${first.keyPrefix}:{rechecks}:due`;
    await eventually(async () =>
      expect(await onCluster((redis) => redis.zscore(due, `${TEAM}|greenhouse`))).not.toBeNull(),
    );
    const second = await boot(first);
    vendors.greenhouse.clients.delete(ACCOUNT.clientId);
    const tokens = () => vendors.greenhouse.requests.filter((request) => request.path === '/token').length;
    const before = tokens();
    await onCluster((redis) => redis.zadd(due, 0, `${TEAM}|greenhouse`));
    await Promise.all([first.bot.sweepRechecks(), second.bot.sweepRechecks()]);
    await eventually(() => expect(brokenDms()).toHaveLength(1));
    await settle(500);
    expect(tokens()).toBe(before + 1);
    const health = await onCluster(async (redis) =>
      JSON.parse((await redis.hget(`${first.keyPrefix}:{${TEAM}}:conns`, 'greenhouse')) ?? '{}'),
    );
    expect(health.health).toMatchObject({ state: 'broken', failure: { code: 'invalid_client' } });
    // Scheduled again for the next interval, not left leased.
    const next = Number(await onCluster((redis) => redis.zscore(due, `${TEAM}|greenhouse`)));
    expect(next).toBeGreaterThan(Date.now() + 3600_000);
  });
});
