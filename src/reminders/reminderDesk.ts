import { renderExpiryWarning, renderIdleReminder, renderNudgeNote } from '../blocks/handover.js';
import { describePhase } from '../blocks/replies.js';
import type { HandoverDesk } from '../flows/handoverDesk.js';
import { type FlowState, isTerminal } from '../flows/state.js';
import type { Logger } from '../logger.js';
import type { SlackGateway } from '../slack/gateway.js';
import type { ConnectionStore } from '../store/connectionStore.js';
import type { FlowStore } from '../store/flowStore.js';
import type { OnceGuard } from '../store/once.js';
import type { Catalog } from '../systems/catalog.js';
import type { ReminderJob, ReminderScheduler } from './scheduler.js';

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

export interface ReminderDeps {
  flows: FlowStore;
  connections: ConnectionStore;
  catalog: Catalog;
  slack: SlackGateway;
  once: OnceGuard;
  handover: HandoverDesk;
  scheduler: ReminderScheduler;
  settings: ReminderSettings;
  logger: Logger;
  now: () => number;
}

/**
 * Runs the reminder jobs. Each job looks at the flow as it is now: a flow that ended, expired
 * or moved on gets no reminder, and a once-guard makes each reminder a single message.
 */
export class ReminderDesk {
  constructor(private readonly deps: ReminderDeps) {}

  /** Starts the idle-reminder chain of a new flow. */
  async watch(teamId: string, flowId: string): Promise<void> {
    const { settings, scheduler } = this.deps;
    if (settings.maxReminders <= 0) return;
    // A setup without its reminder is better than a setup that failed to start.
    await scheduler
      .schedule({ kind: 'idle', teamId, flowId, n: 0 }, settings.idleMs)
      .catch((error: unknown) => {
        this.deps.logger.warn(
          { flowId, error: (error as Error).message },
          'Could not schedule the idle reminder',
        );
      });
  }

  /** Schedules the warning before a linked connection's credentials expire (none if that is already close). */
  async watchExpiry(flow: FlowState, systemId: string, expiresAt: string): Promise<void> {
    const warnIn = Date.parse(expiresAt) - this.deps.settings.expiryWarningMs - this.deps.now();
    if (!Number.isFinite(warnIn) || warnIn <= 0) return;
    await this.deps.scheduler
      .schedule({ kind: 'expiry', teamId: flow.teamId, flowId: flow.id, systemId, expiresAt }, warnIn)
      .catch((error: unknown) => {
        this.deps.logger.warn(
          { flowId: flow.id, error: (error as Error).message },
          'Could not schedule the expiry warning',
        );
      });
  }

  async handle(job: ReminderJob): Promise<void> {
    if (job.kind === 'expiry') return this.warnExpiry(job);
    const flow = await this.deps.flows.get(job.teamId, job.flowId);
    if (!flow || isTerminal(flow)) return;
    const system = this.deps.catalog.system(flow.systemId);
    const { settings, scheduler, slack, now } = this.deps;

    if (job.kind === 'idle') {
      if (job.n >= settings.maxReminders) return;
      const quietFor = now() - flow.updatedAt;
      // Waiting on a colleague is not idling: their reminders take care of it.
      if (flow.handover?.status === 'asked' || quietFor < settings.idleMs) {
        const wait = flow.handover?.status === 'asked' ? settings.idleMs : settings.idleMs - quietFor;
        await scheduler.schedule(job, wait);
        return;
      }
      const where = describePhase(flow, system?.steps.length ?? 0);
      const name = system?.name ?? this.deps.catalog.family(flow.systemId)?.name ?? flow.systemId;
      const sent = await this.sendOnce(flow.teamId, `reminder:${flow.id}:${job.n}`, () =>
        slack.post(flow.holderId, renderIdleReminder(flow, { name }, where)),
      );
      if (!sent) return;
      this.deps.logger.info({ flowId: flow.id, n: job.n }, 'Reminded the holder of an idle setup');
      if (job.n + 1 < settings.maxReminders) {
        await scheduler.schedule({ ...job, n: job.n + 1 }, settings.idleMs);
      }
      return;
    }

    const handover = flow.handover;
    if (!system || !handover || handover.seq !== job.seq || handover.status !== 'asked') return;
    if (job.kind === 'nudge') {
      await this.deps.handover.sendRequest(flow, true);
      await scheduler.schedule({ ...job, kind: 'nudge_note' }, settings.nudgeMs);
      return;
    }
    await this.sendOnce(flow.teamId, `nudge-note:${flow.id}:${job.seq}`, () =>
      slack.post(flow.holderId, renderNudgeNote(flow, system)),
    );
  }

  /**
   * Sends a message at most once across instances and retries. A send that fails gives its claim
   * back and throws, so the job's next attempt can send it.
   */
  private async sendOnce(teamId: string, name: string, send: () => Promise<unknown>): Promise<boolean> {
    if (!(await this.deps.once.claim(teamId, name, 30 * 24 * 3600))) return false;
    try {
      await send();
      return true;
    } catch (error) {
      await this.deps.once.release(teamId, name);
      throw error;
    }
  }

  private async warnExpiry(job: Extract<ReminderJob, { kind: 'expiry' }>): Promise<void> {
    const connection = await this.deps.connections.get(job.teamId, job.systemId);
    // Linked again (or removed) since: the warning was about credentials no longer in use.
    if (!connection || connection.flowId !== job.flowId || connection.expiresAt !== job.expiresAt) return;
    const system = this.deps.catalog.system(job.systemId);
    const name = system?.name ?? job.systemId;
    const family = this.deps.catalog.families.find((candidate) =>
      candidate.variants.some((variant) => variant.systemId === job.systemId),
    );
    const linkWord =
      system?.aliases.find((alias) => alias.includes(' ')) ??
      family?.aliases[0] ??
      system?.aliases[0] ??
      job.systemId;
    await this.sendOnce(job.teamId, `expiry:${job.systemId}:${job.flowId}`, () =>
      this.deps.slack.post(connection.linkedBy, renderExpiryWarning(name, job.expiresAt, linkWord)),
    );
  }
}
