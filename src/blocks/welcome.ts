import type { Translate } from '../messages/index.js';
import { section } from './kit.js';
import type { SlackMessage } from './message.js';

/** The first DM to whoever installed the app: what it does and what to type. Pure. */
export function renderWelcome(tr: Translate): SlackMessage {
  const text = tr('workspace.welcome.text');
  return {
    text,
    blocks: [section(`:wave: *${text}*`), section(tr('workspace.welcome.next'))],
  };
}

/** Where new links are announced, for `/wintro status` and `/wintro notify`. Pure. */
export function notifyChannelLine(
  tr: Translate,
  channelId: string | undefined,
  announcedInDm: boolean,
): string {
  if (channelId) return tr('workspace.notify.current', { channel: channelId });
  return announcedInDm ? tr('workspace.notify.none') : '';
}
