import type { KnownBlock } from '@slack/types';
import { t } from '../messages/index.js';
import { context, section } from './kit.js';
import type { SlackMessage } from './message.js';

/** What a person is shown about a link's hand-over to Wintro. */
export type HandoverView = 'pending' | 'delivered' | 'failed';

/** The line under a linked setup's DM message. */
export function wintroHandoverBlocks(view: HandoverView | undefined, systemName: string): KnownBlock[] {
  if (!view) return [];
  const text = t(`connections.handover.${view}`, { system: systemName });
  return [view === 'failed' ? section(text) : context(text)];
}

/** The words after a linked system in `/wintro status`. */
export const handoverStatus = (view: HandoverView | undefined): string | undefined =>
  view ? t(`connections.status.${view}`) : undefined;

/** The DM telling whoever linked that the connection is verified but not with Wintro yet. */
export function renderHandoverFailedDm(systemName: string): SlackMessage {
  return {
    text: t('connections.failedDm.text', { system: systemName }),
    blocks: [section(t('connections.failedDm.body', { system: systemName }))],
  };
}

/** The same news for the team, in the notify channel. */
export function renderHandoverFailedNotice(systemName: string, userId: string): SlackMessage {
  return {
    text: t('connections.failedChannel.text', { system: systemName, user: userId }),
    blocks: [section(t('connections.failedChannel.body', { system: systemName, user: userId }))],
  };
}
