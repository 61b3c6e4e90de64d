import { DEMO_WORDS } from '../words.js';
import { BOT, CHANNELS, type OpenView, personOf, TEAM } from './workspace.js';

/** The pieces of Slack's payloads the demo sends the app, and Slack's own check of a form. */
export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

/** A view as Slack sends it in a payload: what the app last set, with the state of its inputs. */
export function viewPayload(opened: OpenView, values: StateValues): Record<string, unknown> {
  const { view } = opened;
  return {
    id: opened.id,
    team_id: TEAM.id,
    type: view.type ?? (opened.id.startsWith('V0HOME') ? 'home' : 'modal'),
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    state: { values },
    hash: opened.hash,
    title: view.title,
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    close: view.close ?? null,
    submit: view.submit ?? null,
    previous_view_id: null,
    root_view_id: opened.id,
    app_id: BOT.appId,
    external_id: view.external_id ?? '',
    app_installed_team_id: TEAM.id,
    bot_id: BOT.botId,
  };
}

/** Text a person typed, escaped the way Slack stores it. */
export const escapeTyped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const handleOf = (user: string) =>
  (personOf(user)?.name ?? user).toLowerCase().replace(/[^a-z0-9]+/g, '.');

export const userField = (user: string) => ({
  id: user,
  username: handleOf(user),
  name: handleOf(user),
  team_id: TEAM.id,
});

export const channelName = (channel: string) =>
  CHANNELS.find((each) => each.id === channel)?.name ?? (channel.startsWith('D') ? 'directmessage' : channel);

export const pick = (from: Record<string, unknown>, names: string[]) =>
  Object.fromEntries(names.filter((name) => from[name] !== undefined).map((name) => [name, from[name]]));

const isEmpty = (value: Record<string, unknown> | undefined) =>
  !value ||
  ['value', 'selected_user', 'selected_date', 'selected_option', 'selected_users', 'selected_options'].every(
    (field) => value[field] === undefined || value[field] === null || value[field] === '',
  );

interface InputLike {
  type?: string;
  block_id: string;
  optional?: boolean;
  element?: { action_id?: string };
}

export function requiredLeftEmpty(opened: OpenView, values: StateValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const block of (opened.view.blocks as InputLike[] | undefined) ?? []) {
    if (block.type !== 'input' || block.optional === true) continue;
    const actionId = block.element?.action_id as string | undefined;
    const value = actionId ? values[block.block_id]?.[actionId] : undefined;
    if (isEmpty(value)) errors[block.block_id] = DEMO_WORDS.slack.required;
  }
  return errors;
}
