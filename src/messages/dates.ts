import type { Language } from './index.js';

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * `30.11.2026`, written out rather than through `Intl.DateTimeFormat`: a formatter loads the
 * locale's calendar data, several megabytes of memory for a process that writes one fixed shape.
 */
const germanDay = (date: Date) =>
  `${twoDigits(date.getUTCDate())}.${twoDigits(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;

/**
 * A calendar day as its reader writes it: `30.11.2026` in German, `2026-11-30` in English. `day` is
 * an ISO date or timestamp (its UTC day counts) or milliseconds since the epoch.
 */
export function formatDay(language: Language, day: string | number): string {
  const iso = typeof day === 'number' ? new Date(day).toISOString() : day;
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(date.getTime())) return iso;
  return language === 'de' ? germanDay(date) : iso.slice(0, 10);
}
