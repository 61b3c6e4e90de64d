import { UNAVAILABLE_TEXT } from '../blocks/notices.js';
import { t } from '../messages/index.js';
import { funnelMark, funnelStep } from '../metrics/flowCounters.js';
import { scheduleIdleReminder } from '../reminders/reminders.js';
import { describeSlackFailure, isSlackFailure } from '../slack/gateway.js';
import { newFlowId } from '../store/flowStore.js';
import { applyAndRun } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import { postFlow } from './flowDm.js';
import { refuseNewSetupOverLimit, SetupLimitReached } from './limits.js';
import type { LinkTarget } from './parseCommand.js';
import type { ClickHandler, CommandResult } from './requests.js';
import { recoverStaleCheck } from './staleChecks.js';
import type { FlowState } from './state.js';
import { notice } from './tell.js';

/** Whether a flow is a setup of this system (or of one of this vendor's kinds of credentials). */
export function flowMatches(deps: FlowDeps, flow: FlowState, target: LinkTarget): boolean {
  if (target.type === 'system') return flow.systemId === target.id;
  const family = deps.catalog.family(target.id);
  return (
    flow.systemId === target.id ||
    Boolean(family?.variants.some((variant) => variant.systemId === flow.systemId))
  );
}

/** `/wintro link <system>`: says where the setup continues, then starts or resumes it in the DM. */
export function linkSystem(
  deps: FlowDeps,
  teamId: string,
  userId: string,
  target: LinkTarget,
): CommandResult {
  const name = deps.catalog.name(target.id);
  return {
    reply: notice(t('command.link.continuesInDm', { name })),
    followUp: async () => {
      try {
        await startOrResume(deps, teamId, userId, target);
        return undefined;
      } catch (error) {
        if (error instanceof SetupLimitReached) return notice(error.message);
        deps.logger.error({ teamId, error: (error as Error).message }, 'Could not start a flow');
        if (!isSlackFailure(error)) return notice(UNAVAILABLE_TEXT);
        return notice(t('command.link.dmFailed', { name, reason: describeSlackFailure(error) }));
      }
    },
  };
}

/** The person's setup of this system again at the bottom of their DM, or a new one. */
export async function startOrResume(
  deps: FlowDeps,
  teamId: string,
  userId: string,
  target: LinkTarget,
): Promise<FlowState> {
  const existing = await activeSetupOf(deps, teamId, userId, target);
  if (existing) {
    // Posting to the user id lands in their DM with the bot, without opening it first.
    const reposted = await applyAndRun(deps, existing, {
      type: 'repost',
      to: existing.dm?.channelId ?? userId,
    });
    return reposted.ok ? reposted.state : existing;
  }
  // Two commands at once (a double Enter, a retried request) make one setup: the second waits for it.
  const starting = `starting:${userId}:${target.id}`;
  if (!(await deps.once.claim(teamId, starting, STARTING_CLAIM_SECONDS))) {
    const started = await waitForSetup(deps, teamId, userId, target);
    if (started) return started;
  }
  try {
    return await createSetup(deps, teamId, userId, target);
  } finally {
    await deps.once.release(teamId, starting);
  }
}

/** How long a command may take to create its setup before another one for the same system goes ahead. */
const STARTING_CLAIM_SECONDS = 10;

/** The person's unfinished setup of this system (a check cut off meanwhile is ended first). */
async function activeSetupOf(deps: FlowDeps, teamId: string, userId: string, target: LinkTarget) {
  const active = await deps.flows.activeFor(teamId, userId);
  const found = active.find((flow) => flowMatches(deps, flow, target));
  return found ? await recoverStaleCheck(deps, found) : undefined;
}

/** Waits a little for the setup another command of the same person is creating. */
async function waitForSetup(deps: FlowDeps, teamId: string, userId: string, target: LinkTarget) {
  for (let tries = 0; tries < 30; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = await activeSetupOf(deps, teamId, userId, target);
    if (started) return started;
  }
  return undefined;
}

async function createSetup(deps: FlowDeps, teamId: string, userId: string, target: LinkTarget) {
  await refuseNewSetupOverLimit(deps, teamId, userId);
  const at = deps.now();
  const draft: FlowState = {
    id: newFlowId(),
    teamId,
    systemId: target.id,
    starterId: userId,
    holderId: userId,
    phase: target.type === 'family' ? 'choose_variant' : 'prerequisites',
    stepIndex: 0,
    attempts: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const state = { ...draft, dm: await postFlow(deps, userId, draft) };
  await deps.flows.create(state, funnelMark(state));
  deps.metrics.flowStarted(state.systemId);
  deps.metrics.stepReached(state.systemId, state.phase, funnelStep(state));
  await scheduleIdleReminder(deps, teamId, state.id);
  return state;
}

/** A button in the `/wintro link` picker: its value is `system:<id>` or `family:<id>`. */
export const pickSystem: ClickHandler = async (deps, click) => {
  const [type, id] = (click.value ?? '').split(':');
  const known =
    id && ((type === 'system' && deps.catalog.system(id)) || (type === 'family' && deps.catalog.family(id)));
  if (!known || !id) return t('command.pick.gone');
  try {
    await startOrResume(deps, click.teamId, click.userId, { type: type as LinkTarget['type'], id });
  } catch (error) {
    if (error instanceof SetupLimitReached) return error.message;
    throw error;
  }
  return t('command.pick.continuesInDm', { name: deps.catalog.name(id) });
};
