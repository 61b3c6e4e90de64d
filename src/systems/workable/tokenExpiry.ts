import { t } from '../../messages/index.js';
import { tidy } from '../fields.js';
import type { CredentialField } from '../types.js';

/**
 * Workable tokens expire after 30 days, 90 days, 6 months, 1 year or 2 years (PROVIDERS.md,
 * "Changes confirmed 2026-11-30"): there is no token that never expires, and no call that tells a
 * token's expiry. So the admin picks the period they chose (or a specific date, for a token made
 * earlier), the check turns a period into its date counted from today in the admin's time zone,
 * and Wintro warns before it passes. Older stored connections carry a typed date; a form opened
 * before the pick list existed still sends typed text, and both keep working.
 */
export type WorkableExpiryChoice = { id: string; label: string } & ({ days: number } | { months: number });

/** The expiry choices Workable offers when a token is generated, as its form names them. */
export function workableExpiryChoices(): WorkableExpiryChoice[] {
  return [
    { id: 'days30', label: t('systems.workable.expiryChoices.days30'), days: 30 },
    { id: 'days90', label: t('systems.workable.expiryChoices.days90'), days: 90 },
    { id: 'months6', label: t('systems.workable.expiryChoices.months6'), months: 6 },
    { id: 'year1', label: t('systems.workable.expiryChoices.year1'), months: 12 },
    { id: 'years2', label: t('systems.workable.expiryChoices.years2'), months: 24 },
  ];
}

/** The pick-list value for "a specific date" (then the date picker says which). */
export const SPECIFIC_DATE = 'date';
/** The date picker's field: it only serves the expiry field, and is never stored itself. */
export const EXPIRY_DATE_FIELD = 'token_expiry_date';

const choiceById = (id: string) => workableExpiryChoices().find((choice) => choice.id === id);

/** Today's date (YYYY-MM-DD) in a time zone; UTC for an unknown zone. */
export function todayIn(timeZone: string | undefined, now: Date): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone ?? 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/**
 * The expiry date a stored or submitted value stands for: a picked period counted from today in the
 * admin's time zone, or the date itself (picked, typed, or stored by an older version).
 */
export function resolveTokenExpiry(value: string, now: Date, timeZone?: string): string {
  const choice = choiceById(value);
  if (!choice) return value;
  return expiryFromChoice(choice, new Date(`${todayIn(timeZone, now)}T00:00:00Z`));
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

/**
 * The expiry field: a pick list of Workable's periods and "a specific date". A period stays a
 * period until the check counts it from today where the admin is; a specific date comes from the
 * date picker. Typed text (a form opened before the pick list) is read as before. `now` is
 * injectable so tests do not depend on today's date.
 */
export function tokenExpiryField(now: () => number = Date.now): CredentialField {
  const read = (raw: string, values: Record<string, string> = {}) => {
    if (choiceById(raw)) return raw;
    if (raw === SPECIFIC_DATE) return tidy(values[EXPIRY_DATE_FIELD] ?? '');
    return normalizeTokenExpiry(raw, new Date(now()));
  };
  return {
    id: 'token_expiry',
    label: t('systems.workable.fields.tokenExpiry.label'),
    hint: t('systems.workable.fields.tokenExpiry.hint'),
    placeholder: t('systems.workable.fields.tokenExpiry.placeholder'),
    input: {
      kind: 'select',
      options: [
        ...workableExpiryChoices().map(({ id, label }) => ({ value: id, label })),
        { value: SPECIFIC_DATE, label: t('systems.workable.fields.tokenExpiry.specificDate') },
      ],
    },
    secret: false,
    maxLength: 40,
    normalize: read,
    validate(raw, values = {}) {
      if (choiceById(raw)) return undefined;
      if (!raw) return t('systems.workable.expiry.pick');
      if (raw === SPECIFIC_DATE && !values[EXPIRY_DATE_FIELD]) return t('systems.workable.expiry.pickDate');
      const at = new Date(now());
      return tokenExpiryProblem(read(raw, values), at);
    },
  };
}

/** The date picker for "a specific date"; read by the expiry field, never stored on its own. */
export function tokenExpiryDateField(): CredentialField {
  return {
    id: EXPIRY_DATE_FIELD,
    label: t('systems.workable.fields.tokenExpiryDate.label'),
    hint: t('systems.workable.fields.tokenExpiryDate.hint'),
    placeholder: t('systems.workable.fields.tokenExpiryDate.placeholder'),
    input: { kind: 'date' },
    formOnly: true,
    secret: false,
    maxLength: 10,
    validate: () => undefined,
  };
}
