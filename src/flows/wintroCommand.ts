import type { SlackMessage } from '../blocks/flowMessage.js';
import {
  renderHelp,
  renderPicker,
  renderStatus,
  renderUnknownCommand,
  renderUnknownSystem,
} from '../blocks/replies.js';
import { t } from '../messages/index.js';
import { applyAndRun } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import { type LinkTarget, parseCommand } from './parseCommand.js';
import type { CommandRequest, CommandResult } from './requests.js';
import { flowMatches, linkSystem } from './start.js';
import { notice } from './tell.js';

/** `/wintro …`: what each subcommand answers. */
export async function wintroCommand(deps: FlowDeps, request: CommandRequest): Promise<CommandResult> {
  const { catalog } = deps;
  const { teamId, userId } = request;
  const command = parseCommand(request.text, catalog);
  switch (command.kind) {
    case 'help':
      return { reply: renderHelp(catalog) };
    case 'pick':
      return { reply: renderPicker(catalog) };
    case 'unknown_system':
      return { reply: renderUnknownSystem(catalog, command.input, command.suggestion) };
    case 'unknown':
      return { reply: renderUnknownCommand(catalog, command.input, command.suggestion) };
    case 'status':
      return { reply: await teamStatus(deps, teamId, userId) };
    case 'cancel':
      return { reply: await cancelSetups(deps, teamId, userId, command.target) };
    case 'link':
      return linkSystem(deps, teamId, userId, command.target);
  }
}

/** `/wintro status`: the person's setups in progress and every system's state for the team. */
async function teamStatus(deps: FlowDeps, teamId: string, userId: string): Promise<SlackMessage> {
  const [active, connections] = await Promise.all([
    deps.flows.activeFor(teamId, userId),
    deps.connections.list(teamId),
  ]);
  return renderStatus(deps.catalog, active, connections);
}

/** `/wintro cancel [system]`: stops the person's setups in progress (of that system). */
async function cancelSetups(
  deps: FlowDeps,
  teamId: string,
  userId: string,
  target?: LinkTarget,
): Promise<SlackMessage> {
  const active = await deps.flows.activeFor(teamId, userId);
  const chosen = target ? active.filter((flow) => flowMatches(deps, flow, target)) : active;
  if (chosen.length === 0) return notice(t('command.cancel.nothing'));
  const cancelled: string[] = [];
  for (const flow of chosen) {
    const result = await applyAndRun(deps, flow, { type: 'cancel' });
    if (result.ok) cancelled.push(deps.catalog.name(flow.systemId));
  }
  if (cancelled.length === 0) return notice(t('command.cancel.changed'));
  return notice(t('command.cancel.done', { systems: cancelled.join(' and ') }));
}
