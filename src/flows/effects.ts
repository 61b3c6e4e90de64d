import type { ModalView } from '@slack/types';
import { renderCredentialsModal } from '../blocks/credentialsModal.js';
import {
  renderAnsweredRequest,
  renderDeclinedNotice,
  renderGrantedNotice,
  renderTakenOverNotice,
} from '../blocks/handover.js';
import { renderReplacedDm } from '../blocks/lifecycle.js';
import { handToWintro } from '../connections/handToWintro.js';
import { redrawLinked } from '../connections/linkedDm.js';
import { translator } from '../messages/index.js';
import { scheduleNudge } from '../reminders/reminders.js';
import type { VerificationOutcome } from '../systems/types.js';
import type { EffectContext, EffectReport } from './applyEvent.js';
import { applyAndRun, applyEvent } from './applyEvent.js';
import type { CredentialChecks } from './credentialChecks.js';
import type { FlowDeps } from './deps.js';
import { postFlow, redrawFlow, retireFlowMessage } from './flowDm.js';
import { sendHelpRequest } from './helpRequests.js';
import { colleagueWords, holderWords } from './readers.js';
import type { FlowState } from './state.js';
import { notice, tellUser, updateQuietly } from './tell.js';
import type { Effect } from './transitions.js';

interface EffectRun {
  previous: FlowState;
  state: FlowState;
  effects: Effect[];
  context: EffectContext;
}

type PreparedCheck = ReturnType<CredentialChecks['prepare']>;

/**
 * Carries out a stored transition's effects, in order. The only place where they happen, so the
 * only place that knows who reads each: the holder (in the flow's language), the previous holder,
 * the colleague asked for help, or a channel (in the workspace's language).
 */
export async function runEffects(deps: FlowDeps, run: EffectRun): Promise<EffectReport> {
  const { previous, context } = run;
  // Counted as running from the start, so a shutdown meanwhile waits for it.
  const check =
    context.credentials && run.effects.some((effect) => effect.type === 'run_check')
      ? deps.checks.prepare(deps, run.state, context.credentials, context.viewId)
      : undefined;
  let report: EffectReport = { state: run.state };
  try {
    for (const effect of run.effects) {
      const next = await runEffect(deps, effect, { previous, state: report.state, context, check });
      report = { ...next, ...(report.notShown ? { notShown: report.notShown } : {}) };
    }
  } finally {
    check?.release();
  }
  return report;
}

interface Step {
  previous: FlowState;
  state: FlowState;
  context: EffectContext;
  check?: PreparedCheck;
}

async function runEffect(deps: FlowDeps, effect: Effect, step: Step): Promise<EffectReport> {
  const { previous, state, context } = step;
  const holder = holderWords(deps, state);
  const previousHolder = holderWords(deps, previous);
  const system = holder.catalog.system(state.systemId);
  const previousSystem = previousHolder.catalog.system(state.systemId);
  switch (effect.type) {
    case 'save_connection':
      // Stored with the flow, in the same compare-and-set (see applyEvent): the setup is linked.
      deps.metrics.flowLinked(state.systemId);
      break;
    case 'render_dm': {
      // A linked setup shows where its hand-over to Wintro stands.
      const linked = state.phase === 'linked' && deps.handover.enabled;
      const notShown = linked ? await redrawLinked(deps, state.teamId, state) : await redrawFlow(deps, state);
      return notShown ? { state, notShown } : { state };
    }
    case 'hand_to_wintro':
      await handToWintro(deps, state);
      break;
    case 'show_check_result':
      await showCheckResult(deps, state, effect.outcome, context.viewId);
      break;
    case 'notify_linked':
      await notifyLinked(deps, state);
      await tellReplaced(deps, state);
      // The new connection's re-checks and dates; a broken one it replaces is told it works again.
      await deps.rechecks.linked(deps, state);
      break;
    case 'watch_expiry':
      // The expiry is one of the connection's dates, scheduled with its re-checks (notify_linked).
      break;
    case 'run_check':
      await step.check?.run();
      break;
    case 'retire_dm':
      if (previous.dm && previousSystem) {
        // The message being retired is the previous holder's (the same person unless taken over).
        const retired =
          effect.notice === 'taken_over'
            ? renderTakenOverNotice(previousHolder.tr, state, previousSystem, previous.holderId)
            : notice(previousHolder.tr('flow.dm.continuesBelow'));
        await retireFlowMessage(deps, previous.dm, retired);
      }
      break;
    case 'post_dm':
      return { state: await moveMessage(deps, state, effect.to) };
    case 'remember_helper':
      if (state.handover) {
        await deps.suggestions.remember(state.teamId, state.systemId, state.handover.colleagueId);
      }
      break;
    case 'send_help_request':
      await sendHelpRequest(deps, state, false);
      break;
    case 'schedule_nudge':
      await scheduleNudge(deps, state);
      break;
    case 'mark_request_answered':
      if (state.handover) {
        // The colleague's copy of the request, in their words.
        const colleague = await colleagueWords(deps, state, state.handover.colleagueId);
        const asked = colleague.catalog.system(state.systemId);
        if (asked) {
          await updateQuietly(
            deps,
            context.requestMessage,
            renderAnsweredRequest(colleague.tr, state, asked),
          );
        }
      }
      break;
    case 'tell_previous_holder':
      if (previousSystem) {
        const told = renderTakenOverNotice(previousHolder.tr, state, previousSystem, previous.holderId);
        await tellUser(deps, previous.holderId, told.text);
      }
      break;
    case 'hand_back':
      if (system)
        return { state: await handBack(deps, state, renderGrantedNotice(holder.tr, state, system)) };
      break;
    case 'tell_declined':
      if (system) await tellUser(deps, state.holderId, renderDeclinedNotice(holder.tr, state, system).text);
      break;
  }
  return { state };
}

