import { renderIdleReminder, renderNudgeNote } from '../blocks/handover.js';
import { describePhase } from '../blocks/replies.js';
import { warnOfExpiry } from '../connections/healthNotices.js';
import { type FlowDeps, forWorkspace } from '../flows/deps.js';
import { sendHelpRequest } from '../flows/helpRequests.js';
import { holderWords } from '../flows/readers.js';
import { type FlowState, isTerminal } from '../flows/state.js';
import type { ReminderJob } from './scheduler.js';

export interface ReminderSettings {
  /** How long a flow may sit untouched before its holder is reminded. */
  idleMs: number;
  /** Reminders per flow at most; 0 turns them off. */
  maxReminders: number;
  /** How long a colleague has to answer before one reminder, and again before the asker is told. */
  nudgeMs: number;
  /** How long before linked credentials expire their owner is warned. */
  expiryWarningMs: number;
}

/** Schedules without failing what asked for it: a setup without its reminder beats one that failed. */
async function scheduleQuietly(deps: FlowDeps, job: ReminderJob, delayMs: number, what: string) {
  await deps.scheduler.schedule(job, delayMs).catch((error: unknown) => {
    deps.logger.warn({ flowId: job.flowId, error: (error as Error).message }, `Could not schedule ${what}`);
  });
}

/** Starts the idle-reminder chain of a new flow. */
export async function scheduleIdleReminder(deps: FlowDeps, teamId: string, flowId: string): Promise<void> {
  const { idleMs, maxReminders } = deps.settings.reminders;
  if (maxReminders <= 0) return;
  await scheduleQuietly(deps, { kind: 'idle', teamId, flowId, n: 0 }, idleMs, 'the idle reminder');
}

/** A colleague was asked for help: remind them if they do not answer. */
export async function scheduleNudge(deps: FlowDeps, state: FlowState): Promise<void> {
  const seq = state.handover?.seq ?? 0;
  const job: ReminderJob = { kind: 'nudge', teamId: state.teamId, flowId: state.id, seq };
  await scheduleQuietly(deps, job, deps.settings.reminders.nudgeMs, 'the nudge');
}

/**
 * Runs one reminder job. It looks at the flow as it is now: a flow that ended, expired or moved on
 * gets no reminder, and a once-guard makes each reminder a single message.
 */
export async function runReminder(baseDeps: FlowDeps, job: ReminderJob): Promise<void> {
  // A workspace that uninstalled the app gets nothing more.
  if (!(await baseDeps.workspaces.isInstalled(job.teamId))) return;
  const deps = await forWorkspace(baseDeps, job.teamId);
  if (job.kind === 'expiry') return warnBeforeExpiry(deps, job);
  const flow = await deps.flows.get(job.teamId, job.flowId);
  if (!flow || isTerminal(flow)) return;
  if (job.kind === 'idle') return remindIdleHolder(deps, job, flow);

  const holder = holderWords(deps, flow);
  const system = holder.catalog.system(flow.systemId);
  const handover = flow.handover;
  if (!system || !handover || handover.seq !== job.seq || handover.status !== 'asked') return;
  if (job.kind === 'nudge') {
    await sendHelpRequest(deps, flow, true);
    await deps.scheduler.schedule({ ...job, kind: 'nudge_note' }, deps.settings.reminders.nudgeMs);
    return;
  }
  await sendOnce(deps, flow.teamId, `nudge-note:${flow.id}:${job.seq}`, () =>
    deps.slack.post(flow.holderId, renderNudgeNote(holder.tr, flow, system)),
  );
}

async function remindIdleHolder(
  deps: FlowDeps,
  job: Extract<ReminderJob, { kind: 'idle' }>,
  flow: FlowState,
) {
  const { idleMs, maxReminders } = deps.settings.reminders;
  if (job.n >= maxReminders) return;
  const quietFor = deps.now() - flow.updatedAt;
  // Waiting on a colleague is not idling: their reminders take care of it.
  if (flow.handover?.status === 'asked' || quietFor < idleMs) {
    const wait = flow.handover?.status === 'asked' ? idleMs : idleMs - quietFor;
    await deps.scheduler.schedule(job, wait);
    return;
  }
  const { tr, catalog } = holderWords(deps, flow);
  const system = catalog.system(flow.systemId);
  const where = describePhase(flow, system?.steps.length ?? 0, tr);
  const name = catalog.name(flow.systemId);
  const sent = await sendOnce(deps, flow.teamId, `reminder:${flow.id}:${job.n}`, () =>
    deps.slack.post(flow.holderId, renderIdleReminder(tr, flow, { name }, where)),
  );
  if (!sent) return;
  deps.logger.info({ flowId: flow.id, n: job.n }, 'Reminded the holder of an idle setup');
  if (job.n + 1 < maxReminders) await deps.scheduler.schedule({ ...job, n: job.n + 1 }, idleMs);
}

/**
 * Sends a message at most once across instances and retries. A send that fails gives its claim
 * back and throws, so the job's next attempt can send it.
 */
async function sendOnce(deps: FlowDeps, teamId: string, name: string, send: () => Promise<unknown>) {
  if (!(await deps.once.claim(teamId, name, 30 * 24 * 3600))) return false;
  try {
    await send();
    return true;
  } catch (error) {
    await deps.once.release(teamId, name);
    throw error;
  }
}

/**
 * An expiry warning scheduled as a reminder before the warning became one of the connection's
 * dates (src/connections/health.ts): sent the same way, and once, whichever asks first.
 */
async function warnBeforeExpiry(deps: FlowDeps, job: Extract<ReminderJob, { kind: 'expiry' }>) {
  const connection = await deps.connections.get(job.teamId, job.systemId);
  // Linked again (or removed) since: the warning was about credentials no longer in use.
  if (!connection || connection.flowId !== job.flowId || connection.expiresAt !== job.expiresAt) return;
  if (!(await warnOfExpiry(deps, { ...connection, teamId: job.teamId })))
    throw new Error('Slack did not take the expiry warning');
}
