import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import {
  classifyRecheck,
  DEFINITE_FAILURES,
  expiryWarningAt,
  fixPlacement,
  nextDueAt,
  nextHealth,
  nextRecheckAt,
  recheckOffsetMs,
  slotAtOrAfter,
  TRANSIENT_FAILURES,
  transientRetryMs,
} from '../../../src/connections/health.js';
import { createCatalogs } from '../../../src/systems/catalog.js';
import type { VerificationFailure } from '../../../src/systems/types.js';
import { configProblems, MINIMAL_ENV } from '../../support/config.js';

const DAY = 24 * 3600_000;
const LINKED_AT = Date.parse('2026-12-01T08:00:00.000Z');
const failure = (code: string, more: Partial<VerificationFailure> = {}): VerificationFailure => ({
  ok: false,
  code,
  title: `title of ${code}`,
  detail: `detail of ${code}`,
  ...more,
});
const connection = (teamId = 'T0ACME', systemId = 'greenhouse') => ({
  teamId,
  systemId,
  flowId: 'flow-abcdef',
  linkedAt: LINKED_AT,
});

describe('which re-check answers mean the connection broke', () => {
  it('takes rejected credentials, removed scopes, attributes, roles and recruiters, and expiry for breakage', () => {
    for (const code of [
      'invalid_client',
      'unknown_user',
      'missing_scopes',
      'invalid_credentials',
      'feature_disabled',
      'missing_attributes',
      'no_employee_access',
      'invalid_token',
      'insufficient_rights',
      'recruiter_missing',
      'unknown_subdomain',
      'token_expired',
    ]) {
      expect(classifyRecheck(failure(code)).kind, code).toBe('broken');
    }
  });

  it('takes a vendor that is down, slow, rate-limiting or answering oddly, and our own crash, for nothing certain', () => {
    for (const code of TRANSIENT_FAILURES)
      expect(classifyRecheck(failure(code)).kind, code).toBe('transient');
    expect(classifyRecheck(failure('rate_limited', { retryAfterSeconds: 30 })).kind).toBe('transient');
  });

  it('does not call an unknown code breakage: nobody is told wrongly', () => {
    expect(classifyRecheck(failure('something_new')).kind).toBe('transient');
  });

  it('keeps the two lists apart, and knows a passing check and one that cannot be made here', () => {
    for (const code of TRANSIENT_FAILURES) expect(Object.keys(DEFINITE_FAILURES)).not.toContain(code);
    expect(classifyRecheck({ ok: true, details: [] })).toEqual({ kind: 'working' });
    expect(classifyRecheck('skip')).toEqual({ kind: 'skipped' });
  });

  it('keeps the time it first broke while it stays broken, and forgets it once it works', () => {
    const broken = { kind: 'broken' as const, failure: failure('invalid_client', { missing: [] }) };
    const first = nextHealth(undefined, broken, 1000);
    expect(first).toEqual({
      state: 'broken',
      checkedAt: 1000,
      brokenSince: 1000,
      failure: {
        code: 'invalid_client',
        title: 'title of invalid_client',
        detail: 'detail of invalid_client',
      },
    });
    expect(nextHealth(first, broken, 5000)).toMatchObject({ checkedAt: 5000, brokenSince: 1000 });
    expect(nextHealth(first, { kind: 'working' }, 9000)).toEqual({ state: 'working', checkedAt: 9000 });
  });
});

describe('when connections are checked again', () => {
  it('spreads a thousand workspaces linked in the same minute evenly over the interval', () => {
    const buckets = new Array(24).fill(0);
    for (let team = 0; team < 1000; team++) {
      const due = nextRecheckAt(connection(`T${team}`), DAY);
      expect(due).toBeGreaterThanOrEqual(LINKED_AT + DAY / 2);
      expect(due).toBeLessThan(LINKED_AT + DAY * 1.5);
      buckets[Math.floor((due - LINKED_AT - DAY / 2) / 3600_000)] += 1;
    }
    // 1000 over 24 hours is about 42 an hour; none is crowded or empty.
    expect(Math.max(...buckets)).toBeLessThan(80);
    expect(Math.min(...buckets)).toBeGreaterThan(15);
  });

  it('gives each connection a stable slot, one interval apart', () => {
    const first = nextRecheckAt(connection(), DAY);
    const offset = recheckOffsetMs('T0ACME', 'greenhouse', DAY);
    expect(((first - offset) % DAY) + DAY).toBe(DAY);
    const second = nextRecheckAt({ ...connection(), health: { state: 'working', checkedAt: first } }, DAY);
    expect(second - first).toBe(DAY);
    // A check that ran a little late does not drift the slot.
    const late = nextRecheckAt(
      { ...connection(), health: { state: 'working', checkedAt: first + 5000 } },
      DAY,
    );
    expect(late - first).toBe(DAY);
    expect(recheckOffsetMs('T0ACME', 'workable', DAY)).not.toBe(offset);
  });

  it('finds the slot at or after a time', () => {
    expect(slotAtOrAfter(1000, 300, 1000)).toBe(1300);
    expect(slotAtOrAfter(1300, 300, 1000)).toBe(1300);
    expect(slotAtOrAfter(1301, 300, 1000)).toBe(2300);
  });

  it('tries again sooner than the interval after an outage, and no sooner than the vendor asks', () => {
    expect(transientRetryMs(failure('unreachable'), DAY)).toBe(3600_000);
    expect(transientRetryMs(failure('timeout'), 2 * 3600_000)).toBe(1800_000);
    expect(transientRetryMs(failure('rate_limited', { retryAfterSeconds: 7200 }), DAY)).toBe(7200_000);
    expect(transientRetryMs(failure('unreachable'), 2000)).toBe(1000);
  });
});

