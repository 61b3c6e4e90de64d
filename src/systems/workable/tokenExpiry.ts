import { t } from '../../messages/index.js';
import { tidy } from '../fields.js';
import type { CredentialField } from '../types.js';

/**
 * Workable tokens expire after 30 days, 90 days, 6 months, 1 year or 2 years: there is no token
 * that never expires, and no call that tells a token's expiry. So the admin types the date (or the
 * period just picked), and Wintro warns before it passes.
 */
export type WorkableExpiryChoice = { label: string } & ({ days: number } | { months: number });

/** The expiry choices Workable offers when a token is generated, as its form names them. */
export function workableExpiryChoices(): WorkableExpiryChoice[] {
  return [
    { label: t('systems.workable.expiryChoices.days30'), days: 30 },
    { label: t('systems.workable.expiryChoices.days90'), days: 90 },
    { label: t('systems.workable.expiryChoices.months6'), months: 6 },
    { label: t('systems.workable.expiryChoices.year1'), months: 12 },
    { label: t('systems.workable.expiryChoices.years2'), months: 24 },
  ];
}

/** "30 days, 90 days, 6 months, 1 year or 2 years" */
export function expiryChoiceList(): string {
  const labels = workableExpiryChoices().map(({ label }) => label);
  const last = labels.pop() ?? '';
  return `${labels.join(t('systems.workable.listSeparator'))}${t('systems.workable.listLastSeparator')}${last}`;
}

/** Leeway over the longest choice for time zones and a token made a day or two ago. */
const EXPIRY_LEEWAY_DAYS = 2;
export const DAY_MS = 24 * 3600_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const utcToday = (now: Date) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date a token made now with this choice expires. */
export function expiryFromChoice(choice: WorkableExpiryChoice, now: Date): string {
  const today = new Date(utcToday(now));
  if ('days' in choice) return isoDate(today.getTime() + choice.days * DAY_MS);
  const target = new Date(today);
  target.setUTCMonth(target.getUTCMonth() + choice.months);
  // 31 August + 6 months is the last day of February, not early March.
  if (target.getUTCDate() !== today.getUTCDate()) target.setUTCDate(0);
  return isoDate(target.getTime());
}

/** A choice by its place in the list: 3 is 1 year (the usual example), 4 is 2 years (the longest). */
const choice = (index: 3 | 4) => workableExpiryChoices()[index] as WorkableExpiryChoice;

/**
 * Tidies a typed expiry: `2027-5-1`, `2027/05/01` and a pasted timestamp become `2027-05-01`;
 * the period picked for a token made today (`1 year`) becomes its date.
 */
export function normalizeTokenExpiry(raw: string, now: Date = new Date()): string {
  const value = tidy(raw).toLowerCase().replace(/\s+/g, ' ');
  const picked = workableExpiryChoices().find(
    ({ label }) => value === label || value === label.replace(/s$/, '') || `${value}s` === label,
  );
  if (picked) return expiryFromChoice(picked, now);
  const date = value.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:t[\d:.]+z?)?$/);
  if (date) return `${date[1]}-${date[2]?.padStart(2, '0')}-${date[3]?.padStart(2, '0')}`;
  return value;
}

/** What is wrong with a (normalized) expiry date, in one sentence; undefined when it is fine. */
export function tokenExpiryProblem(value: string, now: Date = new Date()): string | undefined {
  const example = expiryFromChoice(choice(3), now);
  if (!value) return t('systems.workable.expiry.empty', { example });
  if (/^(never|none|no expiry|no expiration|unlimited|-)$/.test(value)) {
    return t('systems.workable.expiry.never', { choices: expiryChoiceList(), example });
  }
  const parsed = Date.parse(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || !Number.isFinite(parsed) || isoDate(parsed) !== value) {
    return t('systems.workable.expiry.format', { example });
  }
  const today = utcToday(now);
  if (parsed <= today) return t('systems.workable.expiry.past');
  const latest = Date.parse(`${expiryFromChoice(choice(4), now)}T00:00:00Z`);
  if (parsed > latest + EXPIRY_LEEWAY_DAYS * DAY_MS) return t('systems.workable.expiry.tooFar');
  return undefined;
}

/** The expiry field. `now` is injectable so tests do not depend on today's date. */
export function tokenExpiryField(now: () => number = Date.now): CredentialField {
  return {
    id: 'token_expiry',
    label: t('systems.workable.fields.tokenExpiry.label'),
    hint: t('systems.workable.fields.tokenExpiry.hint'),
    placeholder: t('systems.workable.fields.tokenExpiry.placeholder'),
    secret: false,
    maxLength: 40,
    normalize: (raw) => normalizeTokenExpiry(raw, new Date(now())),
    validate(raw) {
      const at = new Date(now());
      return tokenExpiryProblem(normalizeTokenExpiry(raw, at), at);
    },
  };
}
