import type { FlowState, Handover } from '../flows/state.js';
import { t } from '../messages/index.js';
import type { LinkableSystem } from '../systems/types.js';
import { handoverOf } from './helpRequest.js';
import { ACTIONS, encodeFlowRef } from './ids.js';
import { actions, context, escapeText, header, section } from './kit.js';
import type { SlackMessage } from './message.js';

export {
  COLLEAGUE_ACTION,
  COLLEAGUE_BLOCK,
  NOTE_BLOCK,
  NOTE_MAX,
  REASON_BLOCK,
  type RequestMessageRef,
  renderDeclineModal,
  renderHelpModal,
} from './handoverModals.js';
export { renderExpiryWarning, renderIdleReminder, renderNudgeNote } from './reminders.js';

/** What the colleague has to give, in the vendor's words. */
function whatIsMissing(handover: Handover, system: LinkableSystem, state: FlowState): string {
  if (handover.reason === 'missing' && handover.missing?.length) {
    const where = state.lastOutcome?.detail ? `\n\n${state.lastOutcome.detail}` : '';
    const items = handover.missing.map((item) => `• \`${item}\``).join('\n');
    return `${t('ui.handover.missingInCredential', { vendor: system.vendor })}\n${items}${where}`;
  }
  if (handover.reason === 'linker') {
    const who =
      handover.linkers && handover.linkers !== 'admins'
        ? t('lifecycle.linkers.whoGroup', { group: handover.linkers })
        : t('lifecycle.linkers.whoAdmins');
    return t('lifecycle.linkers.requestMissing', { asker: handover.requestedBy, who, system: system.name });
  }
  const { missingPermission, whoCanHelp } = system.prerequisites;
  return t('ui.handover.missingPermission', { permission: missingPermission, whoCanHelp });
}

/** The colleague's DM: who asks, what exactly is missing, and how to answer. Pure. */
export function renderHelpRequest(state: FlowState, system: LinkableSystem, reminder = false): SlackMessage {
  const handover = handoverOf(state);
  const who = { asker: handover.requestedBy, system: system.name };
  const ref = encodeFlowRef(state.id, handover.seq);
  return {
    text: reminder ? t('ui.handover.requestReminderText', who) : t('ui.handover.requestText', who),
    blocks: [
      header(t('ui.handover.requestTitle', { vendor: system.vendor })),
      section(reminder ? t('ui.handover.requestReminder', who) : t('ui.handover.request', who)),
      section(whatIsMissing(handover, system, state)),
      ...(handover.note
        ? [
            section(
              t('ui.handover.requestNote', {
                asker: handover.requestedBy,
                note: escapeText(handover.note).replace(/\n/g, '\n>'),
              }),
            ),
          ]
        : []),
      actions('handover', [
        { text: t('ui.handover.takeOver'), actionId: ACTIONS.takeOver, value: ref, style: 'primary' },
        { text: t('ui.handover.granted'), actionId: ACTIONS.granted, value: ref },
        { text: t('ui.handover.decline'), actionId: ACTIONS.decline, value: ref },
      ]),
      context(t('ui.handover.requestExplained', { asker: handover.requestedBy })),
    ],
  };
}

function answer(handover: Handover, system: LinkableSystem): string {
  const who = { asker: handover.requestedBy, system: system.name };
  if (handover.status === 'taken') return t('ui.handover.answeredTaken', who);
  if (handover.status === 'granted') return t('ui.handover.answeredGranted', who);
  return handover.declineReason
    ? t('ui.handover.answeredDeclinedBecause', { ...who, reason: escapeText(handover.declineReason) })
    : t('ui.handover.answeredDeclined', who);
}

/** The colleague's copy once answered. Pure. */
export function renderAnsweredRequest(state: FlowState, system: LinkableSystem): SlackMessage {
  const outcome = answer(handoverOf(state), system);
  return {
    text: outcome,
    blocks: [header(t('ui.handover.requestTitle', { vendor: system.vendor })), section(outcome)],
  };
}

/** For a request that was already answered or replaced. */
export const renderStaleRequest = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

/** To the person who asked, when the colleague took the setup over. Pure. */
export function renderTakenOverNotice(
  state: FlowState,
  system: LinkableSystem,
  previousHolderId: string,
): SlackMessage {
  const text = t('ui.handover.takenOver', {
    holder: state.holderId,
    previous: previousHolderId,
    system: system.name,
  });
  return { text, blocks: [section(`:handshake: ${text}`)] };
}

/** To the person who asked, when the colleague granted what was missing. Pure. */
export function renderGrantedNotice(state: FlowState, system: LinkableSystem): SlackMessage {
  const text = t('ui.handover.grantedNotice', {
    colleague: String(state.handover?.colleagueId),
    vendor: system.vendor,
  });
  return { text, blocks: [section(`:white_check_mark: ${text}`)] };
}

/** To the person who asked, when the colleague cannot help. Pure. */
export function renderDeclinedNotice(state: FlowState, system: LinkableSystem): SlackMessage {
  const handover = handoverOf(state);
  const who = { colleague: handover.colleagueId, system: system.name };
  const text = handover.declineReason
    ? t('ui.handover.declinedNoticeBecause', { ...who, reason: escapeText(handover.declineReason) })
    : t('ui.handover.declinedNotice', who);
  return { text, blocks: [section(`:no_entry: ${text}`)] };
}
