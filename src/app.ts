import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { App, type CustomRoute, LogLevel, type Receiver } from '@slack/bolt';
import { type FetchFunction, WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import type { DestinationStream } from 'pino';
import type { Config } from './config.js';
import { CredentialsDesk } from './flows/credentialsDesk.js';
import { FlowEngine } from './flows/flowEngine.js';
import { HandoverDesk } from './flows/handoverDesk.js';
import { LinkingService } from './flows/linkingService.js';
import { registerListeners } from './listeners/index.js';
import { createLogger, type Logger } from './logger.js';
import { ReminderDesk } from './reminders/reminderDesk.js';
import { createBullScheduler, createTimerScheduler } from './reminders/scheduler.js';
import { boltLogger } from './slack/boltLogger.js';
import { createSlackGateway, describeSlackFailure, slackErrorCode } from './slack/gateway.js';
import { createHttpReceiver } from './slack/httpReceiver.js';
import { ConnectionStore } from './store/connectionStore.js';
import { FlowStore } from './store/flowStore.js';
import { HelperSuggestions } from './store/helperSuggestions.js';
import { keyScheme } from './store/keys.js';
import { OnceGuard } from './store/once.js';
import { connectRedis } from './store/redis.js';
import { createSealer } from './store/sealing.js';
import { type Catalog, createCatalog, defaultSystems } from './systems/catalog.js';
import { createVendorHttp, type VendorHttp } from './vendors/http.js';

export interface AppOptions {
  /** Where logs go (stdout by default). */
  logDestination?: DestinationStream;
  /** Redis key prefix, so several deployments or test runs can share one Redis. */
  keyPrefix?: string;
  catalog?: Catalog;
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
  /** Starts listening; resolves with the HTTP port (HTTP mode) or undefined (Socket Mode without routes). */
  start(): Promise<number | undefined>;
  /** Stops taking requests, lets running checks finish (bounded), closes Redis. */
  stop(): Promise<void>;
}

export async function createWintroApp(config: Config, options: AppOptions = {}): Promise<WintroApp> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const identity = await verifyBotToken(config, options.slackFetch);
  const now = options.now ?? Date.now;
  const redis = await connectRedis(config.redisUrl, logger);
  let encryptionKey = config.encryptionKey;
  if (!encryptionKey) {
    logger.warn(
      'WINTRO_ENCRYPTION_KEY is not set: using a throwaway key. Stored connections cannot be read after a restart.',
    );
    encryptionKey = randomBytes(32);
  }

  const keys = keyScheme(options.keyPrefix);
  const flows = new FlowStore(redis, keys, config.flowTtlSeconds);
  const connections = new ConnectionStore(
    redis,
    keys,
    createSealer(encryptionKey, config.previousEncryptionKeys),
  );
  const once = new OnceGuard(redis, keys);
  const catalog = options.catalog ?? createCatalog(defaultSystems(config.systems));

  const socketMode = Boolean(config.slack.appToken);
  const boltLog = boltLogger(logger);
  const customRoutes: CustomRoute[] = [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        redis
          .ping()
          .then(() => ({ status: 200, body: { ok: true, redis: 'up' } }))
          .catch(() => ({ status: 503, body: { ok: false, redis: 'down' } }))
          .then(({ status, body }) => {
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(body));
          });
      },
    },
  ];
  const app = new App({
    token: config.slack.botToken,
    // Known already (checked above), so Bolt does not ask again.
    botId: identity.botId,
    botUserId: identity.botUserId,
    ...(options.receiver
      ? { receiver: options.receiver }
      : socketMode
        ? {
            socketMode: true,
            appToken: config.slack.appToken,
            port: config.port,
            customRoutes,
            // The Socket Mode connection is opened through its own Web API client.
            installerOptions: { clientOptions: { slackApiUrl: config.slack.apiUrl } },
          }
        : {
            receiver: createHttpReceiver({
              signingSecret: config.slack.signingSecret as string,
              customRoutes,
              logger: boltLog,
            }),
          }),
    logger: boltLog,
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      ...(options.slackFetch ? { fetch: options.slackFetch } : {}),
      // A few quick retries, then the person is told; the SDK's default would retry for half an hour.
      retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 },
      timeout: 5000,
      // Rate limits are waited out in the gateway when short, and reported to the person when long.
      rejectRateLimitedCalls: true,
    },
  });

  const slack = createSlackGateway(app.client);
  const engine = new FlowEngine({
    flows,
    catalog,
    slack,
    logger,
    screenshotBaseUrl: config.screenshotBaseUrl,
    now,
  });
  const desk = new CredentialsDesk({
    flows,
    connections,
    once,
    catalog,
    slack,
    engine,
    verifyContext: {
      http: options.vendorHttp ?? createVendorHttp({ timeoutMs: config.vendorTimeoutMs }),
      urls: config.vendors,
    },
    notifyChannel: config.notifyChannel,
    watchExpiry: (flow, systemId, expiresAt) => reminders.watchExpiry(flow, systemId, expiresAt),
    logger,
    now,
  });
  const suggestions = new HelperSuggestions(redis, keys);
  const scheduler = config.redisUrl
    ? createBullScheduler(config.redisUrl, `${keys.prefix}:{reminders}`, logger)
    : createTimerScheduler(logger);
  const handover = new HandoverDesk({
    flows,
    catalog,
    slack,
    engine,
    once,
    suggestions,
    scheduler,
    nudgeAfterMs: config.reminders.nudgeMs,
    logger,
    now,
  });
  const reminders = new ReminderDesk({
    flows,
    connections,
    catalog,
    slack,
    once,
    handover,
    scheduler,
    settings: config.reminders,
    logger,
    now,
  });
  const service = new LinkingService({
    flows,
    connections,
    once,
    catalog,
    slack,
    engine,
    desk,
    handover,
    watch: (teamId, flowId) => reminders.watch(teamId, flowId),
    logger,
    flowTtlSeconds: config.flowTtlSeconds,
    now,
  });
  registerListeners(app, { service, desk, handover, once, slack, logger });
  app.error(async (error) => {
    logger.error({ error: error.message, code: error.code }, 'Unhandled error in a listener');
  });

  let stopped = false;
  return {
    app,
    redis,
    logger,
    async start() {
      scheduler.start((job) => reminders.handle(job));
      if (options.receiver) {
        await app.start();
        logger.info({ mode: 'custom receiver' }, 'Wintro bot is running');
        return undefined;
      }
      if (socketMode) {
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
      await desk.drain(config.shutdownGraceMs);
      await scheduler.close().catch(() => undefined);
      await redis.quit().catch(() => redis.disconnect());
      logger.info('Stopped');
    },
  };
}

/**
 * Asks Slack who the token belongs to. Bolt would do it in the background and crash the process
 * on an unhandled rejection if Slack refused the token; here a wrong token or an unreachable
 * Slack stops the start with the reason.
 */
async function verifyBotToken(
  config: Config,
  fetch?: FetchFunction,
): Promise<{ botId: string; botUserId: string }> {
  const client = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    ...(fetch ? { fetch } : {}),
    retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 },
    timeout: 5000,
    logLevel: LogLevel.ERROR,
  });
  try {
    const result = await client.auth.test();
    return { botId: result.bot_id ?? '', botUserId: result.user_id ?? '' };
  } catch (error) {
    const code = slackErrorCode(error);
    throw new Error(
      code
        ? `Slack did not accept SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token from the app's OAuth & Permissions page.`
        : `Could not reach Slack at ${config.slack.apiUrl} (${describeSlackFailure(error)}) Check the network and SLACK_API_URL.`,
    );
  }
}
