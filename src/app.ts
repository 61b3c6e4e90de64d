import type { Server } from 'node:http';
import type { App, Receiver } from '@slack/bolt';
import type { FetchFunction } from '@slack/web-api';
import type { Redis } from 'ioredis';
import type { DestinationStream } from 'pino';
import type { Config } from './config.js';
import { LinkerPolicy } from './connections/linkers.js';
import { RECHECKS_PER_VENDOR, Rechecks, recheckSweepMs } from './connections/recheck.js';
import { RecheckDue } from './connections/recheckDue.js';
import { CredentialChecks } from './flows/credentialChecks.js';
import type { FlowDeps } from './flows/deps.js';
import { HomeTabs } from './flows/homeTab.js';
import { watchForCutOffChecks } from './flows/staleChecks.js';
import { installedWorkspaces, singleWorkspace } from './installations/workspaces.js';
import { RedisPersonLanguages } from './languages/redisPersonLanguages.js';
import { registerListeners } from './listeners/index.js';
import { createLogger, type Logger } from './logger.js';
import { timeAcknowledgements } from './metrics/ackTiming.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import { runReminder } from './reminders/reminders.js';
import { slackGatewayFor } from './slack/gateway.js';
import { rejectedRequests } from './slack/rejectedRequests.js';
import { httpRoutes } from './startup/routes.js';
import { buildSlackApp, slackClientOptions, verifyBotToken } from './startup/slackApp.js';
import { openStores, type Stores } from './startup/stores.js';
import { type Catalogs, createCatalogs } from './systems/catalog.js';
import { createVendorHttp, type VendorHttp } from './vendors/http.js';

export interface AppOptions {
  /** Where logs go (stdout by default). */
  logDestination?: DestinationStream;
  /** Redis key prefix, so several deployments or test runs can share one Redis. */
  keyPrefix?: string;
  catalogs?: Catalogs;
  now?: () => number;
  /** Receives Slack's requests instead of the HTTP or Socket Mode receiver (service tests). */
  receiver?: Receiver;
  /** Carries every Slack Web API call instead of the network (service tests, tools). */
  slackFetch?: FetchFunction;
  /** Carries every vendor API call instead of the network (service tests). */
  vendorHttp?: VendorHttp;
}

export interface WintroApp {
  app: App;
  redis: Redis;
  logger: Logger;
  /** This instance's metrics (what `GET /metrics` serves). */
  metrics: Metrics;
  /** Starts listening; resolves with the HTTP port (HTTP mode, Socket Mode's health port) or undefined. */
  start(): Promise<number | undefined>;
  /**
   * Re-checks every linked connection that is due now (as the periodic sweep does), unless another
   * instance is sweeping; resolves with how many were looked at. For tools and tests.
   */
  sweepRechecks(): Promise<number>;
  /** Stops taking requests, lets running checks finish (bounded), closes Redis. */
  stop(): Promise<void>;
}

/** The composition root: config → stores → Slack app → flows → listeners → start and stop. */
export async function createWintroApp(config: Config, options: AppOptions = {}): Promise<WintroApp> {
  const logger = createLogger(config.logLevel, options.logDestination);
  // One workspace: its token is checked before anything starts. Many: each brings its own.
  const identity = config.slack.oauth ? undefined : await verifyBotToken(config, options.slackFetch);
  const stores = await openStores(config, logger, options.keyPrefix);
  const deps = flowDeps(config, stores, logger, options);
  const app = buildSlackApp(config, {
    identity,
    installations: stores.installations,
    oauthStates: stores.oauthStates,
    logger,
    routes: httpRoutes(stores.redis, deps, config.metricsToken),
    ...options,
  });
  timeAcknowledgements(app, deps.metrics);
  registerListeners(app, deps);
  // Requests reach the bot's listeners through one middleware (listeners/router.ts), so Bolt has
  // no listeners of its own whose errors it would wrap together: each error is one.
  app.error(async (error) => {
    logger.error({ error: error.message, code: error.code }, 'Unhandled error in a listener');
  });
  return lifecycle(config, { app, deps, stores, logger, customReceiver: Boolean(options.receiver) });
}

