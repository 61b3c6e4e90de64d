import type { HandoverView } from '../blocks/wintroHandover.js';
import type { FlowDeps } from '../flows/deps.js';

/** Where each linked system's hand-over stands, for `/wintro status` (none while delivery is off). */
export async function handoverViews(deps: FlowDeps, teamId: string): Promise<Map<string, HandoverView>> {
  if (!deps.handover.enabled) return new Map();
  const states = await deps.handover.outbox.states(teamId);
  return new Map([...states].map(([systemId, state]) => [systemId, state.state]));
}
