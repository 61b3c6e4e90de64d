import { renderCredentialsModal } from '../blocks/credentialsModal.js';
import { section } from '../blocks/kit.js';
import { renderLinkedNotification } from '../blocks/replies.js';
import type { Logger } from '../logger.js';
import type { SlackGateway } from '../slack/gateway.js';
import type { ConnectionStore } from '../store/connectionStore.js';
import type { FlowStore } from '../store/flowStore.js';
import type { OnceGuard } from '../store/once.js';
import type { Catalog } from '../systems/catalog.js';
import type { Credentials, LinkableSystem, VerificationOutcome, VerifyContext } from '../systems/types.js';
import type { FlowEngine } from './flowEngine.js';
import { type FlowState, isTerminal } from './state.js';
import { transition } from './transitions.js';

export interface DeskDeps {
  flows: FlowStore;
  connections: ConnectionStore;
  once: OnceGuard;
  catalog: Catalog;
  slack: SlackGateway;
  engine: FlowEngine;
  verifyContext: VerifyContext;
  notifyChannel?: string;
  /** Called once a connection with an expiry date is stored, to warn before it runs out. */
  watchExpiry: (flow: FlowState, systemId: string, expiresAt: string) => Promise<void>;
  logger: Logger;
  now: () => number;
}

interface Check {
  flow: FlowState;
  system: LinkableSystem;
  viewId: string;
  abandoned: boolean;
}

export interface Submission {
  teamId: string;
  userId: string;
  viewId: string;
  flowId: string;
  /** Raw field values by field id, exactly as typed. */
  values: Record<string, string>;
}

export type SubmissionAck =
  | { response_action: 'errors'; errors: Record<string, string> }
  | { response_action: 'update'; view: object };

export interface SubmissionResult {
  ack: SubmissionAck;
  /** The vendor check, run after the ack so Slack's 3-second window is never at risk. */
  afterAck?: () => Promise<void>;
}

/** Opens the private credentials form, checks what is submitted, and finishes the link. */
export class CredentialsDesk {
  /** Checks running now, with what is needed to tell the person if shutdown cuts one off. */
  private readonly inFlight = new Map<Promise<void>, Check>();
  private shuttingDown = false;

  constructor(private readonly deps: DeskDeps) {}

  async open(flow: FlowState, triggerId: string): Promise<string | undefined> {
    const system = this.deps.catalog.system(flow.systemId);
    const allowed = transition(flow, { type: 'open_credentials' }, { now: this.deps.now(), stepCount: 0 });
    if (!system || !allowed.ok) return 'The credentials form is not available at this step.';
    await this.deps.slack.openModal(triggerId, renderCredentialsModal(flow.id, system, { kind: 'form' }));
    return undefined;
  }

  private errorsOnFirstField(system: LinkableSystem | undefined, message: string): SubmissionResult {
    return {
      ack: { response_action: 'errors', errors: { [system?.credentialFields[0]?.id ?? 'value']: message } },
    };
  }

  async submit({ teamId, userId, viewId, flowId, values }: Submission): Promise<SubmissionResult> {
    const { flows, catalog, now } = this.deps;
    const flow = await flows.get(teamId, flowId);
    const system = flow ? catalog.system(flow.systemId) : undefined;
    if (!flow || !system) {
      return this.errorsOnFirstField(
        system,
        'This setup has expired. Close this form and start again with /wintro link.',
      );
    }
    if (flow.holderId !== userId)
      return this.errorsOnFirstField(system, 'Only the person running this setup can submit it.');
    if (isTerminal(flow)) {
      return this.errorsOnFirstField(
        system,
        `This setup is ${flow.phase === 'linked' ? 'already linked' : 'cancelled'}. Close this form.`,
      );
    }
    if (this.shuttingDown) {
      return this.errorsOnFirstField(
        system,
        'Wintro is restarting. Wait a few seconds, then click the button again: your entries are kept.',
      );
    }

    const legacy = system.recognizeLegacy?.(values);
    if (legacy) return { ack: { response_action: 'errors', errors: legacy } };
    const credentials: Credentials = {};
    const errors: Record<string, string> = {};
    for (const field of system.credentialFields) {
      const raw = values[field.id] ?? '';
      const problem = field.validate(raw);
      if (problem) errors[field.id] = problem;
      else credentials[field.id] = field.normalize ? field.normalize(raw) : raw.trim();
    }
    if (Object.keys(errors).length > 0) return { ack: { response_action: 'errors', errors } };

    const retryAt = flow.lastOutcome?.retryAt;
    if (retryAt && retryAt > now()) {
      const seconds = Math.ceil((retryAt - now()) / 1000);
      return this.errorsOnFirstField(
        system,
        `${system.vendor} asked us to wait. Try again in ${seconds} seconds; your entries are kept.`,
      );
    }

    const started = await this.deps.engine.apply(flow, { type: 'submit_credentials' });
    if (!started.ok) {
      return this.errorsOnFirstField(
        system,
        `Still checking your last entry with ${system.vendor}. Wait a moment for the answer.`,
      );
    }
    return {
      ack: { response_action: 'update', view: renderCredentialsModal(flow.id, system, { kind: 'checking' }) },
      afterAck: () => {
        const check: Check = { flow: started.state, system, viewId, abandoned: false };
        return this.track(check, this.verifyAndFinish(check, credentials));
      },
    };
  }

