import type { WebClientOptions } from '@slack/web-api';
import { type SlackGateway, slackGatewayFor } from '../slack/gateway.js';
import type { RedisInstallationStore } from './installationStore.js';

/** Which Slack workspace a piece of work speaks to, and with whose token. */
export interface Workspaces {
  readonly multiWorkspace: boolean;
  /**
   * The Web API calls the bot makes, with this workspace's bot token. A request carries the token
   * Bolt already found for it; background work (reminders) looks it up.
   */
  slackFor(teamId: string, token?: string): Promise<SlackGateway>;
  /** The Wintro account the workspace was installed for; null in single-workspace mode. */
  accountOf(teamId: string): Promise<string | null>;
  /** False once a workspace uninstalled the app (always true in single-workspace mode). */
  isInstalled(teamId: string): Promise<boolean>;
  /** Deletes a workspace's installation (its token included); nothing to do in single-workspace mode. */
  forget(source: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }): Promise<void>;
}

/** One workspace, one token: the app's own client. */
export function singleWorkspace(slack: SlackGateway): Workspaces {
  return {
    multiWorkspace: false,
    slackFor: async () => slack,
    accountOf: async () => null,
    isInstalled: async () => true,
    forget: async () => undefined,
  };
}

/** Gateways are kept per token, a bounded number of them (the least recently used go first). */
const MAX_CLIENTS = 1000;

/** Every workspace that installed the app through OAuth, each with its own sealed bot token. */
export function installedWorkspaces(
  store: RedisInstallationStore,
  clientOptions: WebClientOptions,
): Workspaces {
  const gateways = new Map<string, SlackGateway>();
  const gatewayFor = (token: string) => {
    const known = gateways.get(token);
    if (known) {
      gateways.delete(token);
      gateways.set(token, known);
      return known;
    }
    const created = slackGatewayFor(token, clientOptions);
    gateways.set(token, created);
    if (gateways.size > MAX_CLIENTS) gateways.delete(gateways.keys().next().value as string);
    return created;
  };
  return {
    multiWorkspace: true,
    async slackFor(teamId, token) {
      if (token) return gatewayFor(token);
      const installation = await store.fetchInstallation({
        teamId,
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      return gatewayFor(installation.bot?.token ?? '');
    },
    async accountOf(teamId) {
      return (await store.summary(teamId))?.accountId ?? null;
    },
    async isInstalled(teamId) {
      return (await store.summary(teamId)) !== undefined;
    },
    async forget(source) {
      await store.deleteInstallation({ ...source, teamId: source.teamId, enterpriseId: source.enterpriseId });
      gateways.clear();
    },
  };
}
