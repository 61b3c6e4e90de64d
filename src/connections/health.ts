import { createHash } from 'node:crypto';
import type { FlowState } from '../flows/state.js';
import type { ConnectionHealth, ConnectionSummary } from '../store/connectionStore.js';
import type { GuideStep, VerificationFailure, VerificationOutcome } from '../systems/types.js';

/**
 * What the bot knows about a linked connection's health and its dates, in one place: whether a
 * re-check's answer means it broke, when it is checked next (spread over the interval), when its
 * credentials expire and when whoever linked it is warned. Pure: the re-check runner
 * (`recheck.ts`) does the work.
 */

/**
 * Failure codes that mean the connection itself broke: the credentials were rejected or revoked, a
 * scope, attribute, feature or role was taken away, the recruiter removed, the token expired. Only
 * these mark a connection broken; every other answer (a vendor down, slow, rate-limiting, answering
 * oddly, our own crash) is tried again later without a word.
 */
export const DEFINITE_FAILURES: Readonly<Record<string, string>> = {
  // Greenhouse
  invalid_client: 'client id or secret rejected (Greenhouse), client credentials rejected (Personio)',
  unknown_user: 'the acting Greenhouse user is gone',
  missing_scopes: 'a scope was removed (Greenhouse) or is missing from the token (Workable)',
  // Personio
  invalid_credentials: 'recruiting API key or company id rejected',
  invalid_company_id: 'the company id is not valid',
  feature_disabled: 'a Personio feature the key needs was switched off',
  recruiting_disabled: 'Personio recruiting was switched off',
  public_api_disabled: "Personio's public API was switched off",
  missing_attributes: 'readable employee attributes were removed',
  no_employee_access: 'the credential lost access to employee data',
  // Recruitee
  invalid_token: 'the API token was revoked (Recruitee) or rejected (Workable)',
  insufficient_rights: 'the token owner is no longer an Administrator',
  unknown_company: 'the Recruitee company is gone',
  // Workable
  recruiter_missing: 'the external recruiter was removed',
  unknown_subdomain: 'the Workable account is gone',
  invalid_subdomain: 'the stored subdomain is not a Workable account',
  invalid_expiry: 'the token expiry date has passed',
  token_expired: 'the credentials passed their expiry date',
};

/** Codes the re-check treats as "try again later": the vendor's or our own trouble, not breakage. */
export const TRANSIENT_FAILURES: readonly string[] = [
  'timeout',
  'unreachable',
  'rate_limited',
  'vendor_error',
  'internal_error',
  'interrupted',
];

/** What a re-check found: working, broken (a definite failure), or nothing certain (try again). */
export type RecheckVerdict =
  | { kind: 'working' }
  | { kind: 'broken'; failure: VerificationFailure }
  | { kind: 'transient'; failure: VerificationFailure }
  /** These credentials cannot be checked here (e.g. partner OAuth tokens refreshed by Wintro). */
  | { kind: 'skipped' };

export const isDefiniteFailure = (code: string): boolean => Object.hasOwn(DEFINITE_FAILURES, code);

/** Sorts a re-check's outcome. An unknown code is not taken for breakage: nobody is told wrongly. */
export function classifyRecheck(outcome: VerificationOutcome | 'skip'): RecheckVerdict {
  if (outcome === 'skip') return { kind: 'skipped' };
  if (outcome.ok) return { kind: 'working' };
  return isDefiniteFailure(outcome.code)
    ? { kind: 'broken', failure: outcome }
    : { kind: 'transient', failure: outcome };
}

/** The health to store after a definite answer; a connection broken before keeps its `brokenSince`. */
export function nextHealth(
  previous: ConnectionHealth | undefined,
  verdict: Extract<RecheckVerdict, { kind: 'working' | 'broken' }>,
  now: number,
): ConnectionHealth {
  if (verdict.kind === 'working') return { state: 'working', checkedAt: now };
  const { code, title, detail, missing } = verdict.failure;
  return {
    state: 'broken',
    checkedAt: now,
    brokenSince: previous?.state === 'broken' ? (previous.brokenSince ?? now) : now,
    failure: { code, title, detail, ...(missing?.length ? { missing } : {}) },
  };
}

/**
 * Where in the interval a connection's checks fall: a stable offset from a hash of team and
 * system, so a thousand workspaces linked in the same minute are still checked spread over the day.
 */
export function recheckOffsetMs(teamId: string, systemId: string, everyMs: number): number {
  const hash = createHash('sha256').update(`${teamId}|${systemId}`).digest();
  return hash.readUInt32BE(0) % Math.max(1, everyMs);
}

/** The connection's first check slot at or after `from`. */
export function slotAtOrAfter(from: number, offsetMs: number, everyMs: number): number {
  const base = from - ((((from - offsetMs) % everyMs) + everyMs) % everyMs);
  return base >= from ? base : base + everyMs;
}

