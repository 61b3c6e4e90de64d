import { t } from '../../messages/index.js';
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

const vendor = () => t('systems.recruitee.name');
const covers = (probe: Probe) => t(`systems.recruitee.covers.${probe.covers}`);

const invalidToken = (): VerificationFailure => ({
  ok: false,
  code: 'invalid_token',
  title: t('systems.recruitee.invalidToken.title'),
  detail: t('systems.recruitee.invalidToken.detail'),
  fieldErrors: {
    api_token: t('systems.recruitee.invalidToken.apiToken'),
    company_id: t('systems.recruitee.invalidToken.companyId'),
  },
});

const insufficientRights = (probe: Probe): VerificationFailure => ({
  ok: false,
  code: 'insufficient_rights',
  title: t('systems.recruitee.insufficientRights.title', { what: covers(probe) }),
  detail: t('systems.recruitee.insufficientRights.detail'),
  fieldErrors: { api_token: t('systems.recruitee.insufficientRights.apiToken') },
  missing: [t('systems.recruitee.insufficientRights.role')],
});

const unknownCompany = (): VerificationFailure => ({
  ok: false,
  code: 'unknown_company',
  title: t('systems.recruitee.unknownCompany.title'),
  detail: t('systems.recruitee.unknownCompany.detail'),
  fieldErrors: { company_id: t('systems.recruitee.unknownCompany.companyId') },
});

/** Sorts Recruitee's answer to one read into what the admin has to fix; undefined when it worked. */
export function classifyRecruiteeResponse(
  response: VendorResponse,
  probe: Probe,
): VerificationOutcome | undefined {
  return classifyStatus<VerificationOutcome | undefined>(response, {
    vendor: vendor(),
    rateLimited: (answer) => rateLimitedBy(vendor(), answer),
    rules: [
      [
        200,
        (answer) => {
          const body = jsonBody(answer) as Record<string, unknown> | undefined;
          if (Array.isArray(body?.[probe.key])) return undefined;
          return vendorError(vendor(), t('systems.recruitee.unexpectedShape', { what: covers(probe) }));
        },
      ],
      [401, invalidToken],
      [403, () => insufficientRights(probe)],
      [404, unknownCompany],
    ],
    unexpected: (status) => t('systems.recruitee.unexpectedStatus', { what: covers(probe), status }),
  });
}

export async function verifyRecruitee(
  apiUrl: string,
  credentials: Credentials,
  context: VerifyContext,
): Promise<VerificationOutcome> {
  const companyId = credentials.company_id ?? '';
  if (!isRecruiteeCompanyId(companyId)) {
    return {
      ok: false,
      code: 'invalid_company_id',
      title: t('systems.recruitee.invalidCompanyId.title'),
      detail: t('systems.recruitee.invalidCompanyId.detail'),
      fieldErrors: { company_id: t('systems.recruitee.invalidCompanyId.companyId') },
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
    if (!result.ok) return transportFailure(vendor(), result.failure);
    const problem = classifyRecruiteeResponse(result.response, probe);
    if (problem) return problem;
  }
  return {
    ok: true,
    details: [
      { label: t('systems.recruitee.details.company'), value: companyId },
      {
        label: t('systems.recruitee.details.checked'),
        value: RECRUITEE_PROBES.map(covers).join(t('systems.recruitee.details.and')),
      },
    ],
  };
}
