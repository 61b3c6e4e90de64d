import { t } from '../messages/index.js';
import { section } from './kit.js';
import type { SlackMessage } from './message.js';

/** The first DM to whoever installed the app: what it does and what to type. Pure. */
export function renderWelcome(): SlackMessage {
  const text = t('workspace.welcome.text');
  return {
    text,
    blocks: [section(`:wave: *${text}*`), section(t('workspace.welcome.next'))],
  };
}

/** Where new links are announced, for `/wintro status` and `/wintro notify`. Pure. */
export function notifyChannelLine(channelId: string | undefined, announcedInDm: boolean): string {
  if (channelId) return t('workspace.notify.current', { channel: channelId });
  return announcedInDm ? t('workspace.notify.none') : '';
}
