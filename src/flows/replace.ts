import { decodeConnectionRef } from '../blocks/ids.js';
import { renderReplaceQuestion } from '../blocks/lifecycle.js';
import type { SlackMessage } from '../blocks/message.js';
import type { Language } from '../messages/index.js';
import type { ConnectionSummary } from '../store/connectionStore.js';
import { applyToCurrentFlow } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import { SetupLimitReached } from './limits.js';
import { gatedCommand, readerOf, refusedClick, toDm } from './linkerGate.js';
import type { LinkTarget } from './parseCommand.js';
import { preparedFor } from './preparedLink.js';
import type { ClickHandler, CommandRequest, CommandResult } from './requests.js';
import { linkSystem, readSetupStart, setAsideSetupStart, startOrResume } from './start.js';
import type { FlowState } from './state.js';

/**
 * `/wintro link <system>`: who may link is checked (WINTRO_LINKERS), a linked system asks to confirm
 * its replacement, anything else starts or resumes the setup in the DM.
 */
export function linkCommand(
  deps: FlowDeps,
  request: CommandRequest,
  target: LinkTarget,
  language: Language,
): Promise<CommandResult> {
  return gatedCommand(deps, request, target, async () => {
    const { teamId, userId } = request;
    // Read once, in one round trip: the question needs the connection now, a new setup records
    // what it replaces, and the person's setups tell both whether theirs replaces it already.
    const reading = await (preparedFor(request.preparedLink, target) ??
      readSetupStart(deps, teamId, userId, target));
    const question = await replacementQuestion(deps, teamId, userId, target, reading.linked, reading.flows);
    if (!question) return linkSystem(deps, teamId, userId, target, language, reading);
    setAsideSetupStart(deps, teamId, userId, target, reading);
    return { reply: question };
  });
}

/**
 * Before linking a system that is linked already: who linked it, when, its last check, and a
 * button to confirm the replacement. None when the person's own setup already replaces it.
 */
export async function replacementQuestion(
  deps: FlowDeps,
  teamId: string,
  userId: string,
  target: LinkTarget,
  /** The system's connection when the caller has read it (null: none); read here otherwise. */
  linked?: ConnectionSummary | null,
  /** The person's setups in progress when the caller has read them; read here otherwise. */
  setups?: FlowState[],
): Promise<SlackMessage | undefined> {
  if (target.type !== 'system') return undefined;
  const connection = linked === undefined ? await deps.connections.get(teamId, target.id) : linked;
  if (!connection) return undefined;
  const active = setups ?? (await deps.flows.activeFor(teamId, userId));
  if (active.some((flow) => flow.systemId === target.id && flow.replaces?.flowId === connection.flowId))
    return undefined;
  const { tr, catalog } = await readerOf(deps, teamId, userId);
  return renderReplaceQuestion(tr, catalog.name(target.id), connection);
}

/** "Replace the … connection": the setup starts (or resumes) and replaces it once verified. */
export const confirmReplace: ClickHandler = async (deps, click) => {
  const { tr, catalog } = await readerOf(deps, click.teamId, click.userId);
  const ref = decodeConnectionRef(click.value);
  const system = ref && catalog.system(ref.systemId);
  if (!ref || !system) return tr('flow.button.noLongerWorks');
  const target: LinkTarget = { type: 'system', id: system.id };
  const word = catalog.linkWord(system.id);
  const refused = await refusedClick(deps, click, `link ${word}`, target);
  if (refused) {
    await toDm(deps, click.userId, refused);
    return refused.text;
  }
  const connection = await deps.connections.get(click.teamId, system.id);
  if (!connection) return tr('lifecycle.replace.gone', { system: system.name, word });
  if (connection.flowId !== ref.flowId)
    return tr('lifecycle.replace.changed', { system: system.name, user: connection.linkedBy, word });
  const replaces = {
    flowId: connection.flowId,
    linkedBy: connection.linkedBy,
    linkedAt: connection.linkedAt,
  };
  // A setup of this system already under way now replaces this connection; a new one does by itself.
  const existing = (await deps.flows.activeFor(click.teamId, click.userId)).find(
    (flow) => flow.systemId === system.id,
  );
  if (existing && existing.replaces?.flowId !== connection.flowId) {
    const applied = await applyToCurrentFlow(
      deps,
      existing,
      { type: 'replace', replaces },
      { actorId: click.userId },
    );
    if (applied.ok) await applied.run();
  }
  try {
    await startOrResume(deps, click.teamId, click.userId, target);
  } catch (error) {
    if (error instanceof SetupLimitReached) return error.message;
    throw error;
  }
  return tr('lifecycle.replace.continuesInDm', { system: system.name });
};

/** "Keep it": nothing changes. */
export const keepConnection: ClickHandler = async (deps, click) => {
  const { tr, catalog } = await readerOf(deps, click.teamId, click.userId);
  return tr('lifecycle.replace.kept', { system: catalog.name(click.value ?? '') });
};
