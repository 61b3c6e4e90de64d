import { type FlowDeps, forWorkspace } from '../flows/deps.js';
import type { FlowState } from '../flows/state.js';
import { formatDay } from '../messages/dates.js';
import { translator } from '../messages/index.js';
import { timedVerifyContext } from '../metrics/flowCounters.js';
import type { ConnectionSummary } from '../store/connectionStore.js';
import type { LinkableSystem, VerificationOutcome } from '../systems/types.js';
import {
  classifyRecheck,
  expiredFailure,
  expiryWarningAt,
  type HealthSubject,
  hasExpired,
  nextDateAt,
  nextDueAt,
  nextRecheckAt,
  type RecheckVerdict,
  transientRetryMs,
} from './health.js';
import {
  forgetBroken,
  markBroken,
  markWorking,
  restoredByRelink,
  tellBroken,
  warnOfExpiry,
} from './healthNotices.js';
import type { DueConnection, RecheckDue } from './recheckDue.js';

export interface RecheckSettings {
  /** WINTRO_REVERIFY_EVERY_SECONDS, in ms: how often each linked connection is checked again. */
  everyMs: number;
  /** How long before credentials expire whoever linked them is warned. */
  warningMs: number;
  /** How often each instance looks for due connections (the sweep itself runs on one at a time). */
  sweepMs: number;
  /** Re-checks running at once against one vendor, at most. */
  perVendor: number;
}

/** How often each instance looks for due connections: a twentieth of the interval, 1 s to 1 min. */
export const recheckSweepMs = (everyMs: number) => Math.min(60_000, Math.max(1000, Math.floor(everyMs / 20)));

/** The default per-vendor cap: a few calls at once, well inside every vendor's rate limit. */
export const RECHECKS_PER_VENDOR = 3;

/** Claimed connections are leased this long: one whose instance died is re-checked after it. */
const CLAIM_LEASE_MS = 5 * 60_000;
/** The sweep lock lasts this long and is renewed while the sweep runs. */
const LOCK_LEASE_MS = 60_000;
const CLAIM_BATCH = 50;
/** How often every instance makes sure each stored connection is in the due set. */
const ENROL_EVERY_MS = 3600_000;

export type RecheckResult = 'working' | 'broken' | 'transient' | 'skipped' | 'warned' | 'gone';

/** A small counting semaphore per vendor: a thousand due connections make at most `limit` calls each. */
export class PerVendorLimit {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit: number) {}

  async run<T>(vendor: string, work: () => Promise<T>): Promise<T> {
    while ((this.running.get(vendor) ?? 0) >= this.limit) {
      await new Promise<void>((resolve) => {
        this.waiting.set(vendor, [...(this.waiting.get(vendor) ?? []), resolve]);
      });
    }
    this.running.set(vendor, (this.running.get(vendor) ?? 0) + 1);
    try {
      return await work();
    } finally {
      this.running.set(vendor, (this.running.get(vendor) ?? 1) - 1);
      const [next, ...rest] = this.waiting.get(vendor) ?? [];
      this.waiting.set(vendor, rest);
      next?.();
    }
  }
}

/**
 * The periodic re-check of every linked connection, and the dates around it. Every instance looks
 * for due connections now and then; the one holding the sweep lock claims them (each claim is one
 * script, so a connection is checked on exactly one instance) and checks them with their sealed
 * credentials, a few at a time per vendor.
 */
export class Rechecks {
  private timer?: NodeJS.Timeout;
  private wake?: NodeJS.Timeout;
  private enrolling?: NodeJS.Timeout;
  private sweeping?: Promise<number>;
  private stopped = false;
  private readonly limit: PerVendorLimit;

  constructor(
    readonly due: RecheckDue,
    readonly settings: RecheckSettings,
  ) {
    this.limit = new PerVendorLimit(settings.perVendor);
  }

  /** A flow just linked (or relinked) its system: its dates are scheduled, a fixed breakage is told. */
  async linked(deps: FlowDeps, flow: FlowState): Promise<void> {
    try {
      const connection = await deps.connections.get(flow.teamId, flow.systemId);
      if (connection?.flowId === flow.id)
        await this.scheduleNext(deps, { ...connection, teamId: flow.teamId });
      await restoredByRelink(deps, flow);
    } catch (error) {
      deps.logger.warn(
        { flowId: flow.id, error: (error as Error).message },
        'Could not schedule the re-check of a new link; the hourly enrolment does',
      );
    }
  }

  /** A system was unlinked: its re-checks and dates stop now, and its breakage is forgotten. */
  async unlinked(deps: FlowDeps, teamId: string, systemId: string): Promise<void> {
    await this.due.remove({ teamId, systemId });
    await forgetBroken(deps, teamId, systemId);
  }

