import { jsonBody, retryAfterSeconds, type VendorResponse } from '../vendors/http.js';
import { field, tidy } from './fields.js';
import { rateLimited as rateLimitedBy, transportFailure, vendorError } from './outcomes.js';
import type {
  CredentialField,
  Credentials,
  LinkableSystem,
  VerificationFailure,
  VerificationOutcome,
  VerifyContext,
} from './types.js';
import { isWorkableSubdomain, reduceWorkableSubdomain, workableBaseUrl } from './workableSubdomain.js';

/**
 * Workable SPI v3 with an account API access token: `Authorization: Bearer <token>` on
 * `https://{subdomain}.workable.com/spi/v3/...`. Only Admins can generate tokens; each token has
 * the scopes ticked when it was made (they cannot be changed later) and an expiry of 30 days,
 * 90 days, 6 months, 1 year or 2 years: Workable has no token that never expires, and no call that
 * tells a token's scopes or expiry. So each required scope is probed with its cheapest list call
 * (`limit=1`, 403 when the scope is missing), and the admin types the expiry date.
 * Wintro also works as an external recruiter; `GET /spi/v3/recruiters` (scope r_jobs) must list it.
 */
export const WORKABLE_REQUIRED_SCOPES = [
  { scope: 'r_jobs', path: '/spi/v3/jobs', key: 'jobs', covers: 'jobs and external recruiters' },
  { scope: 'r_candidates', path: '/spi/v3/candidates', key: 'candidates', covers: 'candidates' },
] as const;

export const WORKABLE_RECRUITERS_PATH = '/spi/v3/recruiters';
/** Recruiters are one page in practice; a few pages at most are followed (10 calls / 10 s per token). */
const MAX_RECRUITER_PAGES = 4;

/** The expiry choices Workable offers when a token is generated. */
export const WORKABLE_EXPIRY_CHOICES = [
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: '6 months', months: 6 },
  { label: '1 year', months: 12 },
  { label: '2 years', months: 24 },
] as const;
/** Leeway over the longest choice for time zones and a token made a day or two ago. */
const EXPIRY_LEEWAY_DAYS = 2;
/** "30 days, 90 days, 6 months, 1 year or 2 years" */
const EXPIRY_LABELS = WORKABLE_EXPIRY_CHOICES.map(({ label }) => label)
  .join(', ')
  .replace(/, ([^,]+)$/, ' or $1');

const SETTINGS_PATH = 'your profile circle (top right) → *Settings*';
const TOKENS_MENU = 'Settings → Integrations → Apps → API Access Tokens';
const MEMBERS_MENU = 'your profile circle → Settings → Account members → Add an external recruiter';

export interface WorkableRecruiter {
  name: string;
  email: string;
}

const seedImage = (id: string) => `https://help.kombo.dev/hc/article_attachments/${id}`;