/**
 * When a connection is checked next: its slot at least half an interval after its last certain
 * answer (or its link), so checks of one connection are one interval apart and the first comes
 * between half an interval and one and a half after the link.
 */
export function nextRecheckAt(connection: HealthSubject, everyMs: number): number {
  const since = connection.health?.checkedAt ?? connection.linkedAt;
  const offset = recheckOffsetMs(connection.teamId, connection.systemId, everyMs);
  return slotAtOrAfter(since + Math.floor(everyMs / 2), offset, everyMs);
}

/** After a vendor outage or rate limit: sooner than the interval, and no sooner than the vendor asks. */
export function transientRetryMs(failure: VerificationFailure, everyMs: number): number {
  const soon = Math.min(Math.floor(everyMs / 4), 3600_000);
  return Math.max(1000, soon, (failure.retryAfterSeconds ?? 0) * 1000);
}

/** What the dates need to know of a connection. */
export interface HealthSubject extends Pick<ConnectionSummary, 'systemId' | 'linkedAt' | 'flowId'> {
  teamId: string;
  expiresAt?: string;
  health?: ConnectionHealth;
}

export const expiryOf = (connection: HealthSubject): number | undefined => {
  const at = connection.expiresAt ? Date.parse(connection.expiresAt) : Number.NaN;
  return Number.isFinite(at) ? at : undefined;
};

/**
 * When whoever linked it is warned that the credentials run out: `warningMs` before they expire,
 * and only when that moment was still ahead at the link (a link inside the warning period showed
 * the date right away).
 */
export function expiryWarningAt(connection: HealthSubject, warningMs: number): number | undefined {
  const expires = expiryOf(connection);
  if (expires === undefined) return undefined;
  const at = expires - warningMs;
  return at > connection.linkedAt ? at : undefined;
}

export const hasExpired = (connection: HealthSubject, now: number): boolean => {
  const expires = expiryOf(connection);
  return expires !== undefined && now >= expires;
};

/** The failure an expired connection has, without asking the vendor (it refuses expired tokens). */
export function expiredFailure(
  title: string,
  detail: string,
): VerificationFailure & { code: 'token_expired' } {
  return { ok: false, code: 'token_expired', title, detail };
}

/**
 * When the connection's next date is, besides its re-check: the expiry warning (if not sent yet)
 * or the expiry itself (if it is not already known broken). Undefined when there is none.
 */
export function nextDateAt(
  connection: HealthSubject,
  settings: { warningMs: number },
  now: number,
  warned: boolean,
): number | undefined {
  const dates: number[] = [];
  const warnAt = expiryWarningAt(connection, settings.warningMs);
  if (warnAt !== undefined && !warned && !hasExpired(connection, now)) dates.push(warnAt);
  const expires = expiryOf(connection);
  if (expires !== undefined && expires > now && connection.health?.state !== 'broken') dates.push(expires);
  return dates.length ? Math.min(...dates) : undefined;
}

/** When anything is next due for a connection: its re-check, or one of its dates if that comes first. */
export function nextDueAt(
  connection: HealthSubject,
  settings: { everyMs: number; warningMs: number },
  now: number,
  warned: boolean,
): number {
  const recheck = nextRecheckAt(connection, settings.everyMs);
  return Math.min(recheck, nextDateAt(connection, settings, now, warned) ?? recheck);
}

/** Where a relink that fixes this failure starts: the credentials form, or the guide step that fixes it. */
export type FixPlacement = Pick<FlowState, 'phase' | 'stepIndex'>;

/** Failures fixed by granting something in the vendor, shown in the guide step that names it. */
const FIXED_IN_THE_GUIDE = new Set([
  'missing_scopes',
  'missing_attributes',
  'recruiter_missing',
  'no_employee_access',
]);
/** Failures fixed by someone with the vendor's permission or role first: the prerequisites. */
const FIXED_BY_A_ROLE = new Set(['insufficient_rights', 'feature_disabled', 'recruiting_disabled']);

/**
 * The step of a relink that fixes a failure: the guide step that names what is missing (a scope,
 * an attribute, the recruiter), the prerequisites for a role or feature, else the credentials form.
 */
export function fixPlacement(
  failure: Pick<VerificationFailure, 'code' | 'missing'> | undefined,
  steps: readonly GuideStep[],
): FixPlacement {
  const credentials: FixPlacement = { phase: 'credentials', stepIndex: Math.max(0, steps.length - 1) };
  if (!failure) return credentials;
  if (FIXED_BY_A_ROLE.has(failure.code)) return { phase: 'prerequisites', stepIndex: 0 };
  if (!FIXED_IN_THE_GUIDE.has(failure.code)) return credentials;
  const wanted = (failure.missing ?? []).map((item) => item.toLowerCase());
  const index = steps.findIndex((step) => {
    const words = `${step.title}\n${step.text}`.toLowerCase();
    return wanted.some((item) => words.includes(item));
  });
  return index >= 0 ? { phase: 'guide', stepIndex: index } : credentials;
}