  private async scheduleNext(deps: FlowDeps, connection: HealthSubject, warned?: boolean): Promise<void> {
    const isWarned = warned ?? (await this.warned(deps, connection));
    const at = nextDueAt(connection, this.settings, deps.now(), isWarned);
    await this.due.schedule(connection, at);
    this.wakeBy(deps, at);
  }

  private async warned(deps: FlowDeps, connection: HealthSubject): Promise<boolean> {
    return expiryWarningAt(connection, this.settings.warningMs) === undefined
      ? true
      : deps.once.isClaimed(connection.teamId, expiryWarningName(connection));
  }

  /** Checks one due connection (or warns of its expiry), then schedules what is due next. */
  async process(deps: FlowDeps, due: DueConnection): Promise<RecheckResult> {
    const stored = await deps.connections.get(due.teamId, due.systemId);
    const system = deps.catalogs.any.system(due.systemId);
    if (!stored || !system) {
      await this.due.remove(due);
      return 'gone';
    }
    const connection: HealthSubject & ConnectionSummary = { ...stored, teamId: due.teamId };
    const now = deps.now();
    if (!(await deps.workspaces.isInstalled(due.teamId))) {
      // Its connections stay Wintro's, but there is nobody to tell: looked at again next interval.
      await this.due.schedule(due, now + this.settings.everyMs);
      return 'skipped';
    }
    const teamDeps = await forWorkspace(deps, due.teamId);
    const warnAt = expiryWarningAt(connection, this.settings.warningMs);
    const warningDue = warnAt !== undefined && now >= warnAt && !hasExpired(connection, now);
    let warned = warningDue ? await warnOfExpiry(teamDeps, connection) : undefined;
    const recheckDue =
      now >= nextRecheckAt(connection, this.settings.everyMs) ||
      (hasExpired(connection, now) && connection.health?.state !== 'broken');
    // Woken for the warning alone: the re-check keeps its own slot.
    if (warningDue && !recheckDue) {
      await this.scheduleNext(deps, connection, true);
      return 'warned';
    }
    if (warned === undefined) warned = await this.warned(deps, connection);
    const verdict = await this.limit.run(system.vendor, () => check(teamDeps, system, connection));
    deps.metrics.recheckFinished(system.id, verdict.kind);
    deps.logger.info(
      {
        teamId: due.teamId,
        system: system.id,
        outcome: verdict.kind,
        ...(verdict.kind === 'broken' || verdict.kind === 'transient' ? { code: verdict.failure.code } : {}),
      },
      'Checked a linked connection again',
    );
    if (verdict.kind === 'transient' || verdict.kind === 'skipped') {
      const retryIn =
        verdict.kind === 'transient'
          ? transientRetryMs(verdict.failure, this.settings.everyMs)
          : this.settings.everyMs;
      // Sooner if the expiry warning or the expiry comes first.
      const at = Math.min(
        now + retryIn,
        nextDateAt(connection, this.settings, now, warned) ?? Number.POSITIVE_INFINITY,
      );
      await this.due.schedule(due, Math.max(at, now + 1000));
      this.wakeBy(deps, at);
      return verdict.kind;
    }
    const recorded =
      verdict.kind === 'broken'
        ? await markBroken(teamDeps, connection, verdict.failure)
        : await markWorking(teamDeps, connection);
    // Replaced or removed while it was checked: the new connection has its own schedule.
    if (!recorded) return verdict.kind;
    if (recorded.health?.state !== stored.health?.state)
      deps.homes.refresh(teamDeps, due.teamId, [recorded.linkedBy]);
    if (verdict.kind === 'broken') await tellBroken(teamDeps, recorded);
    await this.scheduleNext(deps, recorded, warned);
    return verdict.kind;
  }

