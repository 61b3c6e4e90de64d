import { renderFlowMessage, renderVariantChoice, type SlackMessage } from '../blocks/flowMessage.js';
import { section } from '../blocks/kit.js';
import { describeSlackFailure, slackErrorCode } from '../slack/gateway.js';
import { authorizationLink } from './authorization.js';
import type { FlowDeps } from './deps.js';
import { holderWords } from './readers.js';
import type { FlowState } from './state.js';
import type { DmLocation } from './transitions.js';

/** The flow's DM message for its current state, in the holder's words. Pure apart from reading the catalog. */
export function renderFlow(
  deps: FlowDeps,
  state: FlowState,
  withImages = true,
  authorizeUrl?: string,
): SlackMessage {
  const { tr, catalog } = holderWords(deps, state);
  const family = catalog.family(state.systemId);
  if (family) return renderVariantChoice(tr, state, family);
  const system = catalog.system(state.systemId);
  if (!system) {
    const text = tr('flow.dm.unavailable');
    return { text, blocks: [section(text)] };
  }
  return renderFlowMessage(tr, state, system, {
    withImages,
    screenshotBaseUrl: deps.settings.screenshotBaseUrl,
    ...(authorizeUrl ? { authorizeUrl } : {}),
  });
}

/**
 * Posts the flow's message to a DM channel or a user id, and says where it landed. If Slack cannot
 * fetch a screenshot, the same step is posted with links instead.
 */
export async function postFlow(deps: FlowDeps, destination: string, state: FlowState): Promise<DmLocation> {
  const link = await authorizationLink(deps, state);
  const posted = await deps.slack
    .post(destination, renderFlow(deps, state, true, link))
    .catch((error: unknown) => {
      if (slackErrorCode(error) !== 'invalid_blocks') throw error;
      deps.logger.warn({ flowId: state.id }, 'Slack rejected the step with images; posting it without');
      return deps.slack.post(destination, renderFlow(deps, state, false, link));
    });
  return { channelId: posted.channel, ts: posted.ts };
}

/**
 * Draws the flow's DM message again in place. The state is already saved, so a Slack failure
 * does not undo anything: it is logged and described, for the caller to tell the person.
 */
export async function redrawFlow(deps: FlowDeps, state: FlowState): Promise<string | undefined> {
  if (!state.dm) return undefined;
  const { channelId, ts } = state.dm;
  let link: string | undefined;
  try {
    link = await authorizationLink(deps, state);
    await deps.slack.update(channelId, ts, renderFlow(deps, state, true, link));
    return undefined;
  } catch (error) {
    const retried =
      slackErrorCode(error) === 'invalid_blocks'
        ? await deps.slack.update(channelId, ts, renderFlow(deps, state, false, link)).then(
            () => undefined,
            (retryError: unknown) => retryError,
          )
        : error;
    if (!retried) return undefined;
    deps.logger.error(
      { flowId: state.id, error: slackErrorCode(retried) ?? (retried as Error).message },
      'Could not redraw the flow message',
    );
    return describeSlackFailure(holderWords(deps, state).tr, retried);
  }
}

/** Replaces an old drawing of the flow with a notice; a failure only means the old buttons stay. */
export async function retireFlowMessage(deps: FlowDeps, dm: DmLocation, notice: SlackMessage): Promise<void> {
  await deps.slack.update(dm.channelId, dm.ts, notice).catch(() => undefined);
}
