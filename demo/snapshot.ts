import type { BotStatus } from './bot.js';
import { BOT, CHANNELS, dmOf, NOTIFY_CHANNEL, PEOPLE, personOf, type Workspace } from './slack/workspace.js';

/** The input block ids of a view: what a form asks for. */
export const inputIdsOf = (view: Record<string, unknown>) =>
  ((view.blocks as { type?: string; block_id?: string }[] | undefined) ?? [])
    .filter((block) => block.type === 'input' && block.block_id)
    .map((block) => block.block_id as string);

/**
 * What the page shows one person: the conversations they see, and the modal they have open, with
 * the sandbox account whose demo credentials fit it (`demoFor`), if any.
 */
export function snapshotFor(
  userId: string,
  workspace: Workspace,
  bot: BotStatus,
  demoFor: (fieldIds: string[]) => string | undefined,
) {
  const author = (id: string) =>
    id === BOT.userId ? BOT.name : id === 'USLACKBOT' ? 'Slackbot' : (personOf(id)?.name ?? id);
  const conversation = (id: string, name: string, kind: 'channel' | 'app') => ({
    id,
    name,
    kind,
    messages: workspace.visible(id, userId).map((message) => ({
      ts: message.ts,
      user: message.user,
      author: author(message.user),
      isApp: message.user === BOT.userId,
      text: message.text,
      blocks: message.blocks ?? null,
      ephemeral: Boolean(message.visibleTo),
      edited: Boolean(message.edited),
    })),
  });
  const home = workspace.homeOf(userId);
  const stack = workspace.stackOf(userId);
  const top = stack[stack.length - 1];
  return {
    version: workspace.version,
    me: userId,
    bot: { name: BOT.name, userId: BOT.userId, status: bot },
    people: PEOPLE.map(({ id, name, title, playable }) => ({ id, name, title, playable })),
    notifyChannel: NOTIFY_CHANNEL,
    conversations: [
      ...CHANNELS.map((channel) => conversation(channel.id, channel.name, 'channel')),
      conversation(dmOf(userId), BOT.name, 'app'),
    ],
    home: home ? { id: home.id, view: home.view } : null,
    modal: top
      ? {
          id: top.id,
          view: top.view,
          errors: top.errors ?? {},
          depth: stack.length,
          demoCredentials: demoFor(inputIdsOf(top.view)) ?? null,
        }
      : null,
  };
}
