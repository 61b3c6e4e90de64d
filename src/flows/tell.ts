import type { SlackMessage } from '../blocks/flowMessage.js';
import { section } from '../blocks/kit.js';
import type { FlowDeps } from './deps.js';

/** A one-paragraph message. */
export const notice = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

/** A DM to a person that must not stop what is going on when Slack refuses it. */
export async function tellUser(deps: FlowDeps, userId: string, text: string): Promise<void> {
  try {
    await deps.slack.post(userId, notice(text));
  } catch (error) {
    deps.logger.warn({ error: (error as Error).message }, 'Could not DM a user');
  }
}

/** Updates a message that may be gone or out of reach; the flow does not depend on it. */
export async function updateQuietly(
  deps: FlowDeps,
  target: { channelId?: string; ts?: string } | undefined,
  message: SlackMessage,
): Promise<void> {
  if (!target?.channelId || !target.ts) return;
  await deps.slack.update(target.channelId, target.ts, message).catch(() => undefined);
}
