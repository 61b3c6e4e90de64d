import { decodeConnectionRef } from '../blocks/ids.js';
import {
  renderUnlinkedNotice,
  renderUnlinkPicker,
  renderUnlinkQuestion,
  unlinkedText,
} from '../blocks/lifecycle.js';
import { translator } from '../messages/index.js';
import type { FlowDeps } from './deps.js';
import { gatedCommand, readerOf, refusedClick, toDm } from './linkerGate.js';
import { announcementTarget } from './notifyChannel.js';
import type { LinkTarget } from './parseCommand.js';
import type { ClickHandler, CommandRequest, CommandResult } from './requests.js';
import { notice } from './tell.js';

/** The systems a target names: the system, or each kind of a vendor's credentials. */
function systemsOf(deps: FlowDeps, target: LinkTarget): string[] {
  if (target.type === 'system') return [target.id];
  return deps.catalogs.any.family(target.id)?.variants.map((variant) => variant.systemId) ?? [];
}

/**
 * `/wintro unlink [system]`: without a system, every linked one to pick from; with one, who linked
 * it and a button to confirm (nothing changes before that click).
 */
export async function unlinkCommand(
  deps: FlowDeps,
  request: CommandRequest,
  target?: LinkTarget,
): Promise<CommandResult> {
  const { teamId, userId } = request;
  const { tr, catalog } = await readerOf(deps, teamId, userId);
  const connections = await deps.connections.list(teamId);
  const named = target ? new Set(systemsOf(deps, target)) : undefined;
  const linked = connections
    .filter((connection) => !named || named.has(connection.systemId))
    .map((connection) => ({ name: catalog.name(connection.systemId), connection }));
  if (target && linked.length === 0) {
    return { reply: notice(tr('lifecycle.unlink.notLinked', { system: catalog.name(target.id) })) };
  }
  const only = linked.length === 1 ? linked[0] : undefined;
  if (!target || !only) return { reply: renderUnlinkPicker(tr, linked) };
  return gatedCommand(deps, request, undefined, async () => ({
    reply: renderUnlinkQuestion(tr, only.name, only.connection),
  }));
}

/** An Unlink button that asks first (Home tab, the list of `/wintro unlink`): the question in the DM. */
export const askUnlink: ClickHandler = async (deps, click) => {
  const { tr, catalog } = await readerOf(deps, click.teamId, click.userId);
  const systemId = click.value ?? '';
  const system = catalog.system(systemId);
  if (!system) return tr('flow.button.noLongerWorks');
  const word = catalog.linkWord(systemId);
  const refused = await refusedClick(deps, click, `unlink ${word}`);
  const connection = await deps.connections.get(click.teamId, systemId);
  if (!refused && !connection) return tr('lifecycle.unlink.notLinked', { system: system.name });
  await toDm(
    deps,
    click.userId,
    refused ?? renderUnlinkQuestion(tr, system.name, connection as NonNullable<typeof connection>),
  );
  return click.channelId ? undefined : tr('lifecycle.home.sentToDm', { system: system.name });
};

/** "Unlink …" confirmed: the connection as asked about is deleted, if it is still that one. */
export const confirmUnlink: ClickHandler = async (deps, click) => {
  const { tr, catalog } = await readerOf(deps, click.teamId, click.userId);
  const ref = decodeConnectionRef(click.value);
  const system = ref && catalog.system(ref.systemId);
  if (!ref || !system) return tr('flow.button.noLongerWorks');
  const { teamId, userId } = click;
  const word = catalog.linkWord(system.id);
  const refused = await refusedClick(deps, click, `unlink ${word}`);
  if (refused) {
    await toDm(deps, userId, refused);
    return refused.text;
  }
  const said = { system: system.name, word };
  const connection = await deps.connections.get(teamId, system.id);
  if (!connection) return tr('lifecycle.unlink.already', said);
  if (connection.flowId !== ref.flowId)
    return tr('lifecycle.unlink.changed', { ...said, user: connection.linkedBy });
  // The event for Wintro is stored in the same step as the connection is deleted: neither without the other.
  const { writes, eventId } = await deps.handover.unlinkWrites(deps, teamId, connection, userId);
  const removed = await deps.connections.removeIf(teamId, system.id, ref.flowId, writes);
  if (removed === 'gone') return tr('lifecycle.unlink.already', said);
  if (removed === 'changed') {
    const now = await deps.connections.get(teamId, system.id);
    return tr('lifecycle.unlink.changed', { ...said, user: now?.linkedBy ?? '' });
  }
  deps.logger.info({ teamId, system: system.id }, 'Unlinked a connection');
  // Its re-checks and expiry warning stop with it.
  await deps.rechecks
    .unlinked(deps, teamId, system.id)
    .catch((error: unknown) =>
      deps.logger.warn(
        { error: (error as Error).message },
        'Could not stop the re-checks of an unlinked system',
      ),
    );
  if (eventId) {
    await deps.handover
      .enqueue(teamId, eventId)
      .catch((error: unknown) =>
        deps.logger.warn(
          { eventId, error: (error as Error).message },
          'Could not queue the unlink event; the sweep queues it',
        ),
      );
  }
  await tellTheChannel(deps, teamId, userId, system.name);
  deps.homes.refresh(deps, teamId, [userId, connection.linkedBy]);
  return unlinkedText(tr, system, Boolean(eventId));
};

async function tellTheChannel(deps: FlowDeps, teamId: string, userId: string, name: string): Promise<void> {
  const channel = await announcementTarget(deps, teamId, userId);
  if (!channel || channel === userId) return;
  try {
    const tr = translator(await deps.languages.ofWorkspace(teamId));
    await deps.slack.post(channel, renderUnlinkedNotice(tr, name, userId));
  } catch (error) {
    deps.logger.warn({ error: (error as Error).message }, 'Could not tell the channel of an unlink');
  }
}
