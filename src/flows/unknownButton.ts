import { decodeFlowRef } from '../blocks/ids.js';
import { wordsOf } from './readers.js';
import type { ClickHandler } from './requests.js';

/** A button of ours that no handler knows (from an older version of the bot, or tampered with). */
export const unknownButton: ClickHandler = async (deps, click) => {
  const { tr } = await wordsOf(deps, click.teamId, click.userId);
  return tr(decodeFlowRef(click.value) ? 'flow.button.unknown' : 'flow.button.noLongerWorks');
};
