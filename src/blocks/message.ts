import type { KnownBlock } from '@slack/types';

/** A message as the bot posts or updates it: the blocks, and the text notifications and screen readers use. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
