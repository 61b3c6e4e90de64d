import type { Language } from './index.js';

const GERMAN_DAY = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'UTC',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/**
 * A calendar day as its reader writes it: `30.11.2026` in German, `2026-11-30` in English. `day` is
 * an ISO date or timestamp (its UTC day counts) or milliseconds since the epoch.
 */
export function formatDay(language: Language, day: string | number): string {
  const iso = typeof day === 'number' ? new Date(day).toISOString() : day;
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(date.getTime())) return iso;
  return language === 'de' ? GERMAN_DAY.format(date) : iso.slice(0, 10);
}
