import type { Translate } from '../../messages/index.js';
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
export type ExpiryPeriod = { id: string } & ({ days: number } | { months: number });
export type WorkableExpiryChoice = ExpiryPeriod & { label: string };

/** The expiry periods Workable offers when a token is generated. */
const EXPIRY_PERIODS = [
  { id: 'days30', days: 30 },
  { id: 'days90', days: 90 },
  { id: 'months6', months: 6 },
  { id: 'year1', months: 12 },
  { id: 'years2', months: 24 },
] as const satisfies readonly ExpiryPeriod[];

/** The expiry choices Workable offers when a token is generated, as its form names them. */
export function workableExpiryChoices(tr: Translate): WorkableExpiryChoice[] {
  return EXPIRY_PERIODS.map((period) => ({
    ...period,
    label: tr(`systems.workable.expiryChoices.${period.id}`),
  }));
}

/** The pick-list value for "a specific date" (then the date picker says which). */
export const SPECIFIC_DATE = 'date';
/** The date picker's field: it only serves the expiry field, and is never stored itself. */
export const EXPIRY_DATE_FIELD = 'token_expiry_date';

const choiceById = (id: string): ExpiryPeriod | undefined =>
  EXPIRY_PERIODS.find((choice) => choice.id === id);

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
export function expiryChoiceList(tr: Translate): string {
  const labels = workableExpiryChoices(tr).map(({ label }) => label);
  const last = labels.pop() ?? '';
  return `${labels.join(tr('systems.workable.listSeparator'))}${tr('systems.workable.listLastSeparator')}${last}`;
}

/** Leeway over the longest choice for time zones and a token made a day or two ago. */
const EXPIRY_LEEWAY_DAYS = 2;
export const DAY_MS = 24 * 3600_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const utcToday = (now: Date) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date a token made now with this choice expires. */
export function expiryFromChoice(choice: ExpiryPeriod, now: Date): string {
  const today = new Date(utcToday(now));
  if ('days' in choice) return isoDate(today.getTime() + choice.days * DAY_MS);
  const target = new Date(today);
  target.setUTCMonth(target.getUTCMonth() + choice.months);
  // 31 August + 6 months is the last day of February, not early March.
  if (target.getUTCDate() !== today.getUTCDate()) target.setUTCDate(0);
  return isoDate(target.getTime());
}

/** A choice by its place in the list: 3 is 1 year (the usual example), 4 is 2 years (the longest). */
const choice = (index: 3 | 4): ExpiryPeriod => EXPIRY_PERIODS[index];

/**
 * Tidies a typed expiry: `2027-5-1`, `2027/05/01` and a pasted timestamp become `2027-05-01`;
 * the period picked for a token made today (`1 year`, in the reader's words) becomes its date.
 */
export function normalizeTokenExpiry(tr: Translate, raw: string, now: Date = new Date()): string {
  const value = tidy(raw).toLowerCase().replace(/\s+/g, ' ');
  const picked = workableExpiryChoices(tr)
    .map((choice) => ({ ...choice, label: choice.label.toLowerCase() }))
    .find(({ label }) => value === label || value === label.replace(/s$/, '') || `${value}s` === label);
  if (picked) return expiryFromChoice(picked, now);
  const date = value.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:t[\d:.]+z?)?$/);
  if (date) return `${date[1]}-${date[2]?.padStart(2, '0')}-${date[3]?.padStart(2, '0')}`;
  return value;
}

/** What is wrong with a (normalized) expiry date, in one sentence; undefined when it is fine. */
export function tokenExpiryProblem(tr: Translate, value: string, now: Date = new Date()): string | undefined {
  const example = expiryFromChoice(choice(3), now);
  if (!value) return tr('systems.workable.expiry.empty', { example });
  if (/^(never|none|no expiry|no expiration|unlimited|-)$/.test(value)) {
    return tr('systems.workable.expiry.never', { choices: expiryChoiceList(tr), example });
  }
  const parsed = Date.parse(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || !Number.isFinite(parsed) || isoDate(parsed) !== value) {
    return tr('systems.workable.expiry.format', { example });
  }
  const today = utcToday(now);
  if (parsed <= today) return tr('systems.workable.expiry.past');
  const latest = Date.parse(`${expiryFromChoice(choice(4), now)}T00:00:00Z`);
  if (parsed > latest + EXPIRY_LEEWAY_DAYS * DAY_MS) return tr('systems.workable.expiry.tooFar');
  return undefined;
}

/**
 * The expiry field: a pick list of Workable's periods and "a specific date". A period stays a
 * period until the check counts it from today where the admin is; a specific date comes from the
 * date picker. Typed text (a form opened before the pick list) is read as before. `now` is
 * injectable so tests do not depend on today's date.
 */
export function tokenExpiryField(tr: Translate, now: () => number = Date.now): CredentialField {
  const read = (raw: string, values: Record<string, string> = {}) => {
    if (choiceById(raw)) return raw;
    if (raw === SPECIFIC_DATE) return tidy(values[EXPIRY_DATE_FIELD] ?? '');
    return normalizeTokenExpiry(tr, raw, new Date(now()));
  };
  return {
    id: 'token_expiry',
    label: tr('systems.workable.fields.tokenExpiry.label'),
    hint: tr('systems.workable.fields.tokenExpiry.hint'),
    placeholder: tr('systems.workable.fields.tokenExpiry.placeholder'),
    input: {
      kind: 'select',
      options: [
        ...workableExpiryChoices(tr).map(({ id, label }) => ({ value: id, label })),
        { value: SPECIFIC_DATE, label: tr('systems.workable.fields.tokenExpiry.specificDate') },
      ],
    },
    secret: false,
    maxLength: 40,
    normalize: read,
    validate(raw, values = {}) {
      if (choiceById(raw)) return undefined;
      if (!raw) return tr('systems.workable.expiry.pick');
      if (raw === SPECIFIC_DATE && !values[EXPIRY_DATE_FIELD]) return tr('systems.workable.expiry.pickDate');
      const at = new Date(now());
      return tokenExpiryProblem(tr, read(raw, values), at);
    },
  };
}

/** The date picker for "a specific date"; read by the expiry field, never stored on its own. */
export function tokenExpiryDateField(tr: Translate): CredentialField {
  return {
    id: EXPIRY_DATE_FIELD,
    label: tr('systems.workable.fields.tokenExpiryDate.label'),
    hint: tr('systems.workable.fields.tokenExpiryDate.hint'),
    placeholder: tr('systems.workable.fields.tokenExpiryDate.placeholder'),
    input: { kind: 'date' },
    formOnly: true,
    secret: false,
    maxLength: 10,
    validate: () => undefined,
  };
}
