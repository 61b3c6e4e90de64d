import { applyAndRun, applyToCurrentFlow } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import { forWorkspace } from './deps.js';
import { holderWords } from './readers.js';
import type { FlowState } from './state.js';
import { isCheckStale } from './transitions.js';

const abandonEvent = (deps: FlowDeps, flow: FlowState) => {
  const { tr, catalog } = holderWords(deps, flow);
  return {
    type: 'verification_abandoned' as const,
    reason: tr('flow.check.interruptedByCrash', { vendor: catalog.system(flow.systemId)?.vendor ?? '' }),
    checkId: flow.check?.id,
  };
};

/**
 * A check that outlived its deadline was cut off (the instance running it stopped): the flow goes
 * back to the credentials, with "check again", before anything else touches it.
 */
export async function recoverStaleCheck(deps: FlowDeps, flow: FlowState): Promise<FlowState> {
  if (!isCheckStale(flow, deps.now(), deps.settings.checkDeadlineMs)) return flow;
  const ended = await applyAndRun(deps, flow, abandonEvent(deps, flow));
  deps.logger.warn({ flowId: flow.id, ended: ended.ok }, 'Ended a check that was cut off');
  return ended.ok ? ended.state : ((await deps.flows.get(flow.teamId, flow.id)) ?? flow);
}

/** Ends every check whose deadline passed, on whichever instance finds it first. */
export async function endOverdueChecks(deps: FlowDeps): Promise<number> {
  let ended = 0;
  for (const check of await deps.checkDeadlines.overdue(deps.now())) {
    const flow = await deps.flows.get(check.teamId, check.flowId);
    if (flow?.phase === 'verifying' && flow.check?.id === check.checkId) {
      const teamDeps = await forWorkspace(deps, check.teamId);
      const applied = await applyToCurrentFlow(teamDeps, flow, abandonEvent(teamDeps, flow));
      if (applied.ok) {
        await applied.run();
        ended += 1;
      }
    }
    await deps.checkDeadlines.remove(check);
  }
  if (ended) deps.logger.warn({ ended }, 'Ended checks that were cut off');
  return ended;
}

/** Looks for checks cut off by a stopped instance: at start, then a few times per deadline. */
export function watchForCutOffChecks(deps: FlowDeps): { stop(): void } {
  const every = Math.min(30_000, Math.max(1000, Math.floor(deps.settings.checkDeadlineMs / 3)));
  const sweep = () =>
    endOverdueChecks(deps).catch((error: unknown) =>
      deps.logger.warn({ error: (error as Error).message }, 'Could not look for cut-off checks'),
    );
  void sweep();
  const timer = setInterval(sweep, every);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
