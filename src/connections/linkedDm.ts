import { renderFlowMessage } from '../blocks/flowMessage.js';
import type { FlowDeps } from '../flows/deps.js';
import { holderWords } from '../flows/readers.js';
import type { FlowState } from '../flows/state.js';
import { describeSlackFailure, slackErrorCode } from '../slack/gateway.js';

/**
 * Draws a linked setup's DM message with where its hand-over to Wintro stands, read at the moment
 * of drawing. Returns what went wrong when Slack would not show it (the link is stored regardless).
 */
export async function redrawLinked(
  deps: FlowDeps,
  teamId: string,
  flowOrId: string | FlowState,
): Promise<string | undefined> {
  const flow = typeof flowOrId === 'string' ? await deps.flows.get(teamId, flowOrId) : flowOrId;
  if (!flow) return undefined;
  const { tr, catalog } = holderWords(deps, flow);
  const system = catalog.system(flow.systemId);
  if (!flow.dm || !system || flow.phase !== 'linked') return undefined;
  const handover = deps.handover.enabled
    ? await deps.handover.outbox.state(teamId, flow.systemId).catch(() => undefined)
    : undefined;
  const message = renderFlowMessage(tr, flow, system, {
    withImages: false,
    screenshotBaseUrl: deps.settings.screenshotBaseUrl,
    ...(handover?.flowId === flow.id ? { handover: handover.state } : {}),
  });
  try {
    await deps.slack.update(flow.dm.channelId, flow.dm.ts, message);
    return undefined;
  } catch (error) {
    deps.logger.warn(
      { flowId: flow.id, error: slackErrorCode(error) ?? (error as Error).message },
      'Could not redraw the linked setup',
    );
    return describeSlackFailure(tr, error);
  }
}
