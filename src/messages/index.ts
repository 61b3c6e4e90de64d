import i18next from 'i18next';
import { en } from './en/index.js';

/**
 * Every word the bot shows a person, by id. The catalog is English today; a second language is a
 * second resource object of the same shape (see `Messages`).
 */
export type Messages = typeof en;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K extends `${infer Base}_${'one' | 'other'}` ? Base : K}`
    : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A message id such as `flow.movedOn`; plural forms (`…_one`, `…_other`) are named without the suffix. */
export type MessageId = Leaves<Messages>;

/** Values put into a message's `{{placeholders}}`; `count` also picks a plural form. */
export type MessageParams = Record<string, string | number>;

const catalog = i18next.createInstance();
void catalog.init({
  lng: 'en',
  fallbackLng: false,
  resources: { en: { translation: en } },
  initAsync: false,
  // Messages are Slack mrkdwn, not HTML: escaping for Slack happens where text a person typed is shown.
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
});

/** The text of a message, with its placeholders filled in. */
export function t(id: MessageId, params?: MessageParams): string {
  return catalog.t(id, params ?? {}) as string;
}

/** Whether a message with this id exists (for ids built from data, e.g. a refusal or a phase). */
export const hasMessage = (id: string): id is MessageId => catalog.exists(id);