describe('a connection’s dates', () => {
  const expiring = (days: number) => ({
    ...connection('T0ACME', 'workable'),
    expiresAt: new Date(LINKED_AT + days * DAY).toISOString(),
  });
  const settings = { everyMs: DAY, warningMs: 7 * DAY };

  it('warns a warning period before the expiry, unless the link was already inside it', () => {
    expect(expiryWarningAt(expiring(30), 7 * DAY)).toBe(LINKED_AT + 23 * DAY);
    expect(expiryWarningAt(expiring(5), 7 * DAY)).toBeUndefined();
    expect(expiryWarningAt(connection(), 7 * DAY)).toBeUndefined();
  });

  it('is next due at the warning, the expiry or the re-check, whichever comes first', () => {
    const soon = expiring(30);
    const now = LINKED_AT + 22 * DAY;
    expect(nextDueAt(soon, settings, now, false)).toBe(
      Math.min(LINKED_AT + 23 * DAY, nextRecheckAt(soon, DAY)),
    );
    const checked = { ...soon, health: { state: 'working' as const, checkedAt: now } };
    expect(nextDueAt(checked, settings, now, false)).toBe(LINKED_AT + 23 * DAY);
    expect(nextDueAt(checked, settings, now + 1.5 * DAY, true)).toBe(nextRecheckAt(checked, DAY));
    const lastDay = { ...soon, health: { state: 'working' as const, checkedAt: LINKED_AT + 29.9 * DAY } };
    expect(nextDueAt(lastDay, settings, LINKED_AT + 29.9 * DAY, true)).toBe(LINKED_AT + 30 * DAY);
  });
});

describe('where a fix starts', () => {
  const catalog = createCatalogs().any;
  const steps = (id: string) => catalog.system(id)?.steps ?? [];

  it('at the credentials form for rejected or expired credentials', () => {
    const greenhouse = steps('greenhouse');
    for (const code of ['invalid_client', 'unknown_user', 'token_expired', 'invalid_token']) {
      expect(fixPlacement(failure(code), greenhouse)).toEqual({
        phase: 'credentials',
        stepIndex: greenhouse.length - 1,
      });
    }
  });

  it('at the guide step that names a removed scope or the removed recruiter', () => {
    const greenhouse = steps('greenhouse');
    const scopes = fixPlacement(failure('missing_scopes', { missing: ['harvest:jobs:list'] }), greenhouse);
    expect(scopes.phase).toBe('guide');
    expect(greenhouse[scopes.stepIndex]?.text).toContain('harvest:jobs:list');
    const workable = steps('workable');
    const recruiter = fixPlacement(
      failure('recruiter_missing', { missing: ['integration@wintro.com'] }),
      workable,
    );
    expect(recruiter.phase).toBe('guide');
    expect(workable[recruiter.stepIndex]?.text.toLowerCase()).toContain('integration@wintro.com');
  });

  it('at the prerequisites when a role is gone', () => {
    expect(fixPlacement(failure('insufficient_rights'), steps('recruitee'))).toEqual({
      phase: 'prerequisites',
      stepIndex: 0,
    });
  });
});

describe('WINTRO_REVERIFY_EVERY_SECONDS', () => {
  it('defaults to a day and takes whole seconds', () => {
    expect(loadConfig(MINIMAL_ENV).reverifyEveryMs).toBe(DAY);
    expect(loadConfig({ ...MINIMAL_ENV, WINTRO_REVERIFY_EVERY_SECONDS: '3600' }).reverifyEveryMs).toBe(
      3600_000,
    );
  });

  it('refuses nonsense by name', () => {
    for (const value of ['0', '-5', '1.5', 'daily', '99999999']) {
      expect(configProblems({ ...MINIMAL_ENV, WINTRO_REVERIFY_EVERY_SECONDS: value }).join('\n')).toMatch(
        /WINTRO_REVERIFY_EVERY_SECONDS/,
      );
    }
  });
});
