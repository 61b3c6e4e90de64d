import type { App } from '@slack/bolt';
import type { FlowDeps } from '../flows/deps.js';
import { prepareCommand } from '../flows/preparedLink.js';
import { actionRoutes, claimedInTheirStep } from './actions/index.js';
import { commandRoutes } from './commands/index.js';
import { eventRoutes } from './events/index.js';
import { parseAndClaim } from './middleware.js';
import { routeRequests } from './router.js';
import { formRoutes } from './views/index.js';

/**
 * Bolt registration: the shared middleware first, then the bot's listeners behind one router (the
 * command, every button, every form, every event; see router.ts for why not one Bolt listener each).
 */
export function registerListeners(app: App, deps: FlowDeps) {
  app.use(
    parseAndClaim(deps.once, {
      claimedInTheirStep,
      languages: deps.languages,
      prepareCommand: prepareCommand(deps),
    }),
  );
  app.use(
    routeRequests([...commandRoutes(deps), ...actionRoutes(deps), ...formRoutes(deps), ...eventRoutes(deps)]),
  );
}