/** Operator-provided text shown in a code span: no backticks, and nothing Slack reads as markup. */
const codeText = (text: string) =>
  text.replace(/`/g, "'").replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const DAY_MS = 24 * 3600_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const utcToday = (now: Date) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date a token made now with this choice expires. */
export function expiryFromChoice(choice: (typeof WORKABLE_EXPIRY_CHOICES)[number], now: Date): string {
  const today = new Date(utcToday(now));
  if ('days' in choice) return isoDate(today.getTime() + choice.days * DAY_MS);
  const target = new Date(today);
  target.setUTCMonth(target.getUTCMonth() + choice.months);
  // 31 August + 6 months is the last day of February, not early March.
  if (target.getUTCDate() !== today.getUTCDate()) target.setUTCDate(0);
  return isoDate(target.getTime());
}

/**
 * Tidies a typed expiry: `2027-5-1`, `2027/05/01` and a pasted timestamp become `2027-05-01`;
 * the period picked for a token made today (`1 year`) becomes its date.
 */
export function normalizeTokenExpiry(raw: string, now: Date = new Date()): string {
  const value = tidy(raw).toLowerCase().replace(/\s+/g, ' ');
  const choice = WORKABLE_EXPIRY_CHOICES.find(
    ({ label }) => value === label || value === label.replace(/s$/, '') || `${value}s` === label,
  );
  if (choice) return expiryFromChoice(choice, now);
  const date = value.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:t[\d:.]+z?)?$/);
  if (date) return `${date[1]}-${date[2]?.padStart(2, '0')}-${date[3]?.padStart(2, '0')}`;
  return value;
}

/** What is wrong with a (normalized) expiry date, in one sentence; undefined when it is fine. */
export function tokenExpiryProblem(value: string, now: Date = new Date()): string | undefined {
  const example = expiryFromChoice(WORKABLE_EXPIRY_CHOICES[3], now);
  if (!value) {
    return `Enter the date the token expires, such as ${example}. Just made it? Type the period you picked, such as 1 year.`;
  }
  if (/^(never|none|no expiry|no expiration|unlimited|-)$/.test(value)) {
    return `Workable tokens always expire: you picked ${EXPIRY_LABELS}. Enter the date it expires, such as ${example}.`;
  }
  const parsed = Date.parse(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || !Number.isFinite(parsed) || isoDate(parsed) !== value) {
    return `Enter the expiry as year-month-day, such as ${example}, or the period you picked, such as 1 year.`;
  }
  const today = utcToday(now);
  if (parsed <= today) {
    return 'That date is not in the future, so the token has expired (or expires today). Generate a new token in Workable and enter its expiry.';
  }
  const latest = Date.parse(`${expiryFromChoice(WORKABLE_EXPIRY_CHOICES[4], now)}T00:00:00Z`);
  if (parsed > latest + EXPIRY_LEEWAY_DAYS * DAY_MS) {
    return 'Workable tokens last at most 2 years. Check the expiry shown for the token in Workable.';
  }
  return undefined;
}

/** The expiry field. `now` is injectable so tests do not depend on today's date. */
export function tokenExpiryField(now: () => number = Date.now): CredentialField {
  return {
    id: 'token_expiry',
    label: 'Token expiry date',
    hint: 'The date the token stops working (year-month-day). Just made it? Type the period you picked, e.g. 1 year.',
    placeholder: 'e.g. 2027-05-01 or 1 year',
    secret: false,
    maxLength: 40,
    normalize: (raw) => normalizeTokenExpiry(raw, new Date(now())),
    validate(raw) {
      const at = new Date(now());
      return tokenExpiryProblem(normalizeTokenExpiry(raw, at), at);
    },
  };
}

const baseSubdomainField = field({
  id: 'subdomain',
  label: 'Workable subdomain',
  hint: 'Settings → Company profile → Subdomain: the acme in acme.workable.com. Pasting the address works too.',
  placeholder: 'e.g. acme',
  looksLike:
    'is one word of letters, digits and hyphens, such as acme for acme.workable.com (Settings → Company profile → Subdomain)',
  pattern: /^(?!-)[a-z0-9-]{1,63}(?<!-)$/,
  maxLength: 63,
  normalize: reduceWorkableSubdomain,
});

const subdomainField: CredentialField = {
  ...baseSubdomainField,
  validate(raw) {
    const problem = baseSubdomainField.validate(raw);
    if (problem) return problem;
    const value = baseSubdomainField.normalize?.(raw) ?? raw;
    if (!isWorkableSubdomain(value)) {
      return `${value}.workable.com belongs to Workable itself (e.g. your careers page), not to your account. Copy the subdomain from Settings → Company profile → Subdomain.`;
    }
    return undefined;
  },
};

const tokenField = field({
  id: 'api_token',
  label: 'API access token',
  hint: `Shown once when you generated it in ${TOKENS_MENU}. Lost it? Generate a new one.`,
  placeholder: 'API access token',
  secret: true,
  looksLike:
    'is the long token Workable showed once when you clicked Generate token, one word without spaces',
  pattern: /^[A-Za-z0-9._~+/=-]{16,500}$/,
});

const scopeList = WORKABLE_REQUIRED_SCOPES.map(({ scope, covers }) => `• \`${scope}\` (${covers})`).join(
  '\n',
);

function recruiterLines(recruiter: WorkableRecruiter) {
  return `*Name*\n\`${codeText(recruiter.name)}\`\n*Email*\n\`${codeText(recruiter.email)}\``;
}

