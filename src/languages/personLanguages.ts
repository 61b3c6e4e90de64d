import type { Language } from '../messages/index.js';

/** Where a person's language comes from: their own choice, their Slack locale, or their workspace. */
export type LanguageSource = 'choice' | 'slack' | 'workspace';

export interface PersonLanguage {
  language: Language;
  source: LanguageSource;
}

/** A person's language as one Redis read found it; Slack is asked (once) only when it must be. */
export interface LanguageLookUp {
  /** Known without asking Slack (as `known`); undefined when Slack must be asked first. */
  known: Language | undefined;
  /** The language (as `of`), asking Slack only when it is not known, without reading Redis again. */
  find(): Promise<Language>;
}

/** The language each reader reads: a person's for what they read, a workspace's for its channels. */
export interface PersonLanguages {
  /** A person's language: their choice, else their Slack locale (cached a day), else the workspace's. */
  of(teamId: string, userId: string): Promise<Language>;
  /** The workspace's language, for channel notices (English unless the workspace chose another). */
  ofWorkspace(teamId: string): Promise<Language>;
  /**
   * A person's language if it is known without asking Slack (their choice, or what Slack said within
   * the day); undefined when Slack must be asked first. One Redis read: fit for before an acknowledgement.
   */
  known(teamId: string, userId: string): Promise<Language | undefined>;
  /**
   * `known` and, when that is undefined, `of` on the same read: its one Redis command is issued at
   * once (in the caller's tick), so it can share a round trip with a request's claim.
   */
  lookUp(teamId: string, userId: string): Promise<LanguageLookUp>;
  /** The one read `lookUp` makes (a hash of the person's team and its fields), for a caller to make. */
  readOf(teamId: string, userId: string): { key: string; fields: string[] };
  /** `lookUp` on the values of that read (in the order of its fields). */
  lookUpFrom(teamId: string, userId: string, values: (string | null)[]): Promise<LanguageLookUp>;
  /** A person's language and where it comes from (for `/wintro language`). */
  explain(teamId: string, userId: string): Promise<PersonLanguage>;
  /** Stores a person's own choice; undefined removes it (back to their Slack locale). */
  choose(teamId: string, userId: string, language: Language | undefined): Promise<void>;
  /** Sets the workspace's language for channel notices. */
  chooseForWorkspace(teamId: string, language: Language): Promise<void>;
}
