import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../messages/index.js';
import type { CredentialField, LinkableSystem, VerificationFailure } from '../systems/types.js';
import { CREDENTIALS_CALLBACK, FIELD_ACTION } from './ids.js';
import { context, datepicker, input, LIMITS, plain, section, staticSelect, textInput } from './kit.js';

export type ModalStatus =
  | { kind: 'form' }
  | { kind: 'checking' }
  | { kind: 'failed'; outcome: VerificationFailure }
  | { kind: 'linked'; details: { label: string; value: string }[] };

function banner(
  tr: Translate,
  status: ModalStatus,
  system: LinkableSystem,
  fieldLabels: Map<string, string>,
): KnownBlock[] {
  switch (status.kind) {
    case 'form':
      return [];
    case 'checking':
      return [section(tr('ui.credentials.checking', { vendor: system.vendor }))];
    case 'failed': {
      const { outcome } = status;
      const fieldLines = Object.entries(outcome.fieldErrors ?? {}).map(
        ([id, message]) => `• *${fieldLabels.get(id) ?? id}:* ${message}`,
      );
      return [section([`:warning: *${outcome.title}*`, outcome.detail, ...fieldLines].join('\n'))];
    }
    case 'linked':
      return [];
  }
}

/**
 * The input for one field: typed, picked from a list, or picked on a calendar. A field that only
 * serves another (`formOnly`) is read by its own action id, so its block needs no id.
 */
function fieldInput(field: CredentialField): InputBlock {
  const kind = field.input?.kind ?? 'text';
  const element =
    kind === 'select' && field.input?.kind === 'select'
      ? staticSelect(FIELD_ACTION, field.placeholder, field.input.options)
      : kind === 'date'
        ? datepicker(field.formOnly ? field.id : FIELD_ACTION, field.placeholder)
        : // Looser than the field's limit: a paste may carry spaces, tidied away before that limit is checked.
          textInput({
            actionId: FIELD_ACTION,
            maxLength: field.maxLength + 100,
            placeholder: field.placeholder,
          });
  return input({
    ...(field.formOnly ? {} : { blockId: field.id }),
    optional: true,
    label: field.label,
    hint: field.hint,
    element,
  });
}

/**
 * The private credentials form. The inputs keep the same block and action ids in every state,
 * so Slack keeps what the admin typed while we check and after a failed check. Pure.
 */
export function renderCredentialsModal(
  tr: Translate,
  flowId: string,
  system: LinkableSystem,
  status: ModalStatus,
): ModalView {
  const title = plain(tr('ui.credentials.title', { vendor: system.vendor }), LIMITS.modalTitle);
  if (status.kind === 'linked') {
    return {
      type: 'modal',
      callback_id: CREDENTIALS_CALLBACK,
      private_metadata: flowId,
      title,
      close: plain(tr('ui.credentials.done'), LIMITS.modalTitle),
      blocks: [
        section(tr('ui.credentials.linked', { system: system.name })),
        ...(status.details.length
          ? [section(status.details.map((detail) => `*${detail.label}:* ${detail.value}`).join('\n'))]
          : []),
        context(tr('ui.credentials.stored')),
      ],
    };
  }
  const labels = new Map(system.credentialFields.map((field) => [field.id, field.label]));
  const submit = status.kind === 'failed' ? tr('ui.credentials.submitAgain') : tr('ui.credentials.submit');
  return {
    type: 'modal',
    callback_id: CREDENTIALS_CALLBACK,
    private_metadata: flowId,
    title,
    submit: plain(submit, LIMITS.modalTitle),
    close: plain(tr('ui.credentials.cancel'), LIMITS.modalTitle),
    blocks: [
      ...banner(tr, status, system, labels),
      context(tr('ui.credentials.privacy', { vendor: system.vendor })),
      ...system.credentialFields.map(fieldInput),
    ],
  };
}
