import type { App } from '@slack/bolt';
import type { FlowDeps } from '../../flows/deps.js';
import { wintroCommand } from '../../flows/wintroCommand.js';
import { commandListener } from '../answer.js';

/** The slash command; its subcommands are told apart in `flows/parseCommand.ts`. */
export function registerCommands(app: App, deps: FlowDeps) {
  app.command('/wintro', commandListener(deps, wintroCommand));
}
