import type { Handover } from '../connections/handover.js';
import type { LinkerPolicy } from '../connections/linkers.js';
import type { Rechecks } from '../connections/recheck.js';
import type { Workspaces } from '../installations/workspaces.js';
import type { PersonLanguages } from '../languages/personLanguages.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { ReminderSettings } from '../reminders/reminders.js';
import type { ReminderScheduler } from '../reminders/scheduler.js';
import type { SlackGateway } from '../slack/gateway.js';
import type { CheckDeadlines } from '../store/checkDeadlines.js';
import type { ConnectionStore } from '../store/connectionStore.js';
import type { FlowStore } from '../store/flowStore.js';
import type { HelperSuggestions } from '../store/helperSuggestions.js';
import type { AbuseLimits } from '../store/limits.js';
import type { OnceGuard } from '../store/once.js';
import type { TeamSettings } from '../store/teamSettings.js';
import type { Catalogs } from '../systems/catalog.js';
import type { VerifyContext } from '../systems/types.js';
import type { CredentialChecks } from './credentialChecks.js';
import type { HomeTabs } from './homeTab.js';

export interface FlowSettings {
  /** Channel for the success notice; unset = none. */
  notifyChannel?: string;
  /** With a base URL every screenshot comes from `<base>/<key>.png`. */
  screenshotBaseUrl?: string;
  flowTtlSeconds: number;
  /** How long a credential check may take at most: the slowest vendor's calls, each at its deadline. */
  checkDeadlineMs: number;
  reminders: ReminderSettings;
}

/** What every flow handler works with: the stores, Slack, the systems, the clock. Built once in app.ts. */
export interface FlowDeps {
  flows: FlowStore;
  connections: ConnectionStore;
  once: OnceGuard;
  suggestions: HelperSuggestions;
  /** The systems in every language: `in(reader's language)` for words, `any` for ids and aliases. */
  catalogs: Catalogs;
  slack: SlackGateway;
  scheduler: ReminderScheduler;
  checks: CredentialChecks;
  /** The hand-over of linked connections to Wintro: outbox, delivery, pending notices. */
  handover: Handover;
  verifyContext: VerifyContext;
  settings: FlowSettings;
  /** The Wintro account a workspace belongs to (from its install link); null in single-workspace mode. */
  accountOf(teamId: string): Promise<string | null>;
  /** Which workspace work speaks to, with whose token (see `forWorkspace`). */
  workspaces: Workspaces;
  teamSettings: TeamSettings;
  /** Each reader's language: a person's (choice, Slack locale, workspace) and a workspace's for its channels. */
  languages: PersonLanguages;
  /** Who may link, replace and unlink systems (WINTRO_LINKERS); ask it through `mayLink`. */
  linkers: LinkerPolicy;
  /** Keeps each person's App Home tab current after a change that shows there. */
  homes: HomeTabs;
  /** How many help requests, credential checks and new setups are allowed (see store/limits.ts). */
  limits: AbuseLimits;
  /** The periodic re-check of linked connections, their health and their dates (expiry warnings). */
  rechecks: Rechecks;
  /** When running checks must have finished, so one cut off by a crash is found and ended. */
  checkDeadlines: CheckDeadlines;
  logger: Logger;
  /** The operators' counters and timings (src/metrics), scraped at `GET /metrics`. */
  metrics: Metrics;
  now: () => number;
}

/** The deps of one workspace: Slack calls go out with that workspace's bot token. */
export async function forWorkspace(deps: FlowDeps, teamId: string, token?: string): Promise<FlowDeps> {
  return { ...deps, slack: await deps.workspaces.slackFor(teamId, token) };
}
