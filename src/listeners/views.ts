import type { App } from '@slack/bolt';
import { CREDENTIALS_CALLBACK, FIELD_ACTION } from '../blocks/ids.js';
import type { CredentialsDesk } from '../flows/credentialsDesk.js';
import type { Logger } from '../logger.js';
import type { SlackGateway } from '../slack/gateway.js';
import type { OnceGuard } from '../store/once.js';
import { fieldValues, teamOf, viewPayload } from './payloads.js';
import { isReplay } from './replays.js';
import { reason, UNAVAILABLE_TEXT, unavailableForm } from './unavailable.js';

export function registerViews(
  app: App,
  deps: { desk: CredentialsDesk; slack: SlackGateway; once: OnceGuard; logger: Logger },
) {
  app.view(CREDENTIALS_CALLBACK, async ({ ack, body }) => {
    const parsed = viewPayload.safeParse(body);
    const teamId = parsed.success ? teamOf(parsed.data, parsed.data.view.team_id) : undefined;
    if (!parsed.success || !teamId) {
      await ack();
      return;
    }
    const { user, view } = parsed.data;
    const values = fieldValues(view.state.values, FIELD_ACTION);
    if (await isReplay(deps.once, teamId, parsed.data.trigger_id)) {
      await ack();
      return;
    }
    let result: Awaited<ReturnType<CredentialsDesk['submit']>>;
    try {
      result = await deps.desk.submit({
        teamId,
        userId: user.id,
        viewId: view.id,
        flowId: view.private_metadata,
        values,
      });
    } catch (error) {
      deps.logger.error({ error: reason(error) }, 'Credentials submission failed');
      const firstBlock = Object.keys(view.state.values)[0] ?? 'value';
      await ack({ response_action: 'errors', errors: { [firstBlock]: UNAVAILABLE_TEXT } });
      return;
    }
    await ack(result.ack as never);
    try {
      await result.afterAck?.();
    } catch (error) {
      // The check ran after the form said "checking"; its result could not be stored. The form
      // must not keep saying "checking" forever: it comes back, with the notice on top.
      deps.logger.error({ error: reason(error) }, 'Could not finish a credentials check');
      await deps.slack
        .updateModal(view.id, unavailableForm((body as { view?: unknown }).view, view.private_metadata))
        .catch((updateError: unknown) =>
          deps.logger.warn({ error: reason(updateError) }, 'Could not tell the user'),
        );
    }
  });
}