/** Workable, with the external recruiter Wintro asks admins to add (from operator settings). */
export function createWorkable(recruiter: WorkableRecruiter, now: () => number = Date.now): LinkableSystem {
  return {
    id: 'workable',
    name: 'Workable',
    vendor: 'Workable',
    aliases: ['workable'],
    summary: 'Recruiting: an API access token, your subdomain and Wintro as an external recruiter',
    prerequisites: {
      text: [
        'To link Workable you need an *Admin* account in your company’s Workable.',
        'Only Admins can generate API tokens and add external recruiters.',
      ].join('\n'),
      selfCheck: [
        {
          title: 'Open the settings',
          text: `Log in to Workable and click ${SETTINGS_PATH}.`,
          screenshot: {
            key: 'workable-profile-settings',
            alt: 'Workable profile menu with Settings',
            url: seedImage('18680193172625'),
          },
        },
        {
          title: 'Look for API Access Tokens',
          text: 'Click *Apps* in the menu on the left (under *Integrations*). If you see *API Access Tokens* with a *Generate API token* button, you are an Admin.',
          screenshot: {
            key: 'workable-generate-token',
            alt: 'The Generate API token button under API Access Tokens',
            url: seedImage('21806967109137'),
          },
        },
      ],
      missingPermission:
        'The Admin role in Workable (only Admins can generate API tokens and add external recruiters)',
      whoCanHelp:
        'Ask an Admin of your company’s Workable to make you an Admin, or to do this setup for you. The person who runs Workable in HR or Talent Acquisition usually knows who the Admins are.',
    },
    steps: [
      {
        title: 'Open the settings',
        text: `Log in to Workable and click ${SETTINGS_PATH}.`,
        screenshot: {
          key: 'workable-settings',
          alt: 'Workable dropdown menu with Settings',
          url: seedImage('17857269127313'),
        },
      },
      {
        title: 'Copy your subdomain',
        text: [
          'Click *Company profile* in the menu on the left, and copy what is under *Subdomain*.',
          'It is the first part of your Workable address: for `acme.workable.com` it is `acme`.',
        ].join('\n'),
        screenshot: {
          key: 'workable-subdomain',
          alt: 'The Subdomain on the Company profile settings page',
          url: seedImage('17857274661265'),
        },
      },
      {
        title: 'Open Apps',
        text: 'Still in Settings, click *Apps* in the menu on the left (under *Integrations*).',
        screenshot: {
          key: 'workable-apps',
          alt: 'Apps in the left menu of the Workable settings',
          url: seedImage('21806983810449'),
        },
      },
      {
        title: 'Generate an API token',
        text: 'In the *API Access Tokens* section, click *Generate API token*.',
        screenshot: {
          key: 'workable-generate-token',
          alt: 'The Generate API token button under API Access Tokens',
          url: seedImage('21806967109137'),
        },
      },
      {
        title: 'Name, expiry and scopes',
        text: [
          'Name the token `Wintro`.',
          `Pick how long it lasts (${EXPIRY_LABELS}) and note the date: Wintro asks for it, and \`/wintro status\` shows it so you know when to renew.`,
          `Tick these scopes:\n${scopeList}`,
          'Then click *Generate token*.',
        ].join('\n'),
        screenshot: {
          key: 'workable-token-form',
          alt: 'Name, expiry and scopes of a new API token',
          url: seedImage('21806983830161'),
        },
      },
      {
        title: 'Copy the token',
        text: 'Workable shows the new token once: copy it now and keep it safe until you paste it into Wintro. Once you close that window, it cannot be shown again.',
        screenshot: {
          key: 'workable-token-created',
          alt: 'The newly generated API token',
          url: seedImage('21806983842449'),
        },
      },
      {
        title: 'Open Account members',
        text: `Click ${SETTINGS_PATH}, then *Account members* in the menu on the left, then *Add an external recruiter*.`,
        screenshot: {
          key: 'workable-add-external-recruiter',
          alt: 'Add an external recruiter on the Account members page',
          url: seedImage('18680372136721'),
        },
      },
      {
        title: 'Add Wintro as an external recruiter',
        text: [
          'Wintro works in Workable as an external recruiter. Enter exactly:',
          recruiterLines(recruiter),
          'Then click *Add recruiter*. Wintro checks it is there when you enter the credentials.',
        ].join('\n'),
        screenshot: {
          key: 'workable-recruiter-details',
          alt: 'The external recruiter form with Name and Email',
          url: seedImage('18680465093265'),
        },
      },
    ],
    credentialFields: [subdomainField, tokenField, tokenExpiryField(now)],
    verify: (credentials, context) => verifyWorkable(recruiter, credentials, context, new Date(now())),
  };
}

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