/**
 * Posts the flow's message somewhere new and records where. The message is drawn for the version
 * that recording it gives the flow, so its buttons are current.
 */
async function moveMessage(deps: FlowDeps, state: FlowState, to: string): Promise<FlowState> {
  const dm = await postFlow(deps, to, { ...state, version: state.version + 1 });
  const posted = await applyEvent(deps, state, { type: 'dm_posted', dm });
  if (!posted.ok) {
    deps.logger.warn(
      { flowId: state.id, saved: posted.refusal },
      'A flow moved on while it was being posted',
    );
    return state;
  }
  return posted.state;
}

/** After access was granted: the holder gets a DM and the setup again at the bottom of it. */
async function handBack(
  deps: FlowDeps,
  state: FlowState,
  granted: ReturnType<typeof renderGrantedNotice>,
): Promise<FlowState> {
  try {
    const { channel } = await deps.slack.post(state.holderId, granted);
    const reposted = await applyAndRun(deps, state, { type: 'repost', to: channel });
    return reposted.ok ? reposted.state : state;
  } catch (error) {
    deps.logger.warn({ flowId: state.id, error: (error as Error).message }, 'Could not hand the setup back');
    return state;
  }
}

/** Shows a check's result in the credentials form, if it is still open. */
export async function showCheckResult(
  deps: FlowDeps,
  state: FlowState,
  outcome: VerificationOutcome,
  viewId: string | undefined,
): Promise<void> {
  const { tr, catalog } = holderWords(deps, state);
  const system = catalog.system(state.systemId);
  if (!viewId || !system) return;
  const view: ModalView = outcome.ok
    ? renderCredentialsModal(tr, state.id, system, { kind: 'linked', details: outcome.details })
    : renderCredentialsModal(tr, state.id, system, { kind: 'failed', outcome });
  await updateForm(deps, viewId, view);
}

/** The person may have closed the form; the DM message shows the same result. */
export async function updateForm(deps: FlowDeps, viewId: string, view: ModalView): Promise<void> {
  await deps.slack.updateModal(viewId, view).catch((error: unknown) => {
    deps.logger.info({ error: (error as Error).message }, 'Could not update the credentials form');
  });
}

/** Posts the channel notice stored with the link; the sweep posts it later if this attempt fails. */
/**
 * After a link that replaced a connection: whoever had linked that one hears who replaced it; the
 * Home tabs of both show the new connection.
 */
async function tellReplaced(deps: FlowDeps, flow: FlowState): Promise<void> {
  const previous = flow.replaces?.linkedBy;
  deps.homes.refresh(deps, flow.teamId, previous ? [flow.holderId, previous] : [flow.holderId]);
  if (!previous || previous === flow.holderId) return;
  const language = await deps.languages.of(flow.teamId, previous).catch(() => 'en' as const);
  const system = deps.catalogs.in(language).system(flow.systemId);
  if (!system) return;
  try {
    await deps.slack.post(previous, renderReplacedDm(translator(language), system, flow.holderId));
  } catch (error) {
    deps.logger.warn(
      { flowId: flow.id, error: (error as Error).message },
      'Could not tell the previous linker',
    );
  }
}

async function notifyLinked(deps: FlowDeps, flow: FlowState): Promise<void> {
  await deps.handover.notices.post(deps, flow.teamId, flow.id).catch((error: unknown) => {
    deps.logger.warn(
      { flowId: flow.id, error: (error as Error).message },
      'Could not post the success notification now; it is posted later',
    );
  });
}
