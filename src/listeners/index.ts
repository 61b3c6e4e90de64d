import type { App } from '@slack/bolt';
import type { FlowDeps } from '../flows/deps.js';
import { prepareCommand } from '../flows/preparedLink.js';
import { claimedInTheirStep, registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { parseAndClaim } from './middleware.js';
import { registerViews } from './views/index.js';

/**
 * Bolt registration: the shared middleware first, then one listener for the command, one for every
 * button, one for every form and one for every event (Bolt runs each listener's middleware on
 * every request, so fewer listeners cost each request less).
 */
export function registerListeners(app: App, deps: FlowDeps) {
  app.use(
    parseAndClaim(deps.once, {
      claimedInTheirStep,
      languages: deps.languages,
      prepareCommand: prepareCommand(deps),
    }),
  );
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
}
