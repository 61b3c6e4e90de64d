import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../blocks/flowMessage.js';

/** The Slack Web API calls the bot makes, and nothing else. */
export interface SlackGateway {
  openDm(userId: string): Promise<string>;
  post(channel: string, message: SlackMessage): Promise<string>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  ephemeral(channel: string, userId: string, text: string): Promise<void>;
  openModal(triggerId: string, view: object): Promise<string>;
  updateModal(viewId: string, view: object): Promise<void>;
}

/** The Slack error code of a failed Web API call (e.g. `invalid_blocks`), if it has one. */
export const slackErrorCode = (error: unknown): string | undefined =>
  (error as { data?: { error?: string } }).data?.error;

export function createSlackGateway(client: WebClient): SlackGateway {
  return {
    async openDm(userId) {
      const result = await client.conversations.open({ users: userId });
      const id = result.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      return id;
    },
    async post(channel, message) {
      const result = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks as never,
      });
      if (!result.ts) throw new Error('chat.postMessage returned no ts');
      return result.ts;
    },
    async update(channel, ts, message) {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks as never });
    },
    async ephemeral(channel, userId, text) {
      await client.chat.postEphemeral({ channel, user: userId, text });
    },
    async openModal(triggerId, view) {
      const result = await client.views.open({ trigger_id: triggerId, view: view as never });
      return result.view?.id ?? '';
    },
    async updateModal(viewId, view) {
      await client.views.update({ view_id: viewId, view: view as never });
    },
  };
}