  private track(check: Check, work: Promise<void>): Promise<void> {
    this.inFlight.set(work, check);
    return work.finally(() => this.inFlight.delete(work));
  }

  private async verifyAndFinish(check: Check, credentials: Credentials): Promise<void> {
    const { flow, system, viewId } = check;
    const { logger, engine } = this.deps;
    let outcome: VerificationOutcome;
    try {
      outcome = await system.verify(credentials, this.deps.verifyContext);
    } catch (error) {
      logger.error(
        { flowId: flow.id, system: system.id, error: (error as Error).name },
        'Verification crashed',
      );
      outcome = {
        ok: false,
        code: 'internal_error',
        title: 'Something went wrong on our side',
        detail: 'The check stopped unexpectedly. Try again; if it keeps happening, contact Wintro support.',
      };
    }
    // Shutdown already told the person the check was cut off; a late answer must not contradict it.
    if (check.abandoned) return;
    logger.info(
      { flowId: flow.id, system: system.id, outcome: outcome.ok ? 'linked' : outcome.code },
      'Verification finished',
    );

    // The connection is stored before the flow says "linked", so a linked flow always has one.
    const replaced = outcome.ok
      ? await this.deps.connections.save({
          teamId: flow.teamId,
          systemId: system.id,
          linkedBy: flow.holderId,
          flowId: flow.id,
          details: outcome.details,
          expiresAt: outcome.expiresAt,
          credentials,
        })
      : undefined;
    const result = await engine.apply(flow, { type: 'verified', outcome });
    if (!result.ok) {
      if (replaced !== undefined) await this.deps.connections.restore(flow.teamId, system.id, replaced);
      await this.updateModal(viewId, {
        ...renderCredentialsModal(flow.id, system, { kind: 'linked', details: [] }),
        blocks: [
          section(
            'This setup changed while we were checking (it was cancelled or finished elsewhere). Nothing was saved.',
          ),
        ],
      });
      return;
    }
    if (outcome.ok) {
      await this.updateModal(
        viewId,
        renderCredentialsModal(flow.id, system, { kind: 'linked', details: outcome.details }),
      );
      await this.notifyLinked(result.state, system, outcome.details);
      if (outcome.expiresAt) await this.deps.watchExpiry(result.state, system.id, outcome.expiresAt);
    } else {
      await this.updateModal(viewId, renderCredentialsModal(flow.id, system, { kind: 'failed', outcome }));
    }
  }

  private async updateModal(viewId: string, view: object): Promise<void> {
    // The admin may have closed the form; the DM message shows the same result.
    await this.deps.slack.updateModal(viewId, view).catch((error: unknown) => {
      this.deps.logger.info({ error: (error as Error).message }, 'Could not update the credentials form');
    });
  }

  private async notifyLinked(
    flow: FlowState,
    system: LinkableSystem,
    details: { label: string; value: string }[],
  ) {
    const { notifyChannel, once, slack, logger } = this.deps;
    if (!notifyChannel) return;
    if (!(await once.claim(flow.teamId, `notify:${flow.id}`))) return;
    try {
      await slack.post(notifyChannel, renderLinkedNotification(system.name, flow.holderId, details));
    } catch (error) {
      await once.release(flow.teamId, `notify:${flow.id}`);
      logger.error(
        { flowId: flow.id, error: (error as Error).message },
        'Could not post the success notification',
      );
    }
  }

  /**
   * Stops taking new checks and lets the running ones finish within `timeoutMs`. A check still
   * running then is abandoned: nothing is stored, and the person is told to check again.
   */
  async drain(timeoutMs: number): Promise<void> {
    this.shuttingDown = true;
    if (this.inFlight.size === 0) return;
    await Promise.race([
      Promise.allSettled([...this.inFlight.keys()]),
      new Promise((resolve) => setTimeout(resolve, timeoutMs)),
    ]);
    await Promise.allSettled([...this.inFlight.values()].map((check) => this.abandon(check)));
  }

  private async abandon(check: Check): Promise<void> {
    check.abandoned = true;
    const { flow, system, viewId } = check;
    const reason = `Wintro restarted while checking with ${system.vendor}, so nothing was saved. Click Check again in a moment: your entries are kept in this form.`;
    const result = await this.deps.engine.apply(flow, { type: 'verification_abandoned', reason });
    this.deps.logger.warn({ flowId: flow.id, saved: result.ok }, 'Abandoned a check at shutdown');
    await this.updateModal(
      viewId,
      renderCredentialsModal(flow.id, system, {
        kind: 'failed',
        outcome: { ok: false, code: 'interrupted', title: 'The check was interrupted', detail: reason },
      }),
    );
  }
}
