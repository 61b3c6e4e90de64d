import type { ModalView } from '@slack/types';
import type { Translate } from '../messages/index.js';
import type { LinkableSystem } from '../systems/types.js';
import { DECLINE_CALLBACK, FIELD_ACTION, HELP_CALLBACK } from './ids.js';
import { input, LIMITS, plain, section, textInput, usersSelect } from './kit.js';

export const COLLEAGUE_BLOCK = 'colleague';
export const COLLEAGUE_ACTION = 'user';
export const NOTE_BLOCK = 'note';
export const REASON_BLOCK = 'reason';
export const NOTE_MAX = 500;

/** The form that asks who can help. Only the flow id travels in private_metadata. Pure. */
export function renderHelpModal(
  tr: Translate,
  flowId: string,
  system: LinkableSystem,
  suggestedUserId?: string,
): ModalView {
  return {
    type: 'modal',
    callback_id: HELP_CALLBACK,
    private_metadata: flowId,
    title: plain(tr('ui.handover.askTitle'), LIMITS.modalTitle),
    submit: plain(tr('ui.handover.askSubmit'), LIMITS.modalTitle),
    close: plain(tr('ui.handover.askCancel'), LIMITS.modalTitle),
    blocks: [
      section(tr('ui.handover.askIntro', { vendor: system.vendor })),
      {
        type: 'input',
        block_id: COLLEAGUE_BLOCK,
        label: plain(tr('ui.handover.colleagueLabel'), LIMITS.inputLabel),
        element: usersSelect(COLLEAGUE_ACTION, tr('ui.handover.colleaguePlaceholder'), suggestedUserId),
        ...(suggestedUserId ? { hint: plain(tr('ui.handover.colleagueSuggested'), LIMITS.inputHint) } : {}),
      },
      input({
        blockId: NOTE_BLOCK,
        optional: true,
        label: tr('ui.handover.noteLabel'),
        element: textInput({
          actionId: FIELD_ACTION,
          multiline: true,
          maxLength: NOTE_MAX,
          placeholder: tr('ui.handover.notePlaceholder'),
        }),
      }),
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

/** The form in which a colleague says why they cannot help. Pure. */
export function renderDeclineModal(tr: Translate, ref: RequestMessageRef): ModalView {
  return {
    type: 'modal',
    callback_id: DECLINE_CALLBACK,
    private_metadata: JSON.stringify(ref),
    title: plain(tr('ui.handover.declineTitle'), LIMITS.modalTitle),
    submit: plain(tr('ui.handover.declineSubmit'), LIMITS.modalTitle),
    close: plain(tr('ui.handover.declineBack'), LIMITS.modalTitle),
    blocks: [
      input({
        blockId: REASON_BLOCK,
        label: tr('ui.handover.declineLabel'),
        element: textInput({
          actionId: FIELD_ACTION,
          multiline: true,
          maxLength: NOTE_MAX,
          placeholder: tr('ui.handover.declinePlaceholder'),
        }),
      }),
    ],
  };
}
