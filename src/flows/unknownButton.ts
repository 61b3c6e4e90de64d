import { decodeFlowRef } from '../blocks/ids.js';
import { translator } from '../messages/index.js';
import type { ClickHandler } from './requests.js';

/** A button of ours that no handler knows (from an older version of the bot, or tampered with). */
export const unknownButton: ClickHandler = async (_deps, click) =>
  translator(click.language)(
    decodeFlowRef(click.value) ? 'flow.button.unknown' : 'flow.button.noLongerWorks',
  );
