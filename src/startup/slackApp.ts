import type { AuthorizeResult, CustomRoute, Receiver } from '@slack/bolt';
import type { StateStore } from '@slack/oauth';
import { type FetchFunction, WebClient, type WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.js';
import type { RedisInstallationStore } from '../installations/installationStore.js';
import { answerInstallLink, INSTALL_PATH, oauthReceiverOptions } from '../installations/oauth.js';
import type { Logger } from '../logger.js';
import { DEFAULT_LANGUAGE, translator } from '../messages/index.js';
import { App, LogLevel } from '../slack/bolt.js';
import { boltLogger } from '../slack/boltLogger.js';
import { describeSlackFailure, slackErrorCode } from '../slack/gateway.js';
import { createHttpReceiver } from '../slack/httpReceiver.js';
import { createSlackFetch } from '../slack/slackFetch.js';

export interface BotIdentity {
  botId: string;
  botUserId: string;
}

export interface SlackAppOptions {
  logger: Logger;
  /** Routes served beside Slack's (see startup/routes.ts). */
  routes: CustomRoute[];
  /** Single-workspace mode: who the bot token belongs to (checked at start). */
  identity?: BotIdentity;
  /** Multi-workspace mode: where installations are kept, and the OAuth states that work once. */
  installations?: RedisInstallationStore;
  oauthStates?: StateStore;
  /** Receives Slack's requests instead of the HTTP or Socket Mode receiver. */
  receiver?: Receiver;
  /** Carries every Web API call instead of the network. */
  slackFetch?: FetchFunction;
}

const CLIENT_RETRIES = { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 };

/** One transport for every Slack client of the process, and its connections (see slackFetch.ts). */
let processSlackFetch: FetchFunction | undefined;
const slackTransport = () => {
  processSlackFetch ??= createSlackFetch();
  return processSlackFetch;
};

/** How every Web API client of the bot (and Bolt's `respond`) talks to Slack. */
export function slackClientOptions(config: Config, fetch?: FetchFunction): WebClientOptions {
  return {
    slackApiUrl: config.slack.apiUrl,
    fetch: fetch ?? slackTransport(),
    // A few quick retries, then the person is told; the SDK's default would retry for half an hour.
    retryConfig: CLIENT_RETRIES,
    timeout: 5000,
    // Rate limits are waited out in the gateway when short, and reported to the person when long.
    rejectRateLimitedCalls: true,
  };
}

/**
 * Asks Slack who the token belongs to. Bolt would do it in the background and crash the process
 * on an unhandled rejection if Slack refused the token; here a wrong token or an unreachable
 * Slack stops the start with the reason.
 */
export async function verifyBotToken(config: Config, fetch?: FetchFunction): Promise<BotIdentity> {
  const client = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    fetch: fetch ?? slackTransport(),
    retryConfig: CLIENT_RETRIES,
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
        : `Could not reach Slack at ${config.slack.apiUrl} (${describeSlackFailure(translator(DEFAULT_LANGUAGE), error)}) Check the network and SLACK_API_URL.`,
    );
  }
}

/**
 * Multi-workspace mode: Bolt's HTTP receiver with its OAuth installer, the install links checked
 * first. A request from a workspace that has no installation is marked `notInstalled` (instead of
 * Bolt dropping it unanswered), so the person is told.
 */
function installingReceiver(
  config: Config,
  options: SlackAppOptions,
  store: RedisInstallationStore,
): Receiver {
  const { oauth } = config.slack;
  const stateStore = options.oauthStates;
  if (!oauth || !stateStore) throw new Error('Multi-workspace mode needs the OAuth settings');
  const logger = boltLogger(options.logger);
  const receiver = createHttpReceiver(
    {
      signingSecret: config.slack.signingSecret as string,
      customRoutes: options.routes,
      logger,
      ...oauthReceiverOptions({
        ...oauth,
        apiUrl: config.slack.apiUrl,
        clientOptions: slackClientOptions(config, options.slackFetch),
        store,
        stateStore,
        logger: options.logger,
      }),
    },
    {
      path: INSTALL_PATH,
      answer: (req, res, installer) => answerInstallLink(req, res, installer, oauth.installSecret),
    },
  );
  const installer = receiver.installer;
  if (installer) {
    const authorize = installer.authorize;
    installer.authorize = async (source) => {
      try {
        return await authorize(source);
      } catch (error) {
        const known = source.teamId ? await store.summary(source.teamId) : undefined;
        if (known || source.isEnterpriseInstall) throw error;
        const notInstalled: AuthorizeResult = { notInstalled: true };
        return notInstalled;
      }
    };
  }
  return receiver;
}

/** The Bolt app: HTTP (signed requests on /slack/events), Socket Mode, or a receiver given by the caller. */
export function buildSlackApp(config: Config, options: SlackAppOptions): App {
  const boltLog = boltLogger(options.logger);
  const clientOptions = slackClientOptions(config, options.slackFetch);
  if (options.installations) {
    return new App({
      receiver: options.receiver ?? installingReceiver(config, options, options.installations),
      logger: boltLog,
      clientOptions,
    });
  }
  const receiving = options.receiver
    ? { receiver: options.receiver }
    : config.slack.appToken
      ? {
          socketMode: true,
          appToken: config.slack.appToken,
          port: config.port,
          customRoutes: options.routes,
          // The Socket Mode connection is opened through its own Web API client.
          installerOptions: { clientOptions: { slackApiUrl: config.slack.apiUrl } },
        }
      : {
          receiver: createHttpReceiver({
            signingSecret: config.slack.signingSecret as string,
            customRoutes: options.routes,
            logger: boltLog,
          }),
        };
  return new App({
    token: config.slack.botToken,
    // Known already (checked at start), so Bolt does not ask again.
    botId: options.identity?.botId,
    botUserId: options.identity?.botUserId,
    ...receiving,
    logger: boltLog,
    clientOptions,
  });
}
