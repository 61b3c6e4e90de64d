import type { Language } from '../messages/index.js';

/** The bot's language for a Slack locale such as `de-DE`: German for every `de…` locale, else English. */
export function languageOfLocale(locale: string): Language {
  return /^de(?:[-_]|$)/i.test(locale.trim()) ? 'de' : 'en';
}
