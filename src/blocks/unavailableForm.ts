import type { KnownBlock, ModalView, PlainTextElement } from '@slack/types';
import type { Translate } from '../messages/index.js';
import { CREDENTIALS_CALLBACK } from './ids.js';
import { LIMITS, plain, section } from './kit.js';
import { unavailableCheckText } from './notices.js';

const NOTICE_BLOCK = 'wintro_unavailable';
/** Slack's limit on blocks in a modal. */
const MAX_VIEW_BLOCKS = 100;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// The submitted view comes from Slack, which drew it from our own renderers: its parts are sent back
// as they came, and only their outline is checked here.
const isBlock = (value: unknown): value is KnownBlock => isRecord(value) && typeof value.type === 'string';
const isText = (value: unknown): value is PlainTextElement => isRecord(value);

/**
 * The credentials form as it was submitted, with the notice that Wintro is briefly unavailable on
 * top: the person keeps a form they can submit again, rather than one stuck on "checking".
 * `submitted` is the view from the view_submission payload (Slack sends it whole). Pure.
 */
export function unavailableForm(
  tr: Translate,
  submitted: unknown,
  flowId: string,
  text = unavailableCheckText(tr),
): ModalView {
  const view = isRecord(submitted) ? submitted : {};
  const blocks = (Array.isArray(view.blocks) ? view.blocks : []).filter(
    (block): block is KnownBlock => isBlock(block) && block.block_id !== NOTICE_BLOCK,
  );
  const notice: KnownBlock = { ...section(`:warning: ${text}`), block_id: NOTICE_BLOCK };
  return {
    type: 'modal',
    callback_id: CREDENTIALS_CALLBACK,
    private_metadata: flowId,
    title: isText(view.title) ? view.title : plain(tr('ui.unavailable.formTitle'), LIMITS.modalTitle),
    ...(isText(view.submit) ? { submit: view.submit } : {}),
    close: isText(view.close) ? view.close : plain(tr('ui.unavailable.close'), LIMITS.modalTitle),
    blocks: [notice, ...blocks].slice(0, MAX_VIEW_BLOCKS),
  };
}
