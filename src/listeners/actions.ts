import type { App } from '@slack/bolt';
import { ACTIONS } from '../blocks/ids.js';
import type { LinkingService } from '../flows/linkingService.js';
import type { Logger } from '../logger.js';
import type { SlackGateway } from '../slack/gateway.js';
import type { OnceGuard } from '../store/once.js';
import { actionPayload, teamOf } from './payloads.js';
import { claimRequest } from './replays.js';
import { reason, UNAVAILABLE_TEXT } from './unavailable.js';

export function registerActions(
  app: App,
  deps: { service: LinkingService; once: OnceGuard; slack: SlackGateway; logger: Logger },
) {
  app.action(/^(flow|pick|handover)\./, async ({ ack, body, respond }) => {
    await ack();
    const parsed = actionPayload.safeParse(body);
    if (!parsed.success) return;
    const payload = parsed.data;
    const teamId = teamOf(payload);
    const action = payload.actions[0];
    if (!teamId || !action) return;
    const userId = payload.user.id;
    const channelId = payload.channel?.id;
    const isPicker = action.action_id.startsWith(`${ACTIONS.pick}:`);

    const tell = async (text: string) => {
      if (isPicker) await respond({ replace_original: true, text });
      else await deps.slack.ephemeral(channelId ?? (await deps.slack.openDm(userId)), userId, text);
    };

    let notice: string | undefined;
    try {
      if (payload.trigger_id && !(await claimRequest(deps.once, teamId, payload.trigger_id))) return;
      notice = await deps.service.action({
        teamId,
        userId,
        actionId: action.action_id,
        value: action.value,
        triggerId: payload.trigger_id,
        channelId,
        messageTs: payload.container?.message_ts ?? payload.message?.ts,
      });
    } catch (error) {
      deps.logger.error({ error: reason(error), actionId: action.action_id }, 'Button failed');
      notice = UNAVAILABLE_TEXT;
    }
    if (notice)
      await tell(notice).catch((error: unknown) =>
        deps.logger.warn({ error: reason(error) }, 'Could not tell the user'),
      );
  });
}
