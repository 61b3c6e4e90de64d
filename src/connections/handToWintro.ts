import type { FlowDeps } from '../flows/deps.js';
import type { FlowState } from '../flows/state.js';
import { linkedEventId } from './handover.js';

/**
 * Queues the delivery of a new link's event. Its record was stored with the link, so when Redis
 * or the queue is away now the sweep queues it later: the event waits, it is not lost.
 */
export async function handToWintro(deps: FlowDeps, flow: FlowState): Promise<void> {
  if (!deps.handover.enabled) return;
  const eventId = linkedEventId(flow.id);
  await deps.handover.enqueue(flow.teamId, eventId).catch((error: unknown) => {
    deps.logger.warn(
      { flowId: flow.id, eventId, error: (error as Error).message },
      'Could not queue the hand-over to Wintro now; the sweep queues it',
    );
  });
}
