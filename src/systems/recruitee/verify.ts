import type { Translate } from '../../messages/index.js';
import { jsonBody, type VendorResponse } from '../../vendors/http.js';
import { rateLimitedBy, transportFailure, vendorError } from '../outcomes.js';
import { probeList } from '../probes.js';
import { classifyStatus } from '../statuses.js';
import type { Credentials, VerificationFailure, VerificationOutcome, VerifyContext } from '../types.js';
import { isRecruiteeCompanyId } from './companyId.js';

/**
 * Recruitee ATS API with a Personal API token: `Authorization: Bearer <token>` on
 * `https://api.recruitee.com/c/{company_id}/...`. Tokens have no scopes: each carries the
 * permissions of the user who made it, in the one company it was made in. So the check reads one
 * job and one candidate (`limit=1`), the two things Wintro reads.
 *
 * Recruitee documents neither its error bodies nor its rate limits, so answers are sorted by status
 * only: 401 token (or token and company) not accepted, 403 the token's user lacks the rights,
 * 404 no such company.
 */
export const RECRUITEE_PROBES = [
  { path: '/offers', key: 'offers', covers: 'jobs' },
  { path: '/candidates', key: 'candidates', covers: 'candidates' },
] as const;

type Probe = (typeof RECRUITEE_PROBES)[number];

const vendor = (tr: Translate) => tr('systems.recruitee.name');
const covers = (tr: Translate, probe: Probe) => tr(`systems.recruitee.covers.${probe.covers}`);

const invalidToken = (tr: Translate): VerificationFailure => ({
  ok: false,
  code: 'invalid_token',
  title: tr('systems.recruitee.invalidToken.title'),
  detail: tr('systems.recruitee.invalidToken.detail'),
  fieldErrors: {
    api_token: tr('systems.recruitee.invalidToken.apiToken'),
    company_id: tr('systems.recruitee.invalidToken.companyId'),
  },
});

const insufficientRights = (tr: Translate, probe: Probe): VerificationFailure => ({
  ok: false,
  code: 'insufficient_rights',
  title: tr('systems.recruitee.insufficientRights.title', { what: covers(tr, probe) }),
  detail: tr('systems.recruitee.insufficientRights.detail'),
  fieldErrors: { api_token: tr('systems.recruitee.insufficientRights.apiToken') },
  missing: [tr('systems.recruitee.insufficientRights.role')],
});

const unknownCompany = (tr: Translate): VerificationFailure => ({
  ok: false,
  code: 'unknown_company',
  title: tr('systems.recruitee.unknownCompany.title'),
  detail: tr('systems.recruitee.unknownCompany.detail'),
  fieldErrors: { company_id: tr('systems.recruitee.unknownCompany.companyId') },
});

/** Sorts Recruitee's answer to one read into what the admin has to fix; undefined when it worked. */
export function classifyRecruiteeResponse(
  tr: Translate,
  response: VendorResponse,
  probe: Probe,
): VerificationOutcome | undefined {
  return classifyStatus<VerificationOutcome | undefined>(response, {
    tr,
    vendor: vendor(tr),
    rateLimited: (answer) => rateLimitedBy(tr, vendor(tr), answer),
    rules: [
      [
        200,
        (answer) => {
          const body = jsonBody(answer) as Record<string, unknown> | undefined;
          if (Array.isArray(body?.[probe.key])) return undefined;
          return vendorError(
            tr,
            vendor(tr),
            tr('systems.recruitee.unexpectedShape', { what: covers(tr, probe) }),
          );
        },
      ],
      [401, () => invalidToken(tr)],
      [403, () => insufficientRights(tr, probe)],
      [404, () => unknownCompany(tr)],
    ],
    unexpected: (status) => tr('systems.recruitee.unexpectedStatus', { what: covers(tr, probe), status }),
  });
}

export async function verifyRecruitee(
  tr: Translate,
  apiUrl: string,
  credentials: Credentials,
  context: VerifyContext,
): Promise<VerificationOutcome> {
  const companyId = credentials.company_id ?? '';
  if (!isRecruiteeCompanyId(companyId)) {
    return {
      ok: false,
      code: 'invalid_company_id',
      title: tr('systems.recruitee.invalidCompanyId.title'),
      detail: tr('systems.recruitee.invalidCompanyId.detail'),
      fieldErrors: { company_id: tr('systems.recruitee.invalidCompanyId.companyId') },
    };
  }
  const base = `${apiUrl}/c/${encodeURIComponent(companyId)}`;
  // One after the other: a refused token or an unknown company shows on the first read.
  for (const probe of RECRUITEE_PROBES) {
    const result = await probeList(
      context.http,
      `${base}${probe.path}`,
      credentials.api_token ?? '',
      'limit',
    );
    if (!result.ok) return transportFailure(tr, vendor(tr), result.failure);
    const problem = classifyRecruiteeResponse(tr, result.response, probe);
    if (problem) return problem;
  }
  return {
    ok: true,
    details: [
      { label: tr('systems.recruitee.details.company'), value: companyId },
      {
        label: tr('systems.recruitee.details.checked'),
        value: RECRUITEE_PROBES.map((probe) => covers(tr, probe)).join(tr('systems.recruitee.details.and')),
      },
    ],
  };
}
