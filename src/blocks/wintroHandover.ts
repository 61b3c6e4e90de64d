import type { KnownBlock } from '@slack/types';
import type { Translate } from '../messages/index.js';
import { context, section } from './kit.js';
import type { SlackMessage } from './message.js';

/** What a person is shown about a link's hand-over to Wintro. */
export type HandoverView = 'pending' | 'delivered' | 'failed';

/** The line under a linked setup's DM message. */
export function wintroHandoverBlocks(
  tr: Translate,
  view: HandoverView | undefined,
  systemName: string,
): KnownBlock[] {
  if (!view) return [];
  const text = tr(`connections.handover.${view}`, { system: systemName });
  return [view === 'failed' ? section(text) : context(text)];
}

/** The words after a linked system in `/wintro status`. */
export const handoverStatus = (tr: Translate, view: HandoverView | undefined): string | undefined =>
  view ? tr(`connections.status.${view}`) : undefined;

/** The DM telling whoever linked that the connection is verified but not with Wintro yet. */
export function renderHandoverFailedDm(tr: Translate, systemName: string): SlackMessage {
  return {
    text: tr('connections.failedDm.text', { system: systemName }),
    blocks: [section(tr('connections.failedDm.body', { system: systemName }))],
  };
}

/** The same news for the team, in the notify channel. */
export function renderHandoverFailedNotice(tr: Translate, systemName: string, userId: string): SlackMessage {
  return {
    text: tr('connections.failedChannel.text', { system: systemName, user: userId }),
    blocks: [section(tr('connections.failedChannel.body', { system: systemName, user: userId }))],
  };
}
