import type { FlowState, Handover } from '../flows/state.js';
import type { LinkableSystem } from '../systems/types.js';
import type { SlackMessage } from './flowMessage.js';
import { ACTIONS, DECLINE_CALLBACK, encodeFlowRef, FIELD_ACTION, HELP_CALLBACK } from './ids.js';
import { actions, context, escapeText, header, LIMITS, plain, section } from './kit.js';

export const COLLEAGUE_BLOCK = 'colleague';
export const COLLEAGUE_ACTION = 'user';
export const NOTE_BLOCK = 'note';
export const REASON_BLOCK = 'reason';
export const NOTE_MAX = 500;

/** What the colleague has to give, in the vendor's words. */
function whatIsMissing(handover: Handover, system: LinkableSystem, state: FlowState): string {
  if (handover.reason === 'missing' && handover.missing?.length) {
    const where = state.lastOutcome?.detail ? `\n\n${state.lastOutcome.detail}` : '';
    return `*Missing in the ${system.vendor} credential Wintro uses:*\n${handover.missing.map((item) => `• \`${item}\``).join('\n')}${where}`;
  }
  return `*Missing:* ${system.prerequisites.missingPermission}\n${system.prerequisites.whoCanHelp}`;
}

/** The form that asks who can help. Only the flow id travels in private_metadata. */
export function renderHelpModal(flowId: string, system: LinkableSystem, suggestedUserId?: string) {
  return {
    type: 'modal' as const,
    callback_id: HELP_CALLBACK,
    private_metadata: flowId,
    title: plain('Ask for help', LIMITS.modalTitle),
    submit: plain('Send request', LIMITS.modalTitle),
    close: plain('Cancel', LIMITS.modalTitle),
    blocks: [
      section(
        `Pick who can give you access in ${system.vendor}. I'll send them exactly what is missing and let them take over the setup or tell you when it's done.`,
      ),
      {
        type: 'input',
        block_id: COLLEAGUE_BLOCK,
        label: plain('Who can help?', 2000),
        element: {
          type: 'users_select',
          action_id: COLLEAGUE_ACTION,
          placeholder: plain('Choose a colleague', 150),
          ...(suggestedUserId ? { initial_user: suggestedUserId } : {}),
        },
        ...(suggestedUserId ? { hint: plain('Suggested: the person your team asked last time.', 2000) } : {}),
      },
      {
        type: 'input',
        block_id: NOTE_BLOCK,
        optional: true,
        label: plain('Note for them', 2000),
        element: {
          type: 'plain_text_input',
          action_id: FIELD_ACTION,
          multiline: true,
          max_length: NOTE_MAX,
          placeholder: plain('Anything they should know', 150),
        },
      },
    ],
  };
}

/** Where the colleague's copy of a request lives, so it can be updated after they answer. */
export interface RequestMessageRef {
  flowId: string;
  seq: number;
  channelId?: string;
  ts?: string;
}

export function renderDeclineModal(ref: RequestMessageRef) {
  return {
    type: 'modal' as const,
    callback_id: DECLINE_CALLBACK,
    private_metadata: JSON.stringify(ref),
    title: plain("Can't help", LIMITS.modalTitle),
    submit: plain('Send', LIMITS.modalTitle),
    close: plain('Back', LIMITS.modalTitle),
    blocks: [
      {
        type: 'input',
        block_id: REASON_BLOCK,
        label: plain('Why not? They will see this.', 2000),
        element: {
          type: 'plain_text_input',
          action_id: FIELD_ACTION,
          multiline: true,
          max_length: NOTE_MAX,
          placeholder: plain('e.g. I am not an admin either; ask Sam', 150),
        },
      },
    ],
  };
}

/** The colleague's DM: who asks, what exactly is missing, and how to answer. Pure. */
export function renderHelpRequest(state: FlowState, system: LinkableSystem, reminder = false): SlackMessage {
  const handover = state.handover as Handover;
  const asker = `<@${handover.requestedBy}>`;
  const ref = encodeFlowRef(state.id, handover.seq);
  const intro = reminder
    ? `:bell: Reminder: ${asker} is still waiting for your help linking *${system.name}* to Wintro.`
    : `${asker} is linking *${system.name}* to Wintro and needs access they don't have.`;
  return {
    text: reminder
      ? `Reminder: ${asker} is waiting for your help linking ${system.name} to Wintro.`
      : `${asker} needs your help linking ${system.name} to Wintro.`,
    blocks: [
      header(`Can you help with ${system.vendor}?`),
      section(intro),
      section(whatIsMissing(handover, system, state)),
      ...(handover.note
        ? [section(`*Note from ${asker}:*\n>${escapeText(handover.note).replace(/\n/g, '\n>')}`)]
        : []),
      actions('handover', [
        { text: 'Take over the setup', actionId: ACTIONS.takeOver, value: ref, style: 'primary' },
        { text: "I've granted it", actionId: ACTIONS.granted, value: ref },
        { text: "I can't help", actionId: ACTIONS.decline, value: ref },
      ]),
      context(
        `*Take over*: the setup moves to you, at the step where ${asker} stopped. *I've granted it*: ${asker} gets a message to carry on.`,
      ),
    ],
  };
}

