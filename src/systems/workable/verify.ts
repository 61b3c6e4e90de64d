import { formatDay } from '../../messages/dates.js';
import type { Language, Translate } from '../../messages/index.js';
import { jsonBody, retryAfterSeconds, type VendorResponse } from '../../vendors/http.js';
import { rateLimited as rateLimitedFor, transportFailure, vendorError } from '../outcomes.js';
import { bearerGet } from '../probes.js';
import { classifyStatus } from '../statuses.js';
import type { Credentials, VerificationFailure, VerificationOutcome, VerifyContext } from '../types.js';
import { scopeCovers, WORKABLE_REQUIRED_SCOPES } from './guide.js';
import { codeText, findRecruiter, type Get, recruiterMissing, type WorkableRecruiter } from './recruiter.js';
import { workableBaseUrl } from './subdomain.js';
import { DAY_MS, resolveTokenExpiry, tokenExpiryProblem, utcToday } from './tokenExpiry.js';

/**
 * Workable SPI v3 with an account API access token: `Authorization: Bearer <token>` on
 * `https://{subdomain}.workable.com/spi/v3/...`. Only Admins can generate tokens; each token has
 * the scopes ticked when it was made (they cannot be changed later) and an expiry of 30 days,
 * 90 days, 6 months, 1 year or 2 years: Workable has no token that never expires, and no call that
 * tells a token's scopes or expiry. So each required scope is probed with its cheapest list call
 * (`limit=1`, 403 when the scope is missing), and the admin types the expiry date.
 */
const vendor = (tr: Translate) => tr('systems.workable.name');

/** Seconds to wait: Retry-After if sent, else Workable's X-Rate-Limit-Reset (time of the next interval). */
export function workableRetrySeconds(headers: Record<string, string>, nowMs: number = Date.now()): number {
  if (headers['retry-after']) return retryAfterSeconds(headers);
  const reset = headers['x-rate-limit-reset'];
  if (!reset) return 10;
  const number = Number(reset);
  let at: number;
  if (Number.isFinite(number)) {
    if (number > 1e12) at = number;
    else if (number > 1e9) at = number * 1000;
    else at = nowMs + number * 1000;
  } else at = Date.parse(reset);
  if (!Number.isFinite(at)) return 10;
  return Math.min(Math.max(1, Math.ceil((at - nowMs) / 1000)), 3600);
}

const rateLimited = (tr: Translate) => (response: VendorResponse) =>
  rateLimitedFor(tr, vendor(tr), workableRetrySeconds(response.headers), tr('systems.workable.rateLimitWhy'));

const invalidToken = (tr: Translate): VerificationFailure => ({
  ok: false,
  code: 'invalid_token',
  title: tr('systems.workable.invalidToken.title'),
  detail: tr('systems.workable.invalidToken.detail'),
  fieldErrors: { api_token: tr('systems.workable.invalidToken.apiToken') },
});

const unknownSubdomain = (tr: Translate, subdomain: string): VerificationFailure => ({
  ok: false,
  code: 'unknown_subdomain',
  title: tr('systems.workable.unknownSubdomain.title', { subdomain }),
  detail: tr('systems.workable.unknownSubdomain.detail'),
  fieldErrors: { subdomain: tr('systems.workable.unknownSubdomain.subdomain', { subdomain }) },
});

/**
 * Sorts one Workable answer: 'ok', 'forbidden' (the token lacks the scope), or what the admin has
 * to fix.
 */
export function classifyWorkableResponse(
  tr: Translate,
  response: VendorResponse,
  what: string,
  subdomain: string,
): 'ok' | 'forbidden' | VerificationFailure {
  return classifyStatus<'ok' | 'forbidden' | VerificationFailure>(response, {
    tr,
    vendor: vendor(tr),
    rateLimited: rateLimited(tr),
    rules: [
      [200, () => 'ok'],
      [403, () => 'forbidden'],
      [401, () => invalidToken(tr)],
      // An unknown account answers 404; a redirect (never followed) also means there is no API here.
      [
        ({ status }) => status === 404 || (status >= 300 && status < 400),
        () => unknownSubdomain(tr, subdomain),
      ],
    ],
    unexpected: (status) => tr('systems.workable.unexpectedStatus', { what, status }),
  });
}

