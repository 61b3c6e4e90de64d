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

export interface CredentialField {
  id: string;
  label: string;
  hint: string;
  placeholder: string;
  /** Secret fields are never prefilled, logged or stored unsealed. */
  secret: boolean;
  maxLength: number;
  /** Returns what is wrong with the value in one sentence that says what a valid value looks like. */
  validate(value: string): string | undefined;
  /** Tidies a pasted value (trims, strips a pasted URL down to the id). */
  normalize?(value: string): string;
}

export type Credentials = Record<string, string>;

export interface Detail {
  label: string;
  value: string;
}

export type VerificationOutcome =
  | { ok: true; details: Detail[]; expiresAt?: string }
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
  /** Recognises a pasted value that belongs to an older way of linking and explains it. */
  recognizeLegacy?(credentials: Credentials): Record<string, string> | undefined;
  verify(credentials: Credentials, context: VerifyContext): Promise<VerificationOutcome>;
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
 * families) it offers, built from their values.
 */
export interface SystemModule {
  settings: readonly SystemSetting[];
  create(setting: SettingReader): { systems: LinkableSystem[]; families?: SystemFamily[] };
}