/** The colleague's copy once answered. Pure. */
export function renderAnsweredRequest(state: FlowState, system: LinkableSystem): SlackMessage {
  const handover = state.handover as Handover;
  const asker = `<@${handover.requestedBy}>`;
  const outcome =
    handover.status === 'taken'
      ? `:white_check_mark: You took over the ${system.name} setup: it continues in the message below.`
      : handover.status === 'granted'
        ? `:white_check_mark: Thanks! I told ${asker} to carry on with the ${system.name} setup.`
        : `:no_entry: You told ${asker} you can't help${handover.declineReason ? `: “${escapeText(handover.declineReason)}”` : '.'}`;
  return { text: outcome, blocks: [header(`Can you help with ${system.vendor}?`), section(outcome)] };
}

/** For a request that was already answered or replaced. */
export const renderStaleRequest = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

export function renderTakenOverNotice(
  state: FlowState,
  system: LinkableSystem,
  previousHolderId: string,
): SlackMessage {
  const text = `<@${state.holderId}> took over the ${system.name} setup from <@${previousHolderId}>. You'll see it in the channel when it's linked.`;
  return { text, blocks: [section(`:handshake: ${text}`)] };
}

export function renderGrantedNotice(state: FlowState, system: LinkableSystem): SlackMessage {
  const text = `<@${state.handover?.colleagueId}> says the access for ${system.vendor} is granted. Carry on where you stopped:`;
  return { text, blocks: [section(`:white_check_mark: ${text}`)] };
}

export function renderDeclinedNotice(state: FlowState, system: LinkableSystem): SlackMessage {
  const handover = state.handover as Handover;
  const reason = handover.declineReason ? `: “${escapeText(handover.declineReason)}”` : '.';
  const text = `<@${handover.colleagueId}> can't help with the ${system.name} setup${reason} You can ask someone else from your setup message.`;
  return { text, blocks: [section(`:no_entry: ${text}`)] };
}

export function renderNudgeNote(state: FlowState, system: LinkableSystem): SlackMessage {
  const handover = state.handover as Handover;
  const text = `<@${handover.colleagueId}> hasn't answered your request for help with ${system.name} yet, even after a reminder.`;
  return {
    text,
    blocks: [
      section(`:hourglass: ${text} You can ask someone else.`),
      actions('nudge', [
        { text: 'Ask someone else', actionId: ACTIONS.help, value: encodeFlowRef(state.id, state.version) },
      ]),
    ],
  };
}

/** The reminder for a setup nobody touched for a while. */
export function renderIdleReminder(state: FlowState, system: { name: string }, where: string): SlackMessage {
  const since = Math.floor(state.updatedAt / 1000);
  const text = `Your ${system.name} setup is waiting at ${where}.`;
  return {
    text,
    blocks: [
      section(
        `:wave: ${text} It has not moved since <!date^${since}^{date_short_pretty} at {time}|${new Date(state.updatedAt).toISOString()}>.`,
      ),
      actions('reminder', [
        {
          text: 'Continue',
          actionId: ACTIONS.resume,
          value: encodeFlowRef(state.id, state.version),
          style: 'primary',
        },
        {
          text: 'Cancel setup',
          actionId: ACTIONS.cancel,
          value: encodeFlowRef(state.id, state.version),
          style: 'danger',
        },
      ]),
    ],
  };
}

/** Credentials that run out soon, with what to do about it. Pure. */
export function renderExpiryWarning(systemName: string, expiresAt: string, linkWord: string): SlackMessage {
  const day = expiresAt.slice(0, 10);
  const text = `The ${systemName} credentials Wintro uses expire on ${day}.`;
  return {
    text,
    blocks: [
      section(
        `:hourglass: ${text} After that Wintro cannot read ${systemName}. Create new credentials in ${systemName} and type \`/wintro link ${linkWord}\` to replace them: it takes a few minutes, and the connection keeps working until the old ones expire.`,
      ),
    ],
  };
}