function missingScopes(tr: Translate, missing: string[]): VerificationFailure {
  return {
    ok: false,
    code: 'missing_scopes',
    title: tr('systems.workable.missingScopes.title', { count: missing.length }),
    detail: [
      tr('systems.workable.missingScopes.intro'),
      ...missing.map((scope) => `• ${scope}`),
      tr('systems.workable.missingScopes.revoke'),
    ].join('\n'),
    fieldErrors: { api_token: tr('systems.workable.missingScopes.apiToken', { scopes: missing.join(', ') }) },
    missing,
  };
}

const invalidSubdomain = (tr: Translate): VerificationFailure => ({
  ok: false,
  code: 'invalid_subdomain',
  title: tr('systems.workable.invalidSubdomain.title'),
  detail: tr('systems.workable.invalidSubdomain.detail'),
  fieldErrors: { subdomain: tr('systems.workable.invalidSubdomain.subdomain') },
});

const invalidExpiry = (tr: Translate, problem: string): VerificationFailure => ({
  ok: false,
  code: 'invalid_expiry',
  title: tr('systems.workable.invalidExpiry.title'),
  detail: problem,
  fieldErrors: { token_expiry: problem },
});

export interface WorkableSetup {
  /** The API base with `{subdomain}` in it. */
  apiUrlTemplate: string;
  recruiter: WorkableRecruiter;
}

export async function verifyWorkable(
  words: { tr: Translate; language: Language },
  setup: WorkableSetup,
  credentials: Credentials,
  context: VerifyContext,
  now: Date,
): Promise<VerificationOutcome> {
  const { tr, language } = words;
  const { recruiter } = setup;
  const subdomain = credentials.subdomain ?? '';
  const base = workableBaseUrl(setup.apiUrlTemplate, subdomain);
  if (!base) return invalidSubdomain(tr);
  const expiry = resolveTokenExpiry(credentials.token_expiry ?? '', now, context.timeZone);
  const expiryProblem = tokenExpiryProblem(tr, expiry, now);
  if (expiryProblem) return invalidExpiry(tr, expiryProblem);

  const get: Get = (url) => bearerGet(context.http, url, credentials.api_token ?? '');

  // One after the other: Workable allows an account token 10 calls every 10 seconds.
  const missing: string[] = [];
  for (const required of WORKABLE_REQUIRED_SCOPES) {
    const result = await get(`${base}${required.path}?limit=1`);
    if (!result.ok) return transportFailure(tr, vendor(tr), result.failure);
    const classified = classifyWorkableResponse(tr, result.response, scopeCovers(tr, required), subdomain);
    if (classified === 'forbidden') {
      missing.push(required.scope);
      continue;
    }
    if (classified !== 'ok') return classified;
    const body = jsonBody(result.response) as Record<string, unknown> | undefined;
    if (!Array.isArray(body?.[required.key])) {
      return vendorError(
        tr,
        vendor(tr),
        tr('systems.workable.unexpectedShape', { what: scopeCovers(tr, required) }),
      );
    }
  }
  if (missing.length > 0) return missingScopes(tr, missing);

  const found = await findRecruiter(tr, base, recruiter, get, (response) => {
    const classified = classifyWorkableResponse(
      tr,
      response,
      tr('systems.workable.covers.recruiters'),
      subdomain,
    );
    return classified === 'forbidden' ? missingScopes(tr, ['r_jobs']) : classified;
  });
  if (found === 'missing') return recruiterMissing(tr, recruiter);
  if (found !== 'found') return found;

  const daysLeft = Math.round((Date.parse(`${expiry}T00:00:00Z`) - utcToday(now)) / DAY_MS);
  return {
    ok: true,
    details: [
      {
        label: tr('systems.workable.details.account'),
        value: tr('systems.workable.details.accountValue', { subdomain }),
      },
      {
        label: tr('systems.workable.details.expires'),
        value: tr('systems.workable.details.expiresValue', {
          expiry: formatDay(language, expiry),
          count: daysLeft,
        }),
      },
      {
        label: tr('systems.workable.details.scopes'),
        value: WORKABLE_REQUIRED_SCOPES.map(({ scope }) => scope).join(', '),
      },
      {
        label: tr('systems.workable.details.recruiter'),
        value: codeText(
          tr('systems.workable.details.recruiterValue', { name: recruiter.name, email: recruiter.email }),
        ),
      },
    ],
    expiresAt: `${expiry}T00:00:00.000Z`,
    // A picked period is stored as the date it stands for, so it means the same thing later.
    settled: { token_expiry: expiry },
  };
}
