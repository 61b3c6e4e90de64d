import type { SlackMessage } from '../blocks/flowMessage.js';
import { context, escapeText } from '../blocks/kit.js';
import {
  renderHelp,
  renderPicker,
  renderStatus,
  renderUnknownCommand,
  renderUnknownSystem,
} from '../blocks/replies.js';
import { notifyChannelLine } from '../blocks/welcome.js';
import { handoverViews } from '../connections/handoverViews.js';
import { t, translator } from '../messages/index.js';
import { applyEvent } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import { languageCommand } from './languageCommand.js';
import { notifyChannelOf } from './notifyChannel.js';
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
      return cancelSetups(deps, teamId, userId, command.target);
    case 'notify':
      return { reply: await chooseNotifyChannel(deps, teamId, command.channelId) };
    case 'link':
      return linkSystem(deps, teamId, userId, command.target);
    case 'language':
      return languageCommand(deps, request, command.set);
    case 'bad_language': {
      const tr = translator(request.language);
      return {
        reply: notice(tr(`language.bad.${command.scope}`, { input: escapeText(command.input.slice(0, 40)) })),
      };
    }
  }
}

/** `/wintro status`: the person's setups in progress and every system's state for the team. */
async function teamStatus(deps: FlowDeps, teamId: string, userId: string): Promise<SlackMessage> {
  const [active, connections, handovers] = await Promise.all([
    deps.flows.activeFor(teamId, userId),
    deps.connections.list(teamId),
    handoverViews(deps, teamId),
  ]);
  const status = renderStatus(deps.catalog, active, connections, handovers);
  const channelLine = notifyChannelLine(await notifyChannelOf(deps, teamId), deps.workspaces.multiWorkspace);
  return channelLine ? { ...status, blocks: [...status.blocks, context(channelLine)] } : status;
}

/** `/wintro notify #channel`: where this workspace hears about new links. */
async function chooseNotifyChannel(
  deps: FlowDeps,
  teamId: string,
  channelId?: string,
): Promise<SlackMessage> {
  if (!channelId) {
    const current = notifyChannelLine(await notifyChannelOf(deps, teamId), deps.workspaces.multiWorkspace);
    return notice([t('workspace.notify.needChannel'), current].filter(Boolean).join('\n'));
  }
  await deps.teamSettings.setNotifyChannel(teamId, channelId);
  return notice(t('workspace.notify.set', { channel: channelId }));
}

/** `/wintro cancel [system]`: stops the person's setups in progress (of that system). */
async function cancelSetups(
  deps: FlowDeps,
  teamId: string,
  userId: string,
  target?: LinkTarget,
): Promise<CommandResult> {
  const active = await deps.flows.activeFor(teamId, userId);
  const chosen = target ? active.filter((flow) => flowMatches(deps, flow, target)) : active;
  if (chosen.length === 0) return { reply: notice(t('command.cancel.nothing')) };
  const cancelled: { name: string; redraw: () => Promise<unknown> }[] = [];
  for (const flow of chosen) {
    const applied = await applyEvent(deps, flow, { type: 'cancel' });
    if (applied.ok) cancelled.push({ name: deps.catalog.name(flow.systemId), redraw: applied.run });
  }
  if (cancelled.length === 0) return { reply: notice(t('command.cancel.changed')) };
  const systems = cancelled.map(({ name }) => name).join(' and ');
  return {
    reply: notice(t('command.cancel.done', { systems })),
    // The DM messages are redrawn after the answer, which waits for Redis only.
    followUp: async () => {
      for (const { redraw } of cancelled) await redraw();
      return undefined;
    },
  };
}