const rateLimited = (response: VendorResponse) =>
  rateLimitedBy(
    'Workable',
    workableRetrySeconds(response.headers),
    'Workable allows an API token 10 calls every 10 seconds.',
  );

/**
 * Sorts one Workable answer: 'ok', 'forbidden' (the token lacks the scope), or what the admin has
 * to fix.
 */
export function classifyWorkableResponse(
  response: VendorResponse,
  what: string,
  subdomain: string,
): 'ok' | 'forbidden' | VerificationFailure {
  const { status } = response;
  if (status === 200) return 'ok';
  if (status === 403) return 'forbidden';
  if (status === 401) {
    return {
      ok: false,
      code: 'invalid_token',
      title: 'Workable did not accept the API token',
      detail: [
        'The token may be mistyped, revoked, or past its expiry date.',
        `Copy it again, or generate a new one in ${TOKENS_MENU}: Workable shows a token only once.`,
      ].join(' '),
      fieldErrors: {
        api_token:
          'Workable did not accept this token (wrong, revoked or expired). Paste it again or generate a new one.',
      },
    };
  }
  // An unknown account answers 404; a redirect (never followed) also means there is no API here.
  if (status === 404 || (status >= 300 && status < 400)) {
    return {
      ok: false,
      code: 'unknown_subdomain',
      title: `Workable has no account at ${subdomain}.workable.com`,
      detail:
        'Copy the subdomain from Settings → Company profile → Subdomain: for acme.workable.com it is acme.',
      fieldErrors: { subdomain: `There is no Workable account at ${subdomain}.workable.com.` },
    };
  }
  if (status === 429) return rateLimited(response);
  if (status >= 500)
    return vendorError('Workable', `it answered with an error (${status})`) as VerificationFailure;
  return vendorError(
    'Workable',
    `reading ${what} gave an unexpected answer (${status})`,
  ) as VerificationFailure;
}

function missingScopes(missing: string[]): VerificationFailure {
  return {
    ok: false,
    code: 'missing_scopes',
    title: `The token is missing ${missing.length === 1 ? 'a scope' : `${missing.length} scopes`} Wintro needs`,
    detail: [
      `Workable cannot add scopes to an existing token. In ${TOKENS_MENU}, generate a new token with these scopes ticked, then paste it (and its expiry date) here:`,
      ...missing.map((scope) => `• ${scope}`),
      'You can revoke the old token on the same page.',
    ].join('\n'),
    fieldErrors: {
      api_token: `This token lacks ${missing.join(', ')}. Generate one with every scope Wintro needs.`,
    },
    missing,
  };
}

function recruiterMissing(recruiter: WorkableRecruiter): VerificationFailure {
  return {
    ok: false,
    code: 'recruiter_missing',
    title: 'One step left: add Wintro as an external recruiter',
    detail: [
      `The token works, but Workable does not list Wintro as an external recruiter yet. In Workable, click ${MEMBERS_MENU}, enter exactly:`,
      recruiterLines(recruiter),
      'then click *Add recruiter* and check again.',
    ].join('\n'),
    missing: [recruiter.email],
  };
}

type Get = (url: string) => ReturnType<VerifyContext['http']['send']>;

const recruitersOf = (body: unknown): unknown[] | undefined => {
  if (Array.isArray(body)) return body;
  const list = (body as { recruiters?: unknown } | undefined)?.recruiters;
  return Array.isArray(list) ? list : undefined;
};

