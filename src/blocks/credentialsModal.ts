import type { LinkableSystem, VerificationFailure } from '../systems/types.js';
import { CREDENTIALS_CALLBACK, FIELD_ACTION } from './ids.js';
import { type Block, context, LIMITS, plain, section } from './kit.js';

export type ModalStatus =
  | { kind: 'form' }
  | { kind: 'checking' }
  | { kind: 'failed'; outcome: VerificationFailure }
  | { kind: 'linked'; details: { label: string; value: string }[] };

function banner(status: ModalStatus, system: LinkableSystem, fieldLabels: Map<string, string>): Block[] {
  switch (status.kind) {
    case 'form':
      return [];
    case 'checking':
      return [
        section(`:hourglass_flowing_sand: *Checking with ${system.vendor}…* This takes a few seconds.`),
      ];
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
 * The private credentials form. The inputs keep the same block and action ids in every state,
 * so Slack keeps what the admin typed while we check and after a failed check. Pure.
 */
export function renderCredentialsModal(flowId: string, system: LinkableSystem, status: ModalStatus) {
  const title = plain(`Link ${system.vendor}`, LIMITS.modalTitle);
  if (status.kind === 'linked') {
    return {
      type: 'modal' as const,
      callback_id: CREDENTIALS_CALLBACK,
      private_metadata: flowId,
      title,
      close: plain('Done', LIMITS.modalTitle),
      blocks: [
        section(`:white_check_mark: *${system.name} is linked to Wintro.*`),
        ...(status.details.length
          ? [section(status.details.map((detail) => `*${detail.label}:* ${detail.value}`).join('\n'))]
          : []),
        context('The credentials are stored encrypted. You can close this window.'),
      ],
    };
  }
  const labels = new Map(system.credentialFields.map((field) => [field.id, field.label]));
  return {
    type: 'modal' as const,
    callback_id: CREDENTIALS_CALLBACK,
    private_metadata: flowId,
    title,
    submit: plain(status.kind === 'failed' ? 'Check again' : 'Check and link', LIMITS.modalTitle),
    close: plain('Cancel', LIMITS.modalTitle),
    blocks: [
      ...banner(status, system, labels),
      context(
        `Only you see this form. Wintro checks the credentials with ${system.vendor} right away and stores them encrypted.`,
      ),
      ...system.credentialFields.map((field) => ({
        type: 'input',
        block_id: field.id,
        optional: true,
        label: plain(field.label, 2000),
        hint: plain(field.hint, 2000),
        element: {
          type: 'plain_text_input',
          action_id: FIELD_ACTION,
          max_length: Math.min(field.maxLength + 100, 3000),
          placeholder: plain(field.placeholder, 150),
        },
      })),
    ],
  };
}
