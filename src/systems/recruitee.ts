import { jsonBody, retryAfterSeconds, type VendorResponse } from '../vendors/http.js';
import { field } from './fields.js';
import { rateLimited as rateLimitedBy, transportFailure, vendorError } from './outcomes.js';
import type { Credentials, LinkableSystem, VerificationOutcome, VerifyContext } from './types.js';

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

const TOKENS_PAGE = 'https://app.recruitee.com/#/settings/api_tokens';
const PROFILE_PAGE = 'https://app.recruitee.com/#/settings/profile/email_settings';
const TOKENS_MENU = 'Settings → Apps and plugins → Personal API tokens';

/** One hostname-style word: the numeric company ID, or the company's lowercase slug. */
const COMPANY_ID = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** Recruitee's own hosts, never a company. */
const RESERVED_COMPANY_IDS: ReadonlySet<string> = new Set(['app', 'api', 'www', 'careers']);

const seedImage = (id: string) => `https://help.kombo.dev/hc/article_attachments/${id}`;

export function isRecruiteeCompanyId(value: string): boolean {
  return COMPANY_ID.test(value) && !RESERVED_COMPANY_IDS.has(value);
}

/**
 * Takes the company ID out of what was pasted: the number after `company=` in the app's address,
 * the id in an API address (`api.recruitee.com/c/<id>`), or the slug of a careers site
 * (`<slug>.recruitee.com`). Anything else is kept, lower case, for validation to judge.
 */
