import { CREDENTIALS_CALLBACK } from '../blocks/ids.js';
import { LIMITS, plain, section } from '../blocks/kit.js';

export { UNAVAILABLE_TEXT } from '../blocks/notices.js';

/**
 * A credentials check ran, but its result could not be stored. The setup stays at "checking" for a
 * few minutes before it takes new credentials, so "in a minute" would be a promise we cannot keep.
 */
export const UNAVAILABLE_CHECK_TEXT =
  'Wintro is briefly unavailable, so this check could not finish and nothing was stored. Your progress is saved: submit this form again in a few minutes (type the Client Secret or key again if it is empty).';

const NOTICE_BLOCK = 'wintro_unavailable';
/** Slack's limit on blocks in a modal. */
const MAX_VIEW_BLOCKS = 100;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The credentials form as it was submitted, with the notice that Wintro is briefly unavailable on
 * top: the person keeps a form they can submit again, rather than one stuck on "checking".
 * `submitted` is the view from the view_submission payload (Slack sends it whole).
 */
export function unavailableForm(submitted: unknown, flowId: string, text = UNAVAILABLE_CHECK_TEXT) {
  const view = isRecord(submitted) ? submitted : {};
  const blocks = (Array.isArray(view.blocks) ? view.blocks : []).filter(
    (block) => !(isRecord(block) && block.block_id === NOTICE_BLOCK),
  );
  const title = isRecord(view.title) ? view.title : plain('Wintro', LIMITS.modalTitle);
  return {
    type: 'modal' as const,
    callback_id: CREDENTIALS_CALLBACK,
    private_metadata: flowId,
    title,
    ...(isRecord(view.submit) ? { submit: view.submit } : {}),
    close: isRecord(view.close) ? view.close : plain('Close', LIMITS.modalTitle),
    blocks: [{ ...section(`:warning: ${text}`), block_id: NOTICE_BLOCK }, ...blocks].slice(
      0,
      MAX_VIEW_BLOCKS,
    ),
  };
}

/** For logs: the message of whatever was thrown. */
export const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
