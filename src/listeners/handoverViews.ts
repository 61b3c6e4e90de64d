import type { App } from '@slack/bolt';
import { COLLEAGUE_ACTION, COLLEAGUE_BLOCK, NOTE_BLOCK, REASON_BLOCK } from '../blocks/handover.js';
import { DECLINE_CALLBACK, FIELD_ACTION, HELP_CALLBACK } from '../blocks/ids.js';
import type { FormResult, HandoverDesk } from '../flows/handoverDesk.js';
import type { Logger } from '../logger.js';
import type { SlackGateway } from '../slack/gateway.js';
import type { OnceGuard } from '../store/once.js';
import { fieldValues, parseRequestMessageRef, selectedUser, teamOf, viewPayload } from './payloads.js';
import { isReplay } from './replays.js';
import { reason, UNAVAILABLE_TEXT } from './unavailable.js';

export function registerHandoverViews(
  app: App,
  deps: { handover: HandoverDesk; slack: SlackGateway; once: OnceGuard; logger: Logger },
) {
  const handle = (
    callbackId: string,
    errorBlock: string,
    run: (input: {
      teamId: string;
      userId: string;
      privateMetadata: string;
      values: Record<string, string>;
      colleagueId?: string;
    }) => Promise<FormResult>,
  ) => {
    app.view(callbackId, async ({ ack, body }) => {
      const parsed = viewPayload.safeParse(body);
      const teamId = parsed.success ? teamOf(parsed.data, parsed.data.view.team_id) : undefined;
      if (!parsed.success || !teamId) {
        await ack();
        return;
      }
      const { view, user } = parsed.data;
      if (await isReplay(deps.once, teamId, parsed.data.trigger_id)) {
        await ack();
        return;
      }
      let result: FormResult;
      try {
        result = await run({
          teamId,
          userId: user.id,
          privateMetadata: view.private_metadata,
          values: fieldValues(view.state.values, FIELD_ACTION),
          colleagueId: selectedUser(view.state.values, COLLEAGUE_BLOCK, COLLEAGUE_ACTION),
        });
      } catch (error) {
        deps.logger.error({ error: reason(error), callbackId }, 'Hand-over form failed');
        await ack({ response_action: 'errors', errors: { [errorBlock]: UNAVAILABLE_TEXT } });
        return;
      }
      await ack(result.ack);
      try {
        await result.afterAck?.();
      } catch (error) {
        // The form has closed: what it asked for did not happen, so say so where the person is.
        deps.logger.error({ error: reason(error), callbackId }, 'Hand-over form failed after it closed');
        try {
          const channelId = await deps.slack.openDm(user.id);
          await deps.slack.ephemeral(channelId, user.id, UNAVAILABLE_TEXT);
        } catch (tellError) {
          deps.logger.warn({ error: reason(tellError) }, 'Could not tell the user');
        }
      }
    });
  };

  handle(HELP_CALLBACK, COLLEAGUE_BLOCK, ({ teamId, userId, privateMetadata, values, colleagueId }) =>
    deps.handover.submitHelp({
      teamId,
      userId,
      flowId: privateMetadata,
      colleagueId,
      note: values[NOTE_BLOCK],
    }),
  );
  handle(DECLINE_CALLBACK, REASON_BLOCK, async ({ teamId, userId, privateMetadata, values }) => {
    const ref = parseRequestMessageRef(privateMetadata);
    if (!ref) return { ack: undefined };
    return deps.handover.submitDecline({ teamId, userId, ref, reason: values[REASON_BLOCK] });
  });
}
