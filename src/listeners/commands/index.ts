import type { FlowDeps } from '../../flows/deps.js';
import { wintroCommand } from '../../flows/wintroCommand.js';
import { commandListener } from '../answer.js';
import { commandRoute, type Route } from '../router.js';

/** The slash command; its subcommands are told apart in `flows/parseCommand.ts`. */
export function commandRoutes(deps: FlowDeps): Route[] {
  return [commandRoute('/wintro', commandListener(deps, wintroCommand))];
}