function flowDeps(config: Config, stores: Stores, logger: Logger, options: AppOptions): FlowDeps {
  // Single-workspace mode: the one token. Multi-workspace mode: a client without a token; handlers
  // and jobs get their workspace's through forWorkspace().
  const clientOptions = slackClientOptions(config, options.slackFetch);
  const slack = slackGatewayFor(config.slack.botToken, clientOptions);
  const workspaces = stores.installations
    ? installedWorkspaces(stores.installations, clientOptions)
    : singleWorkspace(slack);
  const catalogs = options.catalogs ?? createCatalogs(config.systems);
  const catalog = catalogs.any;
  const systemIds = [...catalog.systems, ...catalog.families].map(({ id }) => id);
  const now = options.now ?? Date.now;
  return {
    ...stores,
    workspaces,
    languages: new RedisPersonLanguages({
      redis: stores.redis,
      keys: stores.keys,
      teamSettings: stores.teamSettings,
      slackFor: (teamId) => workspaces.slackFor(teamId),
      now,
      logger,
    }),
    catalogs,
    slack,
    linkers: new LinkerPolicy(stores.redis, stores.keys, config.linkers),
    homes: new HomeTabs(),
    checks: new CredentialChecks(),
    rechecks: new Rechecks(new RecheckDue(stores.redis, stores.keys), {
      everyMs: config.reverifyEveryMs,
      warningMs: config.reminders.expiryWarningMs,
      sweepMs: recheckSweepMs(config.reverifyEveryMs),
      perVendor: RECHECKS_PER_VENDOR,
    }),
    verifyContext: {
      http: options.vendorHttp ?? createVendorHttp({ timeoutMs: config.vendorTimeoutMs }),
      logger,
    },
    settings: {
      notifyChannel: config.notifyChannel,
      screenshotBaseUrl: config.screenshotBaseUrl,
      flowTtlSeconds: config.flowTtlSeconds,
      checkDeadlineMs: checkDeadlineMs(config.vendorTimeoutMs),
      reminders: config.reminders,
    },
    accountOf: (teamId) => workspaces.accountOf(teamId),
    logger,
    metrics: createMetrics({
      systemIds,
      guideSteps: Object.fromEntries(catalog.systems.map(({ id, steps }) => [id, steps.length])),
      familyIds: catalog.families.map(({ id }) => id),
      rejectedRequests: () => rejectedRequests.reasons(),
    }),
    now,
  };
}

/**
 * The longest a credential check can take: Workable's makes the most calls one after the other (jobs,
 * candidates and up to four pages of recruiters), each with WINTRO_VENDOR_TIMEOUT_MS, plus a margin.
 */
const SLOWEST_CHECK_CALLS = 6;
const checkDeadlineMs = (vendorTimeoutMs: number) =>
  SLOWEST_CHECK_CALLS * vendorTimeoutMs + Math.max(1000, vendorTimeoutMs);

interface Running {
  app: App;
  deps: FlowDeps;
  stores: Stores;
  logger: Logger;
  customReceiver: boolean;
}

function lifecycle(config: Config, { app, deps, stores, logger, customReceiver }: Running): WintroApp {
  let stopped = false;
  let cutOffChecks: { stop(): void } | undefined;
  return {
    app,
    redis: stores.redis,
    logger,
    metrics: deps.metrics,
    sweepRechecks: () => deps.rechecks.sweep(deps),
    async start() {
      stores.scheduler.start((job) => runReminder(deps, job));
      stores.handover.start(deps, logger);
      deps.rechecks.start(deps);
      cutOffChecks = watchForCutOffChecks(deps);
      if (customReceiver) {
        await app.start();
        return undefined;
      }
      if (config.slack.appToken) {
        await app.start();
        logger.info({ mode: 'socket', healthPort: config.port }, 'Wintro bot is running');
        return config.port;
      }
      const server = (await app.start(config.port)) as Server;
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      logger.info({ mode: 'http', port }, 'Wintro bot is running');
      return port;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      logger.info('Shutting down: finishing running checks');
      await app.stop().catch(() => undefined);
      cutOffChecks?.stop();
      deps.homes.close();
      await deps.checks.drain(deps, config.shutdownGraceMs);
      await stores.scheduler.close().catch(() => undefined);
      await deps.rechecks.close().catch(() => undefined);
      await stores.handover.close().catch(() => undefined);
      await stores.redis.quit().catch(() => stores.redis.disconnect());
      logger.info('Stopped');
    },
  };
}
