import { decodeConnectionRef } from '../blocks/ids.js';
import { fixPlacement } from '../connections/health.js';
import type { FlowDeps } from './deps.js';
import { SetupLimitReached } from './limits.js';
import { readerOf, refusedClick, toDm } from './linkerGate.js';
import type { Click, ClickHandler } from './requests.js';
import { startOrResume } from './start.js';

/**
 * **Fix it** on a broken connection: a relink of that system, started at the step that fixes what
 * broke (the credentials form, or the guide step naming the missing scope, attribute or recruiter).
 * The broken connection stays in place until the new credentials are verified. A button about a
 * connection that was replaced, removed or works again since says so instead.
 */
export const fixConnection: ClickHandler = async (deps, click) => {
  const ref = decodeConnectionRef(click.value);
  if (!ref) return (await readerOf(deps, click.teamId, click.userId)).tr('health.fix.noLongerWorks');
  return fixSystem(deps, click, ref.systemId, ref.flowId);
};

/**
 * **Renew now** in the warning that credentials expire soon: a relink at the credentials form while
 * the current connection keeps working until the new credentials are verified.
 */
export const renewConnection: ClickHandler = async (deps, click) => {
  const ref = decodeConnectionRef(click.value);
  const { tr, catalog } = await readerOf(deps, click.teamId, click.userId);
  const system = ref && catalog.system(ref.systemId);
  if (!ref || !system) return tr('health.fix.noLongerWorks');
  const words = { system: system.name, word: catalog.linkWord(ref.systemId, 'exact') };
  const connection = await deps.connections.get(click.teamId, ref.systemId);
  if (!connection) return tr('health.fix.unlinked', words);
  if (connection.flowId !== ref.flowId)
    return tr('health.fix.replaced', { ...words, user: connection.linkedBy });
  const started = await relink(deps, click, ref.systemId, fixPlacement(undefined, system.steps));
  return started ?? tr('health.renew.continuesInDm', words);
};

/** Starts the fix of a system's broken connection (`flowId`: the connection the button was about). */
export async function fixSystem(
  deps: FlowDeps,
  click: Pick<Click, 'teamId' | 'userId'>,
  systemId: string,
  flowId?: string,
): Promise<string | undefined> {
  const { teamId, userId } = click;
  const { tr, catalog } = await readerOf(deps, teamId, userId);
  const system = catalog.system(systemId);
  if (!system) return tr('health.fix.noLongerWorks');
  const words = { system: system.name, word: catalog.linkWord(systemId, 'exact') };
  const connection = await deps.connections.get(teamId, systemId);
  if (!connection) return tr('health.fix.unlinked', words);
  if (flowId && connection.flowId !== flowId)
    return tr('health.fix.replaced', { ...words, user: connection.linkedBy });
  if (connection.health?.state !== 'broken') return tr('health.fix.working', words);
  const told = await relink(deps, click, systemId, fixPlacement(connection.health.failure, system.steps));
  return told ?? tr('health.fix.continuesInDm', words);
}

/**
 * A relink of the system at `placement`, if the person may link: undefined once it is under way,
 * else what they were told ('' when that went to their DM).
 */
async function relink(
  deps: FlowDeps,
  click: Pick<Click, 'teamId' | 'userId'>,
  systemId: string,
  placement: ReturnType<typeof fixPlacement>,
): Promise<string | undefined> {
  const word = deps.catalogs.any.linkWord(systemId, 'exact');
  const refusal = await refusedClick(deps, click, `link ${word}`, { type: 'system', id: systemId });
  if (refusal) {
    await toDm(deps, click.userId, refusal);
    return '';
  }
  try {
    await startOrResume(deps, click.teamId, click.userId, { type: 'system', id: systemId }, placement);
  } catch (error) {
    if (error instanceof SetupLimitReached) return error.message;
    throw error;
  }
  return undefined;
}
