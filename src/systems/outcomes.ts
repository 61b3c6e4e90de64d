import type { TransportFailure } from '../vendors/http.js';
import type { VerificationFailure, VerificationOutcome } from './types.js';

/** Outcomes every vendor shares: the vendor could not be reached, was too slow, or broke. */
export function transportFailure(vendor: string, failure: TransportFailure): VerificationOutcome {
  switch (failure) {
    case 'timeout':
      return {
        ok: false,
        code: 'timeout',
        title: `${vendor} did not answer in time`,
        detail: `${vendor} took too long to answer, so nothing was checked. This is usually brief: try again in a minute. Your entries are kept.`,
      };
    case 'too_large':
      return vendorError(vendor, 'it sent an answer far larger than expected');
    default:
      return {
        ok: false,
        code: 'unreachable',
        title: `Wintro could not reach ${vendor}`,
        detail: `The connection to ${vendor} failed, so nothing was checked. Try again in a minute. If it keeps failing, check ${vendor}'s status page.`,
      };
  }
}

export function vendorError(vendor: string, what: string): VerificationOutcome {
  return {
    ok: false,
    code: 'vendor_error',
    title: `${vendor} had a problem`,
    detail: `We could not finish the check because ${what}. Nothing is wrong with your entries as far as we can tell: try again in a minute.`,
  };
}

/** The vendor asked us to slow down; the admin may check again after `waitSeconds`. */
export function rateLimited(
  vendor: string,
  waitSeconds: number,
  why = `${vendor} limits how often it can be called.`,
): VerificationFailure {
  return {
    ok: false,
    code: 'rate_limited',
    title: `${vendor} asked us to slow down`,
    detail: `${why} Try again in ${waitSeconds} seconds; your entries are kept.`,
    retryAfterSeconds: waitSeconds,
  };
}
