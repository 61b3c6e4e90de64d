import type { FlowState, Handover } from '../flows/state.js';
import type { Translate } from '../messages/index.js';
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
function whatIsMissing(
  tr: Translate,
  handover: Handover,
  system: LinkableSystem,
  state: FlowState,
  withCheckDetail: boolean,
): string {
  if (handover.reason === 'missing' && handover.missing?.length) {
    const detail = withCheckDetail ? state.lastOutcome?.detail : undefined;
    const where = detail ? `\n\n${detail}` : '';
    const items = handover.missing.map((item) => `• \`${item}\``).join('\n');
    return `${tr('ui.handover.missingInCredential', { vendor: system.vendor })}\n${items}${where}`;
  }
  if (handover.reason === 'linker') {
    const who =
      handover.linkers && handover.linkers !== 'admins'
        ? tr('lifecycle.linkers.whoGroup', { group: handover.linkers })
        : tr('lifecycle.linkers.whoAdmins');
    return tr('lifecycle.linkers.requestMissing', { asker: handover.requestedBy, who, system: system.name });
  }
  const { missingPermission, whoCanHelp } = system.prerequisites;
  return tr('ui.handover.missingPermission', { permission: missingPermission, whoCanHelp });
}

/**
 * The colleague's DM: who asks, what exactly is missing, and how to answer. What the check said
 * (kept with the flow in the holder's language) is quoted only when `withCheckDetail`: the colleague
 * reads that language too. Pure.
 */
export function renderHelpRequest(
  tr: Translate,
  state: FlowState,
  system: LinkableSystem,
  reminder = false,
  withCheckDetail = true,
): SlackMessage {
  const handover = handoverOf(state);
  const who = { asker: handover.requestedBy, system: system.name };
  const ref = encodeFlowRef(state.id, handover.seq);
  return {
    text: reminder ? tr('ui.handover.requestReminderText', who) : tr('ui.handover.requestText', who),
    blocks: [
      header(tr('ui.handover.requestTitle', { vendor: system.vendor })),
      section(reminder ? tr('ui.handover.requestReminder', who) : tr('ui.handover.request', who)),
      section(whatIsMissing(tr, handover, system, state, withCheckDetail)),
      ...(handover.note
        ? [
            section(
              tr('ui.handover.requestNote', {
                asker: handover.requestedBy,
                note: escapeText(handover.note).replace(/\n/g, '\n>'),
              }),
            ),
          ]
        : []),
      actions('handover', [
        { text: tr('ui.handover.takeOver'), actionId: ACTIONS.takeOver, value: ref, style: 'primary' },
        { text: tr('ui.handover.granted'), actionId: ACTIONS.granted, value: ref },
        { text: tr('ui.handover.decline'), actionId: ACTIONS.decline, value: ref },
      ]),
      context(tr('ui.handover.requestExplained', { asker: handover.requestedBy })),
    ],
  };
}

function answer(tr: Translate, handover: Handover, system: LinkableSystem): string {
  const who = { asker: handover.requestedBy, system: system.name };
  if (handover.status === 'taken') return tr('ui.handover.answeredTaken', who);
  if (handover.status === 'granted') return tr('ui.handover.answeredGranted', who);
  return handover.declineReason
    ? tr('ui.handover.answeredDeclinedBecause', { ...who, reason: escapeText(handover.declineReason) })
    : tr('ui.handover.answeredDeclined', who);
}

/** The colleague's copy once answered. Pure. */
export function renderAnsweredRequest(tr: Translate, state: FlowState, system: LinkableSystem): SlackMessage {
  const outcome = answer(tr, handoverOf(state), system);
  return {
    text: outcome,
    blocks: [header(tr('ui.handover.requestTitle', { vendor: system.vendor })), section(outcome)],
  };
}

/** For a request that was already answered or replaced. */
export const renderStaleRequest = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

/** To the person who asked, when the colleague took the setup over. Pure. */
export function renderTakenOverNotice(
  tr: Translate,
  state: FlowState,
  system: LinkableSystem,
  previousHolderId: string,
): SlackMessage {
  const text = tr('ui.handover.takenOver', {
    holder: state.holderId,
    previous: previousHolderId,
    system: system.name,
  });
  return { text, blocks: [section(`:handshake: ${text}`)] };
}

/** To the person who asked, when the colleague granted what was missing. Pure. */
export function renderGrantedNotice(tr: Translate, state: FlowState, system: LinkableSystem): SlackMessage {
  const text = tr('ui.handover.grantedNotice', {
    colleague: String(state.handover?.colleagueId),
    vendor: system.vendor,
  });
  return { text, blocks: [section(`:white_check_mark: ${text}`)] };
}

/** To the person who asked, when the colleague cannot help. Pure. */
export function renderDeclinedNotice(tr: Translate, state: FlowState, system: LinkableSystem): SlackMessage {
  const handover = handoverOf(state);
  const who = { colleague: handover.colleagueId, system: system.name };
  const text = handover.declineReason
    ? tr('ui.handover.declinedNoticeBecause', { ...who, reason: escapeText(handover.declineReason) })
    : tr('ui.handover.declinedNotice', who);
  return { text, blocks: [section(`:no_entry: ${text}`)] };
}
