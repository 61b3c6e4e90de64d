import type { Translate } from '../../messages/index.js';
import { jsonBody, type VendorResponse } from '../../vendors/http.js';
import { transportFailure, vendorError } from '../outcomes.js';
import type { VerificationFailure, VerifyContext } from '../types.js';

/**
 * Wintro also works in Workable as an external recruiter; `GET /spi/v3/recruiters` (scope r_jobs)
 * must list it. The recruiter's name and email are operator settings.
 */
export interface WorkableRecruiter {
  name: string;
  email: string;
}

export const WORKABLE_RECRUITERS_PATH = '/spi/v3/recruiters';
/** Recruiters are one page in practice; a few pages at most are followed (10 calls / 10 s per token). */
const MAX_RECRUITER_PAGES = 4;

/** Operator-provided text shown in a code span: no backticks, and nothing Slack reads as markup. */
export const codeText = (text: string) =>
  text.replace(/`/g, "'").replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The recruiter's name and email as the admin should type them. */
export const recruiterLines = (tr: Translate, recruiter: WorkableRecruiter) =>
  tr('systems.workable.recruiterLines', { name: codeText(recruiter.name), email: codeText(recruiter.email) });

export function recruiterMissing(tr: Translate, recruiter: WorkableRecruiter): VerificationFailure {
  return {
    ok: false,
    code: 'recruiter_missing',
    title: tr('systems.workable.recruiterMissing.title'),
    detail: [
      tr('systems.workable.recruiterMissing.intro'),
      recruiterLines(tr, recruiter),
      tr('systems.workable.recruiterMissing.outro'),
    ].join('\n'),
    missing: [recruiter.email],
  };
}

export type Get = (url: string) => ReturnType<VerifyContext['http']['send']>;

/** How one page of recruiters was answered: 'ok' to read it, or the outcome that ends the search. */
export type PageVerdict = (response: VendorResponse) => 'ok' | VerificationFailure;

const recruitersOf = (body: unknown): unknown[] | undefined => {
  if (Array.isArray(body)) return body;
  const list = (body as { recruiters?: unknown } | undefined)?.recruiters;
  return Array.isArray(list) ? list : undefined;
};

/** Looks for the recruiter's email (case-insensitive) in the account's external recruiters. */
export async function findRecruiter(
  tr: Translate,
  base: string,
  recruiter: WorkableRecruiter,
  get: Get,
  judge: PageVerdict,
): Promise<'found' | 'missing' | VerificationFailure> {
  const vendor = tr('systems.workable.name');
  const wanted = recruiter.email.trim().toLowerCase();
  const firstPage = `${base}${WORKABLE_RECRUITERS_PATH}`;
  let url: string | undefined = firstPage;
  for (let page = 0; url && page < MAX_RECRUITER_PAGES; page++) {
    const result = await get(url);
    if (!result.ok) return transportFailure(tr, vendor, result.failure);
    const verdict = judge(result.response);
    if (verdict !== 'ok') return verdict;
    const body = jsonBody(result.response);
    const list = recruitersOf(body);
    if (!list) return vendorError(tr, vendor, tr('systems.workable.recruitersOddly'));
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
