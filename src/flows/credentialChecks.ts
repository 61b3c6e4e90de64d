import { renderCredentialsModal } from '../blocks/credentialsModal.js';
import { section } from '../blocks/kit.js';
import { type Translate, translator } from '../messages/index.js';
import { timedVerifyContext } from '../metrics/flowCounters.js';
import type { Credentials, LinkableSystem, VerificationOutcome } from '../systems/types.js';
import { applyToCurrentFlow } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import { showCheckResult, updateForm } from './effects.js';
import { holderWords } from './readers.js';
import type { FlowState } from './state.js';

interface Check {
  flow: FlowState;
  /** The system in the holder's words: its check answers in them, after every await. */
  system: LinkableSystem;
  tr: Translate;
  viewId?: string;
  abandoned: boolean;
}

/**
 * Runs credential checks against the vendors, after Slack has its answer, and keeps count of the
 * ones running so a shutdown can let them finish (or tell the person it cut one off).
 */
export class CredentialChecks {
  private readonly inFlight = new Map<Promise<void>, Check>();
  private shuttingDown = false;

  /** False once shutdown began: new checks are refused with a "restarting" notice. */
  get accepting(): boolean {
    return !this.shuttingDown;
  }

  /**
   * Counts a check as running from now on (so a shutdown that begins before it starts still waits
   * for it), and returns what runs it: the vendor check, then its result applied to the flow.
   * A prepared check that will not run after all must be dropped with `release()`.
   */
  prepare(
    deps: FlowDeps,
    flow: FlowState,
    credentials: Credentials,
    viewId: string | undefined,
  ): { run(): Promise<void>; release(): void } {
    const { tr, catalog } = holderWords(deps, flow);
    const system = catalog.system(flow.systemId);
    const check: Check = { flow, system: system as LinkableSystem, tr, viewId, abandoned: false };
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    if (system) this.inFlight.set(done, check);
    const release = () => {
      this.inFlight.delete(done);
      finished();
    };
    return {
      run: () =>
        system ? this.verifyAndApply(deps, check, credentials).finally(release) : Promise.resolve(),
      release,
    };
  }

  private async verifyAndApply(deps: FlowDeps, check: Check, credentials: Credentials): Promise<void> {
    const { flow, system, tr, viewId } = check;
    const running = { teamId: flow.teamId, flowId: flow.id, checkId: flow.check?.id ?? '' };
    // Should this instance stop mid-check, another one ends the check once its deadline passed.
    await deps.checkDeadlines
      .add(running, deps.now() + deps.settings.checkDeadlineMs)
      .catch((error: unknown) =>
        deps.logger.warn({ error: (error as Error).message }, 'Could not note a check'),
      );
    const outcome = await verifySafely(deps, tr, system, flow, credentials);
    // Shutdown already told the person the check was cut off; a late answer must not contradict it.
    if (check.abandoned) return;
    deps.logger.info(
      { flowId: flow.id, system: system.id, outcome: outcome.ok ? 'linked' : outcome.code },
      'Verification finished',
    );
    deps.metrics.checkFinished(system.id, outcome);
    // What the check settled (a period that became a date) is stored instead of what was typed.
    const stored = outcome.ok && outcome.settled ? { ...credentials, ...outcome.settled } : credentials;
    // The result lands while the flow is still in this check, whatever else moved it meanwhile.
    let applied = await applyToCurrentFlow(
      deps,
      flow,
      { type: 'verified', outcome, checkId: running.checkId },
      { credentials: stored, viewId },
    );
    if (!applied.ok && applied.refusal === 'occupied') {
      // Someone else linked (or replaced) the system meanwhile: theirs stays, this person is told.
      const linkedMeanwhile = await linkedMeanwhileOutcome(deps, flow);
      applied = await applyToCurrentFlow(
        deps,
        flow,
        { type: 'verified', outcome: linkedMeanwhile, checkId: running.checkId },
        { viewId },
      );
    }
    await deps.checkDeadlines.remove(running).catch(() => undefined);
    if (applied.ok) {
      await applied.run();
      return;
    }
    if (!viewId) return;
    await updateForm(deps, viewId, {
      ...renderCredentialsModal(tr, flow.id, system, { kind: 'linked', details: [] }),
      blocks: [section(tr('flow.check.changedMeanwhile'))],
    });
  }

  /**
   * Stops taking new checks and lets the running ones finish within `timeoutMs`. A check still
   * running then is abandoned: nothing is stored, and the person is told to check again.
   */
  async drain(deps: FlowDeps, timeoutMs: number): Promise<void> {
    this.shuttingDown = true;
    if (this.inFlight.size === 0) return;
    await Promise.race([
      Promise.allSettled([...this.inFlight.keys()]),
      new Promise((resolve) => setTimeout(resolve, timeoutMs)),
    ]);
    await Promise.allSettled([...this.inFlight.values()].map((check) => abandon(deps, check)));
  }
}

/** Why verified credentials were not stored: the system is linked by someone the flow did not expect. */
async function linkedMeanwhileOutcome(deps: FlowDeps, flow: FlowState): Promise<VerificationOutcome> {
  const [connection, language] = await Promise.all([
    deps.connections.get(flow.teamId, flow.systemId),
    flow.language ?? deps.languages.of(flow.teamId, flow.holderId),
  ]);
  const tr = translator(language);
  const catalog = deps.catalogs.in(language);
  const said = {
    system: catalog.name(flow.systemId),
    word: catalog.linkWord(flow.systemId),
    user: connection?.linkedBy ?? '',
  };
  return {
    ok: false,
    code: 'linked_meanwhile',
    title: tr('lifecycle.replace.linkedMeanwhileTitle', said),
    detail: tr('lifecycle.replace.linkedMeanwhileDetail', said),
  };
}

async function verifySafely(
  deps: FlowDeps,
  tr: Translate,
  system: LinkableSystem,
  flow: FlowState,
  credentials: Credentials,
): Promise<VerificationOutcome> {
  try {
    // Dates are read in the admin's time zone; when Slack cannot say, UTC, without a word.
    const timeZone = system.readsLocalDates
      ? await deps.slack.userTimeZone?.(flow.holderId).catch(() => undefined)
      : undefined;
    const context = timedVerifyContext(deps, system.id);
    return await system.verify(credentials, { ...context, ...(timeZone ? { timeZone } : {}) });
  } catch (error) {
    deps.logger.error(
      { flowId: flow.id, system: system.id, error: (error as Error).name },
      'Verification crashed',
    );
    return {
      ok: false,
      code: 'internal_error',
      title: tr('flow.check.crashedTitle'),
      detail: tr('flow.check.crashedDetail'),
    };
  }
}

async function abandon(deps: FlowDeps, check: Check): Promise<void> {
  check.abandoned = true;
  const { flow, system, tr, viewId } = check;
  const reason = tr('flow.check.interruptedByRestart', { vendor: system.vendor });
  const applied = await applyToCurrentFlow(
    deps,
    flow,
    { type: 'verification_abandoned', reason, checkId: flow.check?.id },
    { viewId },
  );
  const result = applied.ok ? { ok: true as const, ...(await applied.run()) } : applied;
  deps.logger.warn({ flowId: flow.id, saved: result.ok }, 'Abandoned a check at shutdown');
  // Even when the flow could not be told, the open form must not keep saying "checking".
  if (!result.ok) {
    await showCheckResult(
      deps,
      flow,
      { ok: false, code: 'interrupted', title: tr('flow.check.interruptedTitle'), detail: reason },
      viewId,
    );
  }
}
