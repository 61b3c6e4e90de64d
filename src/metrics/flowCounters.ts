import type { FlowDeps } from '../flows/deps.js';
import { type FlowState, isTerminal } from '../flows/state.js';
import { TERMINAL_TTL_SECONDS } from '../store/flowStore.js';
import type { VerifyContext } from '../systems/types.js';
import { timedVendorHttp } from '../vendors/timedHttp.js';

/** The funnel's step of a flow: the guide step as the person sees it (1, 2, …), 0 outside the guide. */
export const funnelStep = (state: FlowState) => (state.phase === 'guide' ? state.stepIndex + 1 : 0);

/**
 * Counts the step a setup's DM now shows in the drop-off funnel, once per setup and step: a second
 * Next click, Back and Next again, or a repost of the same step do not count it again. The marks
 * are one small Redis hash per setup that lives as long as the setup (about 230 bytes for a whole
 * Greenhouse setup). Runs beside the flow (never before
 * an ack, never failing it): a mark Redis could not take only leaves the step uncounted.
 */
export function countStepReached(deps: FlowDeps, state: FlowState): void {
  const step = funnelStep(state);
  const ttl = isTerminal(state)
    ? Math.min(deps.settings.flowTtlSeconds, TERMINAL_TTL_SECONDS)
    : deps.settings.flowTtlSeconds;
  deps.once
    .firstTime(state.teamId, `funnel:${state.id}`, `${state.phase}:${step}`, ttl)
    .then((first) => {
      if (first) deps.metrics.stepReached(state.systemId, state.phase, step);
    })
    .catch((error: unknown) =>
      deps.logger.warn(
        { flowId: state.id, error: (error as Error).message },
        'Could not count a funnel step',
      ),
    );
}

/** The vendor context for one system's check: each vendor call is timed under that system. */
export function timedVerifyContext(deps: FlowDeps, systemId: string): VerifyContext {
  const { verifyContext } = deps;
  return {
    ...verifyContext,
    http: timedVendorHttp(verifyContext.http, (seconds) => deps.metrics.vendorRequest(systemId, seconds)),
  };
}
