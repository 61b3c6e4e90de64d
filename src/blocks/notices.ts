import { DEFAULT_LANGUAGE, type Translate, translator } from '../messages/index.js';

/** What a person is told when Redis (where every setup lives) does not answer. */
export const unavailableText = (tr: Translate) => tr('ui.unavailable.text');

/**
 * A credentials check ran, but its result could not be stored. The setup stays at "checking" for a
 * few minutes before it takes new credentials, so "in a minute" would be a promise we cannot keep.
 */
export const unavailableCheckText = (tr: Translate) => tr('ui.unavailable.check');

/**
 * `unavailableText` for a request whose reader's language could not be read (languages are kept in
 * Redis too): the default language.
 */
export const UNAVAILABLE_TEXT = unavailableText(translator(DEFAULT_LANGUAGE));
