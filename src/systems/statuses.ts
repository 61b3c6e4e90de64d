import type { Translate } from '../messages/index.js';
import type { VendorResponse } from '../vendors/http.js';
import { vendorError } from './outcomes.js';
import type { VerificationFailure } from './types.js';

/** A status, one of several, or any other test of the answer (its body, a status range). */
export type StatusMatch = number | readonly number[] | ((response: VendorResponse) => boolean);

export type StatusRule<T> = readonly [when: StatusMatch, then: (response: VendorResponse) => T];

export interface StatusTable<T> {
  /** The words the outcomes are in. */
  tr: Translate;
  vendor: string;
  /** Checked in order after 429 and 5xx; the first that matches decides. */
  rules: readonly StatusRule<T>[];
  /** What a 429 means for this vendor (how long to wait, and why). */
  rateLimited(response: VendorResponse): VerificationFailure;
  /** Completes "… because <what>" for an answer no rule covers. */
  unexpected(status: number): string;
  /** Completes "… because <what>" for a 5xx; by default "it answered with an error (<status>)". */
  serverError?(status: number): string;
}

const matches = (match: StatusMatch, response: VendorResponse) => {
  if (typeof match === 'number') return response.status === match;
  if (typeof match === 'function') return match(response);
  return match.includes(response.status);
};

/**
 * Sorts a vendor's answer: 429 is a rate limit and 5xx the vendor's own trouble, whatever else the
 * answer says; then the vendor's rules; anything else is an unexpected answer.
 */
export function classifyStatus<T>(response: VendorResponse, table: StatusTable<T>): T | VerificationFailure {
  const { status } = response;
  if (status === 429) return table.rateLimited(response);
  if (status >= 500) {
    const what = table.serverError?.(status) ?? table.tr('systems.common.because.serverError', { status });
    return vendorError(table.tr, table.vendor, what);
  }
  for (const [when, then] of table.rules) {
    if (matches(when, response)) return then(response);
  }
  return vendorError(table.tr, table.vendor, table.unexpected(status));
}
