import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiverOptions, Installation } from '@slack/bolt';
import { type CodedError, ErrorCode, type InstallProvider, type StateStore } from '@slack/oauth';
import type { WebClientOptions } from '@slack/web-api';
import { renderWelcome } from '../blocks/welcome.js';
import { languageOfLocale } from '../languages/locale.js';
import type { Logger } from '../logger.js';
import { browserLanguage } from '../messages/browserLanguage.js';
import { type Language, translator } from '../messages/index.js';
import { slackGatewayFor } from '../slack/gateway.js';
import type { RedisInstallationStore } from './installationStore.js';
import { readInstallLink } from './installLink.js';
import { type InstallFailure, renderInstallFailure, renderInstallSuccess } from './pages.js';
import { BOT_SCOPES } from './scopes.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installSecret: string;
  /** Slack's Web API base (`oauth.v2.access` goes there); the authorize page is next to it. */
  apiUrl: string;
  clientOptions: WebClientOptions;
  store: RedisInstallationStore;
  /** Where a used OAuth state is remembered, so it works once. */
  stateStore: StateStore;
  logger: Logger;
}

/** The language of a page for this browser (its Accept-Language). */
const pageLanguage = (req: IncomingMessage): Language => browserLanguage(req.headers['accept-language']);

function sendPage(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** Sorts what went wrong in an OAuth callback into a page the installer understands. */
function failureOf(error: CodedError): InstallFailure {
  switch (error.code) {
    case ErrorCode.AuthorizationError:
      return 'cancelled';
    case ErrorCode.MissingStateError:
    case ErrorCode.InvalidStateError:
      return 'state';
    case ErrorCode.MissingCodeError:
      return 'code';
  }
  const slackError = (error as { data?: { error?: string } }).data?.error;
  return slackError === 'invalid_code' || slackError === 'code_already_used' ? 'code' : 'unknown';
}

/**
 * Tells whoever installed the app what to type next, in their Slack language (their browser's when
 * Slack does not say). A failure here does not undo the install.
 */
async function welcomeInstaller(installation: Installation, settings: OAuthSettings, browser: Language) {
  const token = installation.bot?.token;
  if (!token) return;
  try {
    const slack = slackGatewayFor(token, settings.clientOptions);
    const locale = await slack.userLocale(installation.user.id).catch(() => undefined);
    const language = locale ? languageOfLocale(locale) : browser;
    await slack.post(installation.user.id, renderWelcome(translator(language)));
  } catch (error) {
    settings.logger.warn({ error: (error as Error).message }, 'Could not send the welcome message');
  }
}

/**
 * The parts of Bolt's HTTP receiver that install the app into a workspace: Bolt's own OAuth
 * installer (state in a signed cookie with SLACK_STATE_SECRET, `oauth.v2.access` at SLACK_API_URL)
 * with the installations in Redis, a success page and a welcome DM, and a page for each failure.
 */
export function oauthReceiverOptions(settings: OAuthSettings): Partial<HTTPReceiverOptions> {
  return {
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    stateSecret: settings.stateSecret,
    scopes: BOT_SCOPES,
    installationStore: settings.store,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      directInstall: true,
      stateVerification: true,
      stateStore: settings.stateStore,
      clientOptions: settings.clientOptions,
      authorizationUrl: new URL('../oauth/v2/authorize', settings.apiUrl).toString(),
      callbackOptions: {
        successAsync: async (installation, _options, req, res) => {
          settings.logger.info(
            { teamId: installation.team?.id, enterpriseId: installation.enterprise?.id },
            'Installed in a workspace',
          );
          sendPage(res, 200, renderInstallSuccess(pageLanguage(req), installation.team?.name));
          await welcomeInstaller(installation as Installation, settings, pageLanguage(req));
        },
        failure: (error, _options, req, res) => {
          const failure = failureOf(error);
          settings.logger.warn({ failure, code: error.code }, 'An install did not complete');
          sendPage(
            res,
            failure === 'cancelled' ? 200 : 400,
            renderInstallFailure(pageLanguage(req), failure),
          );
        },
      },
    },
  };
}

/**
 * `GET /slack/install?account=<token>`: only a link Wintro's web app signed goes on to Slack, with
 * the account id carried in Bolt's OAuth state; anything else gets a page and no state.
 */
export async function answerInstallLink(
  req: IncomingMessage,
  res: ServerResponse,
  installer: InstallProvider,
  installSecret: string,
): Promise<void> {
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('account');
  const link = await readInstallLink(token, installSecret);
  if (!link.ok) {
    const status = link.problem === 'missing' ? 400 : link.problem === 'expired' ? 410 : 403;
    sendPage(res, status, renderInstallFailure(pageLanguage(req), `link_${link.problem}`));
    return;
  }
  await installer.handleInstallPath(req, res, {}, { scopes: BOT_SCOPES, metadata: link.accountId });
}
