import type { App } from '@slack/bolt';
import { section } from '../blocks/kit.js';
import type { LinkingService } from '../flows/linkingService.js';
import type { Logger } from '../logger.js';
import type { OnceGuard } from '../store/once.js';
import { commandPayload } from './payloads.js';
import { claimRequest } from './replays.js';
import { reason, UNAVAILABLE_TEXT } from './unavailable.js';

export function registerCommands(
  app: App,
  deps: { service: LinkingService; once: OnceGuard; logger: Logger },
) {
  app.command('/wintro', async ({ command, ack, respond }) => {
    const parsed = commandPayload.safeParse(command);
    if (!parsed.success) {
      await ack({
        response_type: 'ephemeral',
        text: 'That request did not look like a Slack command. Try `/wintro help`.',
      });
      return;
    }
    const { team_id: teamId, user_id: userId, text, trigger_id: triggerId } = parsed.data;
    let result: Awaited<ReturnType<LinkingService['command']>>;
    try {
      // Slack may deliver the same request twice; only the first one acts.
      if (triggerId && !(await claimRequest(deps.once, teamId, triggerId))) {
        await ack();
        return;
      }
      result = await deps.service.command({ teamId, userId, text });
    } catch (error) {
      deps.logger.error({ error: reason(error) }, 'Command failed');
      await ack({ response_type: 'ephemeral', text: UNAVAILABLE_TEXT });
      return;
    }
    await ack({ response_type: 'ephemeral', ...result.reply });
    if (!result.followUp) return;
    let followUp: Awaited<ReturnType<NonNullable<typeof result.followUp>>>;
    try {
      followUp = await result.followUp();
    } catch (error) {
      // The reply has gone out already; what came after it failed, and the person must hear so.
      deps.logger.error({ error: reason(error) }, 'Command follow-up failed');
      followUp = { text: UNAVAILABLE_TEXT, blocks: [section(UNAVAILABLE_TEXT)] };
    }
    if (!followUp) return;
    await respond({ response_type: 'ephemeral', replace_original: false, ...followUp }).catch(
      (error: unknown) => deps.logger.warn({ error: reason(error) }, 'Could not tell the user'),
    );
  });
}
