import type { Translate } from '../../messages/index.js';
import type { VendorResponse } from '../../vendors/http.js';
import { rateLimitedBy } from '../outcomes.js';

/** Shared by both kinds of Personio credentials: the vendor name, Personio's help pages and rate limits. */
export const personioName = (tr: Translate) => tr('systems.personio.name');

export const PERSONIO_ACCESS_RIGHTS_HELP =
  'https://support.personio.de/hc/en-us/articles/360000038205-Access-rights';

/** Personio's help centre has the access-rights article in German too (same article id). */
const PERSONIO_ACCESS_RIGHTS_HELP_DE = 'https://support.personio.de/hc/de/articles/360000038205';

/** The access-rights article in the reader's language. */
export const personioAccessRightsHelp = (tr: Translate) =>
  tr.language === 'de' ? PERSONIO_ACCESS_RIGHTS_HELP_DE : PERSONIO_ACCESS_RIGHTS_HELP;

/**
 * When Personio sends 429 without Retry-After, wait a whole window: the recruiting endpoints allow
 * 20 requests per 60 seconds per company, and the auth endpoint throttles for 60 seconds once exceeded.
 */
export const PERSONIO_RATE_WINDOW_SECONDS = 60;

export const personioRateLimited = (tr: Translate) => (response: VendorResponse) =>
  rateLimitedBy(tr, personioName(tr), response, PERSONIO_RATE_WINDOW_SECONDS);

/** Everything a pasted token may carry around it: a "Bearer " prefix copied from an example request. */
export const stripBearer = (value: string) => value.replace(/^bearer\s+/i, '');
