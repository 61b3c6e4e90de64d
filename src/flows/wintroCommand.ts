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
import { type Language, type Translate, translator } from '../messages/index.js';
import { applyEvent } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import { languageCommand } from './languageCommand.js';
import { gatedCommand } from './linkerGate.js';
import { notifyChannelOf } from './notifyChannel.js';
import { type LinkTarget, parseCommand, type WintroCommand } from './parseCommand.js';
import { linkCommand } from './replace.js';
import type { CommandRequest, CommandResult } from './requests.js';
import { flowMatches } from './start.js';
import { notice } from './tell.js';
import { unlinkCommand } from './unlink.js';

/** `/wintro …`: what each subcommand answers, in the language of the person who typed it. */
export async function wintroCommand(deps: FlowDeps, request: CommandRequest): Promise<CommandResult> {
  const { teamId, userId, language } = request;
  const tr = translator(language);
  const catalog = deps.catalogs.in(language);
  // A link whose reading began with the request's claim was parsed then already.
  const command: WintroCommand = request.preparedLink
    ? { kind: 'link', target: request.preparedLink.target }
    : parseCommand(request.text, deps.catalogs.any);
  switch (command.kind) {
    case 'help':
      return { reply: renderHelp(tr, catalog) };
    case 'pick':
      return { reply: renderPicker(tr, catalog, language) };
    case 'unknown_system':
      return { reply: renderUnknownSystem(tr, catalog, command.input, command.suggestion) };
    case 'unknown':
      return { reply: renderUnknownCommand(tr, catalog, command.input, command.suggestion) };
    case 'status':
      return { reply: await teamStatus(deps, language, teamId, userId) };
    case 'cancel':
      return cancelSetups(deps, request, command.target);
    case 'notify': {
      const choose = async () => ({ reply: await chooseNotifyChannel(deps, tr, teamId, command.channelId) });
      // Where the workspace hears of its links is the linkers' choice; anyone may ask where it is.
      return command.channelId ? gatedCommand(deps, request, undefined, choose) : choose();
    }
    case 'link':
      return linkCommand(deps, request, command.target, language);
    case 'unlink':
      return unlinkCommand(deps, request, command.target);
    case 'language':
      return languageCommand(deps, request, command.set);
    case 'bad_language':
      return {
        reply: notice(tr(`language.bad.${command.scope}`, { input: escapeText(command.input.slice(0, 40)) })),
      };
  }
}

/** `/wintro status`: the person's setups in progress and every system's state for the team. */
async function teamStatus(
  deps: FlowDeps,
  language: Language,
  teamId: string,
  userId: string,
): Promise<SlackMessage> {
  const [active, connections, handovers] = await Promise.all([
    deps.flows.activeFor(teamId, userId),
    deps.connections.list(teamId),
    handoverViews(deps, teamId),
  ]);
  const tr = translator(language);
  const status = renderStatus(tr, language, deps.catalogs.in(language), active, connections, handovers);
  const channelLine = notifyChannelLine(
    tr,
    await notifyChannelOf(deps, teamId),
    deps.workspaces.multiWorkspace,
  );
  return channelLine ? { ...status, blocks: [...status.blocks, context(channelLine)] } : status;
}

/** `/wintro notify #channel`: where this workspace hears about new links. */
async function chooseNotifyChannel(
  deps: FlowDeps,
  tr: Translate,
  teamId: string,
  channelId?: string,
): Promise<SlackMessage> {
  if (!channelId) {
    const current = notifyChannelLine(
      tr,
      await notifyChannelOf(deps, teamId),
      deps.workspaces.multiWorkspace,
    );
    return notice([tr('workspace.notify.needChannel'), current].filter(Boolean).join('\n'));
  }
  await deps.teamSettings.setNotifyChannel(teamId, channelId);
  return notice(tr('workspace.notify.set', { channel: channelId }));
}

/** `/wintro cancel [system]`: stops the person's setups in progress (of that system). */
async function cancelSetups(
  deps: FlowDeps,
  { teamId, userId, language }: CommandRequest,
  target?: LinkTarget,
): Promise<CommandResult> {
  const tr = translator(language);
  const active = await deps.flows.activeFor(teamId, userId);
  const chosen = target ? active.filter((flow) => flowMatches(deps, flow, target)) : active;
  if (chosen.length === 0) return { reply: notice(tr('command.cancel.nothing')) };
  const cancelled: { name: string; redraw: () => Promise<unknown> }[] = [];
  for (const flow of chosen) {
    const applied = await applyEvent(deps, flow, { type: 'cancel' });
    if (applied.ok) {
      cancelled.push({ name: deps.catalogs.in(language).name(flow.systemId), redraw: applied.run });
    }
  }
  if (cancelled.length === 0) return { reply: notice(tr('command.cancel.changed')) };
  const systems = new Intl.ListFormat(language, { type: 'conjunction' }).format(
    cancelled.map(({ name }) => name),
  );
  return {
    reply: notice(tr('command.cancel.done', { systems })),
    // The DM messages are redrawn after the answer, which waits for Redis only.
    followUp: async () => {
      for (const { redraw } of cancelled) await redraw();
      return undefined;
    },
  };
}
