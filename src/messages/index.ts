import i18next, { type Resource } from 'i18next';
import { de } from './de/index.js';
import { en } from './en/index.js';

/**
 * Every word the bot shows a person, by id, per language. English is the source; every other
 * language is a resource object of the same shape (see `Messages`).
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

/** The languages the bot speaks. A person's language decides every message they read. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';
export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The words of one language: a message's text with its placeholders filled in. */
export type Translate = ((id: MessageId, params?: MessageParams) => string) & {
  /** The language these words are in, for what a renderer writes itself (dates). */
  readonly language: Language;
};

const resources: Resource = { en: { translation: en }, de: { translation: de } };

const catalog = i18next.createInstance();
void catalog.init({
  lng: DEFAULT_LANGUAGE,
  // Never a bare id in front of a person: a text missing in a language comes in English (the parity
  // test keeps every language complete).
  fallbackLng: DEFAULT_LANGUAGE,
  resources,
  initAsync: false,
  // Messages are Slack mrkdwn, not HTML: escaping for Slack happens where text a person typed is shown.
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
});

const translators = new Map<Language, Translate>();
/** How many texts with their placeholders filled each language keeps (a few hundred KB at most). */
const FILLED_TEXTS_KEPT = 4000;

/** The words of `language`, for everything one reader will read. */
export function translator(language: Language): Translate {
  let translate = translators.get(language);
  if (!translate) {
    const fixed = catalog.getFixedT(language);
    // Most texts have no placeholders and are asked for on every message drawn: each is looked up
    // once (the ids are the catalog's, a fixed set).
    const plain = new Map<string, string>();
    // Texts with placeholders repeat too (`Step 2 of 6`, a system's name): the last few thousand
    // are kept, since i18next's interpolation costs a step message more than drawing it.
    const filled = new Map<string, string>();
    const words = (id: MessageId, params?: MessageParams) => {
      if (params) {
        let key = id;
        for (const name in params) key += `\u0000${name}\u0000${params[name]}`;
        let text = filled.get(key);
        if (text === undefined) {
          text = fixed(id, params) as string;
          if (filled.size >= FILLED_TEXTS_KEPT) filled.clear();
          filled.set(key, text);
        }
        return text;
      }
      let text = plain.get(id);
      if (text === undefined) {
        text = fixed(id, {}) as string;
        plain.set(id, text);
      }
      return text;
    };
    translate = Object.assign(words, { language });
    translators.set(language, translate);
  }
  return translate;
}

/** Whether a message with this id exists (for ids built from data, e.g. a refusal or a phase). */
export const hasMessage = (id: string): id is MessageId => catalog.exists(id);