  /**
   * Re-checks everything due now, on this instance if it holds the sweep lock (else another one is
   * at it and this returns 0). Returns how many connections were looked at.
   */
  sweep(deps: FlowDeps): Promise<number> {
    this.sweeping ??= this.sweepOnce(deps).finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  private async sweepOnce(deps: FlowDeps): Promise<number> {
    if (!(await this.due.holdLock(LOCK_LEASE_MS))) return 0;
    const renew = setInterval(
      () => void this.due.holdLock(LOCK_LEASE_MS).catch(() => undefined),
      LOCK_LEASE_MS / 3,
    );
    renew.unref();
    let looked = 0;
    try {
      for (;;) {
        const now = deps.now();
        const claimed = await this.due.claim(now, now + CLAIM_LEASE_MS, CLAIM_BATCH);
        looked += claimed.length;
        await Promise.all(
          claimed.map((due) =>
            this.process(deps, due).catch((error: unknown) => {
              deps.logger.warn(
                { system: due.systemId, error: (error as Error).message },
                'A re-check failed; it is tried again later',
              );
            }),
          ),
        );
        if (claimed.length < CLAIM_BATCH || this.stopped) break;
      }
    } finally {
      clearInterval(renew);
      await this.due.releaseLock().catch(() => undefined);
    }
    const next = await this.due.earliest().catch(() => undefined);
    if (next !== undefined) this.wakeBy(deps, next);
    return looked;
  }

  /** Makes sure the next sweep on this instance comes no later than `at` (exact for expiry warnings). */
  private wakeBy(deps: FlowDeps, at: number): void {
    const inMs = at - deps.now();
    if (this.stopped || inMs >= this.settings.sweepMs) return;
    if (this.wake) clearTimeout(this.wake);
    this.wake = setTimeout(() => void this.runSweep(deps), Math.max(0, inMs) + 5);
    this.wake.unref();
  }

  private async runSweep(deps: FlowDeps): Promise<void> {
    await this.sweep(deps).catch((error: unknown) =>
      deps.logger.warn({ error: (error as Error).message }, 'Could not look for connections to check again'),
    );
  }

  /**
   * Puts every stored connection without a due time in the due set (connections linked before
   * re-checks existed, or whose schedule was lost); at most one interval away, spread as usual.
   */
  async enrol(deps: FlowDeps): Promise<number> {
    let added = 0;
    for await (const teamId of deps.connections.teams()) {
      for (const connection of await deps.connections.list(teamId)) {
        const subject = { ...connection, teamId };
        if (await this.due.scheduleIfAbsent(subject, nextRecheckAt(subject, this.settings.everyMs)))
          added += 1;
      }
    }
    if (added) deps.logger.info({ added }, 'Scheduled re-checks of connections linked before');
    return added;
  }

  start(deps: FlowDeps): void {
    const enrol = () =>
      void this.enrol(deps).catch((error: unknown) =>
        deps.logger.warn(
          { error: (error as Error).message },
          'Could not schedule re-checks of stored connections',
        ),
      );
    enrol();
    this.enrolling = setInterval(enrol, ENROL_EVERY_MS);
    this.enrolling.unref();
    this.timer = setInterval(() => void this.runSweep(deps), this.settings.sweepMs);
    this.timer.unref();
    void this.runSweep(deps);
  }

  async close(): Promise<void> {
    this.stopped = true;
    for (const timer of [this.timer, this.enrolling]) if (timer) clearInterval(timer);
    if (this.wake) clearTimeout(this.wake);
    await this.sweeping?.catch(() => undefined);
  }
}

/** The once-name of a connection's expiry warning (as the reminder before re-checks named it). */
export const expiryWarningName = (connection: Pick<HealthSubject, 'systemId' | 'flowId'>) =>
  `expiry:${connection.systemId}:${connection.flowId}`;

/** Checks a connection with its sealed credentials; an expired one fails without a vendor call. */
async function check(
  deps: FlowDeps,
  system: LinkableSystem,
  connection: HealthSubject & ConnectionSummary,
): Promise<RecheckVerdict> {
  // What the vendor says is kept in the words of whoever linked it: they are told, and the Home tab shows it.
  const language = await deps.languages.of(connection.teamId, connection.linkedBy);
  const tr = translator(language);
  const own = deps.catalogs.in(language).system(system.id) ?? system;
  if (hasExpired(connection, deps.now())) {
    const day = formatDay(language, connection.expiresAt ?? '');
    return classifyRecheck(
      expiredFailure(
        tr('health.expired.title', { system: own.name }),
        tr('health.expired.detail', { system: own.name, vendor: own.vendor, day }),
      ),
    );
  }
  let outcome: VerificationOutcome | 'skip';
  try {
    const credentials = await deps.connections.credentials(connection.teamId, connection.systemId);
    if (!credentials) return { kind: 'skipped' };
    const context = timedVerifyContext(deps, system.id);
    outcome = await (own.recheck ?? own.verify)(credentials, context);
  } catch (error) {
    // A credential that cannot be opened (a retired key) or a crashed check is ours to fix, not breakage.
    deps.logger.error({ system: system.id, error: (error as Error).name }, 'A re-check crashed');
    return { kind: 'transient', failure: { ok: false, code: 'internal_error', title: '', detail: '' } };
  }
  return classifyRecheck(outcome);
}
