import { t } from '../messages/index.js';

/** What a person is told when Redis (where every setup lives) does not answer. */
export const UNAVAILABLE_TEXT = t('ui.unavailable.text');

/**
 * A credentials check ran, but its result could not be stored. The setup stays at "checking" for a
 * few minutes before it takes new credentials, so "in a minute" would be a promise we cannot keep.
 */
export const UNAVAILABLE_CHECK_TEXT = t('ui.unavailable.check');
