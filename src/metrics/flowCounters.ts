import type { FlowDeps } from '../flows/deps.js';
import type { FlowState } from '../flows/state.js';
import type { VerifyContext } from '../systems/types.js';
import { timedVendorHttp } from '../vendors/timedHttp.js';

/** The funnel's step of a flow: the guide step as the person sees it (1, 2, …), 0 outside the guide. */
export const funnelStep = (state: FlowState) => (state.phase === 'guide' ? state.stepIndex + 1 : 0);

/**
 * The field a setup gets on its own flow record the first time its DM shows this step, set in the
 * flow's compare-and-set: a second Next click, Back and Next again, or a repost of the same step do
 * not count it again, and it costs no Redis round trip of its own.
 */
export const funnelMark = (state: FlowState) => `m:${state.phase}:${funnelStep(state)}`;

/** The vendor context for one system's check: each vendor call is timed under that system. */
export function timedVerifyContext(deps: FlowDeps, systemId: string): VerifyContext {
  const { verifyContext } = deps;
  return {
    ...verifyContext,
    http: timedVendorHttp(verifyContext.http, (seconds) => deps.metrics.vendorRequest(systemId, seconds)),
  };
}
