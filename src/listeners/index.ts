import type { App } from '@slack/bolt';
import type { CredentialsDesk } from '../flows/credentialsDesk.js';
import type { HandoverDesk } from '../flows/handoverDesk.js';
import type { LinkingService } from '../flows/linkingService.js';
import type { Logger } from '../logger.js';
import type { SlackGateway } from '../slack/gateway.js';
import type { OnceGuard } from '../store/once.js';
import { registerActions } from './actions.js';
import { registerCommands } from './commands.js';
import { registerHandoverViews } from './handoverViews.js';
import { registerViews } from './views.js';

export interface ListenerDeps {
  service: LinkingService;
  desk: CredentialsDesk;
  handover: HandoverDesk;
  once: OnceGuard;
  slack: SlackGateway;
  logger: Logger;
}

export function registerListeners(app: App, deps: ListenerDeps) {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerHandoverViews(app, deps);
}
