import type { Logger } from '../logger.js';
import type { ReminderSettings } from '../reminders/reminders.js';
import type { ReminderScheduler } from '../reminders/scheduler.js';
import type { SlackGateway } from '../slack/gateway.js';
import type { ConnectionStore } from '../store/connectionStore.js';
import type { FlowStore } from '../store/flowStore.js';
import type { HelperSuggestions } from '../store/helperSuggestions.js';
import type { OnceGuard } from '../store/once.js';
import type { Catalog } from '../systems/catalog.js';
import type { VerifyContext } from '../systems/types.js';
import type { CredentialChecks } from './credentialChecks.js';

export interface FlowSettings {
  /** Channel for the success notice; unset = none. */
  notifyChannel?: string;
  /** With a base URL every screenshot comes from `<base>/<key>.png`. */
  screenshotBaseUrl?: string;
  flowTtlSeconds: number;
  reminders: ReminderSettings;
}

/** What every flow handler works with: the stores, Slack, the systems, the clock. Built once in app.ts. */
export interface FlowDeps {
  flows: FlowStore;
  connections: ConnectionStore;
  once: OnceGuard;
  suggestions: HelperSuggestions;
  catalog: Catalog;
  slack: SlackGateway;
  scheduler: ReminderScheduler;
  checks: CredentialChecks;
  verifyContext: VerifyContext;
  settings: FlowSettings;
  /** The Wintro account a workspace belongs to (from its install link); null in single-workspace mode. */
  accountOf(teamId: string): Promise<string | null>;
  logger: Logger;
  now: () => number;
}