/** Looks for the recruiter's email (case-insensitive) in the account's external recruiters. */
async function findRecruiter(
  base: string,
  subdomain: string,
  recruiter: WorkableRecruiter,
  get: Get,
): Promise<'found' | 'missing' | VerificationFailure> {
  const wanted = recruiter.email.trim().toLowerCase();
  const firstPage = `${base}${WORKABLE_RECRUITERS_PATH}`;
  let url: string | undefined = firstPage;
  for (let page = 0; url && page < MAX_RECRUITER_PAGES; page++) {
    const result = await get(url);
    if (!result.ok) return transportFailure('Workable', result.failure) as VerificationFailure;
    const classified = classifyWorkableResponse(result.response, 'external recruiters', subdomain);
    if (classified === 'forbidden') return missingScopes(['r_jobs']);
    if (classified !== 'ok') return classified;
    const body = jsonBody(result.response);
    const list = recruitersOf(body);
    if (!list) {
      return vendorError(
        'Workable',
        'it listed the external recruiters in a way we did not expect',
      ) as VerificationFailure;
    }
    const found = list.some((entry) => {
      const email = (entry as { email?: unknown } | null)?.email;
      return typeof email === 'string' && email.trim().toLowerCase() === wanted;
    });
    if (found) return 'found';
    // Follow a next page only on the same account and endpoint: an answer must never steer the token elsewhere.
    const next = (body as { paging?: { next?: unknown } } | undefined)?.paging?.next;
    url = typeof next === 'string' && next.startsWith(`${firstPage}?`) && !/\s/.test(next) ? next : undefined;
  }
  return 'missing';
}

async function verifyWorkable(
  recruiter: WorkableRecruiter,
  credentials: Credentials,
  context: VerifyContext,
  now: Date,
): Promise<VerificationOutcome> {
  const subdomain = credentials.subdomain ?? '';
  const base = workableBaseUrl(context.urls.workableApiUrl, subdomain);
  if (!base) {
    return {
      ok: false,
      code: 'invalid_subdomain',
      title: 'That subdomain cannot be right',
      detail:
        'Copy the subdomain from Settings → Company profile → Subdomain: for acme.workable.com it is acme.',
      fieldErrors: { subdomain: 'Enter only the subdomain, such as acme.' },
    };
  }
  const expiry = credentials.token_expiry ?? '';
  const expiryProblem = tokenExpiryProblem(expiry, now);
  if (expiryProblem) {
    return {
      ok: false,
      code: 'invalid_expiry',
      title: 'Check the token’s expiry date',
      detail: expiryProblem,
      fieldErrors: { token_expiry: expiryProblem },
    };
  }

  const get: Get = (url) =>
    context.http.send({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${credentials.api_token ?? ''}`, accept: 'application/json' },
    });

  // One after the other: Workable allows an account token 10 calls every 10 seconds.
  const missing: string[] = [];
  for (const required of WORKABLE_REQUIRED_SCOPES) {
    const result = await get(`${base}${required.path}?limit=1`);
    if (!result.ok) return transportFailure('Workable', result.failure);
    const classified = classifyWorkableResponse(result.response, required.covers, subdomain);
    if (classified === 'forbidden') {
      missing.push(required.scope);
      continue;
    }
    if (classified !== 'ok') return classified;
    const body = jsonBody(result.response) as Record<string, unknown> | undefined;
    if (!Array.isArray(body?.[required.key])) {
      return vendorError('Workable', `it answered reading ${required.covers} in a way we did not expect`);
    }
  }
  if (missing.length > 0) return missingScopes(missing);

  const found = await findRecruiter(base, subdomain, recruiter, get);
  if (found === 'missing') return recruiterMissing(recruiter);
  if (found !== 'found') return found;

  const daysLeft = Math.round((Date.parse(`${expiry}T00:00:00Z`) - utcToday(now)) / DAY_MS);
  return {
    ok: true,
    details: [
      { label: 'Workable account', value: `${subdomain}.workable.com` },
      { label: 'Token expires', value: `${expiry} (in ${daysLeft} day${daysLeft === 1 ? '' : 's'})` },
      { label: 'Scopes checked', value: WORKABLE_REQUIRED_SCOPES.map(({ scope }) => scope).join(', ') },
      { label: 'External recruiter', value: codeText(`${recruiter.name} (${recruiter.email})`) },
    ],
    expiresAt: `${expiry}T00:00:00.000Z`,
  };
}
