import { decodeFlowRef } from '../blocks/ids.js';
import { t } from '../messages/index.js';
import type { ClickHandler } from './requests.js';

/** A button of ours that no handler knows (from an older version of the bot, or tampered with). */
export const unknownButton: ClickHandler = async (_deps, click) =>
  decodeFlowRef(click.value) ? t('flow.button.unknown') : t('flow.button.noLongerWorks');
