import type { Logger } from '../logger.js';
import type { Language, Translate } from '../messages/index.js';
import type { VendorHttp } from '../vendors/http.js';
import type { SettingReader, SystemSetting } from './settings.js';

/**
 * A screenshot, named by a stable key. With WINTRO_SCREENSHOT_BASE_URL set, every screenshot is
 * served from `<base>/<key>.png`; otherwise `url` is used, and a step without one shows text only.
 */
export interface Screenshot {
  key: string;
  alt: string;
  url?: string;
}

export interface GuideStep {
  title: string;
  /** Slack mrkdwn. */
  text: string;
  screenshot?: Screenshot;
}

export interface Prerequisites {
  /** Slack mrkdwn: what the admin needs and how to tell whether they have it. */
  text: string;
  /** Steps the admin can follow to check for themselves. */
  selfCheck: GuideStep[];
  /** The permission or role in the vendor's own words, with its menu path. */
  missingPermission: string;
  /** Who can grant it, and how to find them. */
  whoCanHelp: string;
}

/** How a field is entered: typed (the default), picked from a list, or picked on a calendar. */
export type FieldInput =
  | { kind: 'text' }
  | { kind: 'select'; options: { value: string; label: string }[] }
  | { kind: 'date' };

export interface CredentialField {
  id: string;
  /** A text input unless said otherwise. */
  input?: FieldInput;
  /** Entered in the form but not a credential itself: read by another field, never stored. */
  formOnly?: boolean;
  label: string;
  hint: string;
  placeholder: string;
  /** Secret fields are never prefilled, logged or stored unsealed. */
  secret: boolean;
  maxLength: number;
  /**
   * Returns what is wrong with the value in one sentence that says what a valid value looks like.
   * `values` are every value of the form, for a field that depends on another.
   */
  validate(value: string, values?: Record<string, string>): string | undefined;
  /** Tidies a pasted value (trims, strips a pasted URL down to the id). */
  normalize?(value: string, values?: Record<string, string>): string;
}

export type Credentials = Record<string, string>;

export interface Detail {
  label: string;
  value: string;
}

export type VerificationOutcome =
  | {
      ok: true;
      details: Detail[];
      expiresAt?: string;
      /** Credentials as they are to be stored, where the check settled a value (a period became a date). */
      settled?: Credentials;
    }
  | {
      ok: false;
      /** Stable machine-readable code, e.g. `invalid_client`, `missing_scopes`, `rate_limited`. */
      code: string;
      title: string;
      /** Plain sentences: what is wrong and what to do next. */
      detail: string;
      /** Inline errors keyed by credential field id. */
      fieldErrors?: Record<string, string>;
      /** Permissions, scopes or attributes that are missing, in the vendor's words. */
      missing?: string[];
      retryAfterSeconds?: number;
    };

export type VerificationFailure = Extract<VerificationOutcome, { ok: false }>;

/** What a check needs at run time; the vendor's endpoints were fixed when the system was created. */
export interface VerifyContext {
  http: VendorHttp;
  /** The admin's time zone (IANA, e.g. Europe/Berlin), for systems that read dates in it; UTC when unknown. */
  timeZone?: string;
  /** For what the operator should know about a check (never credentials). */
  logger?: Pick<Logger, 'warn'>;
}

/** What the vendor sent the admin's browser back with after the approval page. */
export interface AuthorizationAnswer {
  code?: string;
  /** e.g. `access_denied` when the admin clicked Deny. */
  error?: string;
}

/**
 * Linking in one click: the admin approves Wintro on the vendor's own page, and the vendor sends
 * the browser back with a code that is exchanged for tokens (OAuth 2.0 authorization code grant).
 */
export interface OneClickAuthorization {
  /** Shown to people on the button, e.g. "Connect with Greenhouse". */
  buttonLabel: string;
  /** Slack mrkdwn: who can approve, and which way of approving to choose. */
  text: string;
  /** Slack mrkdwn introducing the manual guide as the other way. */
  manualIntro: string;
  /** The button that starts the manual guide instead. */
  manualButton: string;
  /** The vendor's approval page; `state` comes back with the answer. */
  authorizeUrl(state: string): string;
  /** Exchanges the answer for tokens at once and checks what they grant; credentials only when linked. */
  complete(
    answer: AuthorizationAnswer,
    context: VerifyContext,
  ): Promise<{ outcome: VerificationOutcome; credentials?: Credentials }>;
}

export interface LinkableSystem {
  id: string;
  /** Shown to people, e.g. "Greenhouse" or "Personio (recruiting)". */
  name: string;
  /** The vendor, for systems with several kinds of credentials (e.g. "Personio"). */
  vendor: string;
  /** Words that pick this system in `/wintro link …`, lower case. */
  aliases: string[];
  /** One line for the picker. */
  summary: string;
  prerequisites: Prerequisites;
  steps: GuideStep[];
  credentialFields: CredentialField[];
  /** Linking in one click instead of pasting credentials, when the operator set it up. */
  authorization?: OneClickAuthorization;
  /** The check reads dates in the admin's time zone (asked from Slack before it runs). */
  readsLocalDates?: boolean;
  /** Where in the vendor's settings the API credential is deleted, in its menu's words (shown after unlinking). */
  revokePath?: string;
  /** Recognises a pasted value that belongs to an older way of linking and explains it. */
  recognizeLegacy?(credentials: Credentials): Record<string, string> | undefined;
  verify(credentials: Credentials, context: VerifyContext): Promise<VerificationOutcome>;
  /**
   * Checks stored credentials of a linked connection again (the periodic re-check); without it,
   * `verify`. 'skip': these credentials cannot be checked here (see Greenhouse's partner tokens).
   */
  recheck?(credentials: Credentials, context: VerifyContext): Promise<VerificationOutcome | 'skip'>;
}

/** A vendor whose linking needs a choice first (e.g. Personio: recruiting or employee data). */
export interface SystemFamily {
  id: string;
  name: string;
  aliases: string[];
  question: string;
  variants: { systemId: string; label: string; description: string }[];
}

/**
 * One vendor, plugged into the catalog: the operator settings it reads and the systems (and
 * families) it offers, built from their values, once per language: every word of a system (its
 * guide, fields, checks' outcomes) comes from the `tr` it was built with, and dates are written as
 * `language` writes them (see formatDay).
 */
export interface SystemModule {
  settings: readonly SystemSetting[];
  create(
    setting: SettingReader,
    tr: Translate,
    language: Language,
  ): { systems: LinkableSystem[]; families?: SystemFamily[] };
}