export function normalizeRecruiteeCompanyId(raw: string): string {
  const value = raw.trim().toLowerCase();
  const fromApp = value.match(/[?&]company=(\d{1,18})(?:[&#/]|$)/);
  if (fromApp?.[1]) return fromApp[1];
  const fromApi = value.match(/^(?:https?:\/\/)?api\.recruitee\.com\/c\/([a-z0-9-]+)(?:[/?#].*)?$/s);
  if (fromApi?.[1]) return fromApi[1];
  const fromCareers = value.match(/^(?:https?:\/\/)?([a-z0-9-]+)\.recruitee\.com(?:[/?#].*)?$/s);
  if (fromCareers?.[1] && !RESERVED_COMPANY_IDS.has(fromCareers[1])) return fromCareers[1];
  return value;
}

const companyIdField = field({
  id: 'company_id',
  label: 'Company ID',
  hint: 'Shown on the Personal API tokens page, and in the app’s address after company=. Pasting that address works too.',
  placeholder: 'e.g. 123456',
  looksLike:
    'is the Company ID Recruitee shows on the Personal API tokens page: a number such as 123456 (or your company’s short name, such as acme)',
  pattern: /^[a-z0-9-]+$/,
  maxLength: 63,
  normalize: normalizeRecruiteeCompanyId,
});

export const recruitee: LinkableSystem = {
  id: 'recruitee',
  name: 'Recruitee',
  vendor: 'Recruitee',
  aliases: ['recruitee'],
  summary: 'Recruiting: a Personal API token and your company ID',
  prerequisites: {
    text: [
      'To create the API token Wintro needs, you need the *Administrator* role in your company’s Recruitee.',
      'A Recruitee token can do exactly what the person who made it can do, so it has to come from an Administrator.',
    ].join('\n'),
    selfCheck: [
      {
        title: 'Open your profile settings',
        text: `Log in to Recruitee and open your <${PROFILE_PAGE}|profile settings> (*Settings → MY ACCOUNT → Profile*).`,
      },
      {
        title: 'Look at your role',
        text: 'Your role is shown next to your email address. It should say *Administrator*.',
        screenshot: {
          key: 'recruitee-profile-role',
          alt: 'Recruitee profile with the Administrator role next to the email address',
          url: seedImage('18368191959185'),
        },
      },
    ],
    missingPermission:
      'The “Administrator” role (shown in Settings → MY ACCOUNT → Profile, next to your email address)',
    whoCanHelp:
      'Find out who has the *Administrator* role in your company’s Recruitee and ask them to give you the role, or to do this setup themselves.',
  },
  steps: [
    {
      title: 'Open the Personal API tokens',
      text: [
        `In Recruitee, open the <${TOKENS_PAGE}|API settings page>, or go to *${TOKENS_MENU}*.`,
        '_Use *Personal API tokens*, not a Careers Site API token: that one is made for careers sites and does not work for Wintro._',
      ].join('\n'),
    },
    {
      title: 'Create a new token',
      text: 'Click *+ New token* in the top right corner.',
      screenshot: {
        key: 'recruitee-new-token',
        alt: 'The + New token button on the Personal API tokens page',
        url: seedImage('14886356303505'),
      },
    },
    {
      title: 'Name it and save',
      text: 'Give the token a name such as `Wintro`, then click *Save*.',
      screenshot: {
        key: 'recruitee-save-token',
        alt: 'Naming the new token and saving it',
        url: seedImage('14886356341137'),
      },
    },
    {
      title: 'Copy the token',
      text: 'Copy the token (the long string of characters) and keep it somewhere safe until you paste it into Wintro.',
      screenshot: {
        key: 'recruitee-copy-token',
        alt: 'The new personal API token, ready to copy',
        url: seedImage('14886356301457'),
      },
    },
    {
      title: 'Copy your company ID',
      text: [
        'Copy your *Company ID* as well: Recruitee shows it on the same page.',
        'You also find it in the app’s address after `company=`, e.g. `…?company=123456` → `123456`.',
      ].join('\n'),
      screenshot: {
        key: 'recruitee-company-id',
        alt: 'Where Recruitee shows the company ID',
        url: seedImage('14886379544465'),
      },
    },
  ],
  credentialFields: [
    {
      ...companyIdField,
      validate(raw) {
        const problem = companyIdField.validate(raw);
        if (problem) return problem;
        const value = companyIdField.normalize?.(raw) ?? raw;
        if (!isRecruiteeCompanyId(value)) {
          return 'That is not a company ID. Copy the Company ID from the Personal API tokens page: a number such as 123456.';
        }
        return undefined;
      },
    },
    field({
      id: 'api_token',
      label: 'Personal API token',
      hint: `The token you created in ${TOKENS_MENU}. Not a Careers Site API token.`,
      placeholder: 'Personal API token',
      secret: true,
      looksLike: 'is the long Personal API token Recruitee showed when you saved it, one word without spaces',
      pattern: /^[A-Za-z0-9._~+/=-]{16,500}$/,
    }),
  ],
  verify: verifyRecruitee,
};

const rateLimited = (response: VendorResponse) =>
  rateLimitedBy('Recruitee', retryAfterSeconds(response.headers));

/** Sorts Recruitee's answer to one read into what the admin has to fix; undefined when it worked. */
export function classifyRecruiteeResponse(
  response: VendorResponse,
  probe: (typeof RECRUITEE_PROBES)[number],
): VerificationOutcome | undefined {
  const { status } = response;
  if (status === 200) {
    const body = jsonBody(response) as Record<string, unknown> | undefined;
    if (Array.isArray(body?.[probe.key])) return undefined;
    return vendorError('Recruitee', `it answered reading ${probe.covers} in a way we did not expect`);
  }
  if (status === 401) {
    return {
      ok: false,
      code: 'invalid_token',
      title: 'Recruitee did not accept the token for this company',
      detail: [
        'Check that you copied the whole Personal API token, and that the Company ID is the one shown on the Personal API tokens page.',
        'A token works only in the company it was made in, and a Careers Site API token does not work here.',
      ].join(' '),
      fieldErrors: {
        api_token: 'Recruitee did not accept this token. Paste the Personal API token again, whole.',
        company_id: 'Check this is the Company ID of the company the token was made in.',
      },
    };
  }
  if (status === 403) {
    return {
      ok: false,
      code: 'insufficient_rights',
      title: `Recruitee accepted the token but would not let it read ${probe.covers}`,
      detail: [
        'A Recruitee token can do only what the person who created it can do.',
        'Create the token while logged in as someone with the *Administrator* role (Settings → MY ACCOUNT → Profile shows the role), then paste that token.',
      ].join(' '),
      fieldErrors: {
        api_token: 'This token’s user lacks the rights Wintro needs. Use a token made by an Administrator.',
      },
      missing: ['Administrator'],
    };
  }
  if (status === 404) {
    return {
      ok: false,
      code: 'unknown_company',
      title: 'Recruitee does not know that company ID',
      detail:
        'Copy the Company ID from the Personal API tokens page (or the number after company= in the app’s address) and check again.',
      fieldErrors: { company_id: 'Recruitee has no company with this ID.' },
    };
  }
  if (status === 429) return rateLimited(response);
  if (status >= 500) return vendorError('Recruitee', `it answered with an error (${status})`);
  return vendorError('Recruitee', `reading ${probe.covers} gave an unexpected answer (${status})`);
}

async function verifyRecruitee(
  credentials: Credentials,
  context: VerifyContext,
): Promise<VerificationOutcome> {
  const companyId = credentials.company_id ?? '';
  if (!isRecruiteeCompanyId(companyId)) {
    return {
      ok: false,
      code: 'invalid_company_id',
      title: 'That company ID cannot be right',
      detail: 'Copy the Company ID from the Personal API tokens page: a number such as 123456.',
      fieldErrors: { company_id: 'Copy the Company ID from the Personal API tokens page.' },
    };
  }
  const base = `${context.urls.recruiteeApiUrl}/c/${encodeURIComponent(companyId)}`;
  // One after the other: a refused token or an unknown company shows on the first read.
  for (const probe of RECRUITEE_PROBES) {
    const result = await context.http.send({
      method: 'GET',
      url: `${base}${probe.path}?limit=1`,
      headers: { authorization: `Bearer ${credentials.api_token ?? ''}`, accept: 'application/json' },
    });
    if (!result.ok) return transportFailure('Recruitee', result.failure);
    const problem = classifyRecruiteeResponse(result.response, probe);
    if (problem) return problem;
  }
  return {
    ok: true,
    details: [
      { label: 'Recruitee company', value: companyId },
      { label: 'Checked', value: RECRUITEE_PROBES.map(({ covers }) => covers).join(' and ') },
    ],
  };
}
