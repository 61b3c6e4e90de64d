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
  const refusal = await refusedClick(deps, click, `link ${words.word}`, { type: 'system', id: systemId });
  if (refusal) {
    await toDm(deps, userId, refusal);
    return undefined;
  }
  const placement = fixPlacement(connection.health.failure, system.steps);
  try {
    await startOrResume(deps, teamId, userId, { type: 'system', id: systemId }, placement);
  } catch (error) {
    if (error instanceof SetupLimitReached) return error.message;
    throw error;
  }
  return tr('health.fix.continuesInDm', words);
}
