/** One hostname-style word: the numeric company ID, or the company's lowercase slug. */
const COMPANY_ID = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** Recruitee's own hosts, never a company. */
const RESERVED_COMPANY_IDS: ReadonlySet<string> = new Set(['app', 'api', 'www', 'careers']);

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
