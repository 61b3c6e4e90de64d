import type { Translate } from '../messages/index.js';
import { retryAfterSeconds, type TransportFailure, type VendorResponse } from '../vendors/http.js';
import type { VerificationFailure } from './types.js';

/** Outcomes every vendor shares: the vendor could not be reached, was too slow, or broke. */
export function transportFailure(
  tr: Translate,
  vendor: string,
  failure: TransportFailure,
): VerificationFailure {
  switch (failure) {
    case 'timeout':
      return {
        ok: false,
        code: 'timeout',
        title: tr('systems.common.outcome.timeout.title', { vendor }),
        detail: tr('systems.common.outcome.timeout.detail', { vendor }),
      };
    case 'too_large':
      return vendorError(tr, vendor, tr('systems.common.because.tooLarge'));
    default:
      return {
        ok: false,
        code: 'unreachable',
        title: tr('systems.common.outcome.unreachable.title', { vendor }),
        detail: tr('systems.common.outcome.unreachable.detail', { vendor }),
      };
  }
}

/** The check could not be finished because of the vendor; `what` completes "… because <what>". */
export function vendorError(tr: Translate, vendor: string, what: string): VerificationFailure {
  return {
    ok: false,
    code: 'vendor_error',
    title: tr('systems.common.outcome.vendorError.title', { vendor }),
    detail: tr('systems.common.outcome.vendorError.detail', { what }),
  };
}

/** The vendor asked us to slow down; the admin may check again after `waitSeconds`. */
export function rateLimited(
  tr: Translate,
  vendor: string,
  waitSeconds: number,
  why = tr('systems.common.outcome.rateLimited.why', { vendor }),
): VerificationFailure {
  return {
    ok: false,
    code: 'rate_limited',
    title: tr('systems.common.outcome.rateLimited.title', { vendor }),
    detail: tr('systems.common.outcome.rateLimited.detail', { why, seconds: waitSeconds }),
    retryAfterSeconds: waitSeconds,
  };
}

/** A 429: wait what Retry-After says, or `fallbackSeconds` when it is absent. */
export function rateLimitedBy(
  tr: Translate,
  vendor: string,
  response: VendorResponse,
  fallbackSeconds?: number,
) {
  return rateLimited(tr, vendor, retryAfterSeconds(response.headers, fallbackSeconds));
}
