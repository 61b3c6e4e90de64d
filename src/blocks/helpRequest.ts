import type { FlowState, Handover } from '../flows/state.js';

/** The flow's request for help; the renderers that draw a request are only called for a flow that has one. */
export function handoverOf(state: FlowState): Handover {
  if (!state.handover) throw new Error(`Flow ${state.id} has no request for help to draw`);
  return state.handover;
}
