/**
 * The frame of an end-to-end test file: the fake Slack and the file's fake vendors started once,
 * a bot booted for each test (over HTTP, on real Redis), and after each test the guards every e2e
 * test ends with: nothing the bot sent broke Slack's limits, no secret leaked into the logs, any
 * Slack call or ack, or Redis; then the test's keys are deleted.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type BootOptions, bootBot, deleteKeys, type RunningBot } from './bot.js';
import { type FakeGreenhouse, type GreenhouseAccount, startFakeGreenhouse } from './fakeGreenhouse.js';
import { type FakeSlackServer, startFakeSlack } from './fakeSlack.js';
import { expectNoSecretLeaks, expectWithinSlackLimits } from './guards.js';
import { Journey } from './journey.js';

type Env = Record<string, string | undefined>;
type BotOptions = Partial<Pick<BootOptions, 'logs' | 'keyPrefix' | 'encryptionKey'>>;

export interface E2eSetup<V extends Record<string, { close(): Promise<void> }>> {
  /** Starts the file's fake vendors, once (into `vendors`, the same object throughout). */
  vendors?: () => Promise<V>;
  /** Before each test: the vendors back to the file's starting state. */
  reset?: (vendors: V) => void;
  /** What the bot is told about the vendors (their URLs, operator settings). */
  env?: (vendors: V) => Env;
  /** Secrets that must appear nowhere, read after each test (tokens the vendors issued, too). */
  secrets?: (vendors: V) => string[];
  /** Boot a bot before each test (default); false for files that boot their own. */
  bootEach?: boolean;
  /** More checks after the guards, before the keys are deleted. */
  after?: (vendors: V) => void | Promise<void>;
}

export interface E2e<V> {
  slack: FakeSlackServer;
  vendors: V;
  /** Every ack a test collects, for the Slack-limit guard. */
  acks: unknown[];
  /** The bot booted last. */
  running: RunningBot;
  /** Every bot booted in this test, in order. */
  bots: RunningBot[];
  /** Boots another bot (with the file's vendor env and these overrides); `share` shares its Redis state. */
  boot(env?: Env, share?: RunningBot, options?: BotOptions): Promise<RunningBot>;
  /** Stops the running bot and boots another in its place. */
  restart(env?: Env, share?: RunningBot): Promise<RunningBot>;
  /** A person's DM with the bot (by default the admin of T0ACME, through the running bot). */
  journey(userId?: string, teamId?: string, bot?: RunningBot): Journey;
}

export function useE2e<V extends Record<string, { close(): Promise<void> }> = Record<string, never>>(
  setup: E2eSetup<V> = {},
): E2e<V> {
  const context = { acks: [] as unknown[], vendors: {} as V, bots: [] as RunningBot[] } as E2e<V>;
  context.boot = async (env = {}, share, options = {}) => {
    const bot = await bootBot({
      slack: context.slack,
      env: { ...setup.env?.(context.vendors), ...env },
      ...(share ? { keyPrefix: share.keyPrefix, encryptionKey: share.encryptionKey } : {}),
      ...options,
    });
    context.bots.push(bot);
    context.running = bot;
    return bot;
  };
  context.restart = async (env, share) => {
    await context.running.stop();
    return context.boot(env, share);
  };
  context.journey = (userId = 'U0ADMIN', teamId = 'T0ACME', bot = context.running) =>
    new Journey(context.slack, bot.sender, teamId, userId);

  beforeAll(async () => {
    context.slack = await startFakeSlack();
    if (setup.vendors) Object.assign(context.vendors, await setup.vendors());
  });
  afterAll(async () => {
    await context.slack.close();
    for (const vendor of Object.values(context.vendors)) await vendor.close();
  });
  beforeEach(async () => {
    context.slack.reset();
    setup.reset?.(context.vendors);
    context.acks.length = 0;
    if (setup.bootEach !== false) await context.boot();
  });
  afterEach(async () => {
    const stopped = context.bots;
    context.bots = [];
    // Nothing the bot sent may break Slack's limits, and no secret may leak anywhere.
    expectWithinSlackLimits(context.slack, context.acks);
    for (const bot of stopped) await bot.stop();
    await expectNoSecretLeaks({
      bots: stopped,
      slack: context.slack,
      acks: context.acks,
      secrets: setup.secrets?.(context.vendors) ?? [],
    });
    await setup.after?.(context.vendors);
    for (const prefix of new Set(stopped.map((bot) => bot.keyPrefix))) await deleteKeys(prefix);
  });
  return context;
}

/** The Greenhouse account most e2e files link; each file gives its own secret, to tell leaks apart. */
export const greenhouseAccount = (secret: string): GreenhouseAccount => ({
  clientId: 'a1b2c3d4e5f6-7',
  secret,
  userId: '12345',
});

/** The most common frame: a fake Greenhouse holding one account, its secret and tokens guarded. */
export function greenhouseSetup(account: GreenhouseAccount): E2eSetup<{ greenhouse: FakeGreenhouse }> {
  return {
    vendors: async () => ({ greenhouse: await startFakeGreenhouse() }),
    reset: ({ greenhouse }) => greenhouse.reset(account),
    env: ({ greenhouse }) => ({ GREENHOUSE_AUTH_URL: greenhouse.url, GREENHOUSE_API_URL: greenhouse.url }),
    secrets: ({ greenhouse }) => [account.secret, ...greenhouse.issuedTokens],
  };
}
