import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createTimerScheduler, MAX_PENDING_TIMERS, type ReminderJob } from '../../src/reminders/scheduler.js';

const DAY = 24 * 3600_000;
const job: ReminderJob = {
  kind: 'expiry',
  teamId: 'T0ACME',
  flowId: 'flow-1',
  systemId: 'workable',
  expiresAt: '2027-12-01T00:00:00.000Z',
};

describe('the in-process reminder timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits out a delay longer than a timer can hold (a warning a year ahead) instead of firing at once', async () => {
    const scheduler = createTimerScheduler(createLogger('silent'));
    const ran: ReminderJob[] = [];
    scheduler.start(async (due) => {
      ran.push(due);
    });
    await scheduler.schedule(job, 358 * DAY);
    await vi.advanceTimersByTimeAsync(1000);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(357 * DAY);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(DAY);
    expect(ran).toEqual([job]);
    await scheduler.close();
  });

  it('runs a short delay once, on time', async () => {
    const scheduler = createTimerScheduler(createLogger('silent'));
    const ran: ReminderJob[] = [];
    scheduler.start(async (due) => {
      ran.push(due);
    });
    await scheduler.schedule(job, 5000);
    await vi.advanceTimersByTimeAsync(4999);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual([job]);
    await scheduler.close();
  });

  it('forgets a reminder once it has run, so memory follows what waits rather than everything ever scheduled', async () => {
    const scheduler = createTimerScheduler(createLogger('silent'));
    scheduler.start(async () => undefined);
    for (let n = 0; n < 100; n++)
      await scheduler.schedule({ kind: 'idle', teamId: 'T0ACME', flowId: `f${n}`, n: 0 }, 1000);
    expect(scheduler.pending()).toBe(100);
    await vi.advanceTimersByTimeAsync(1000);
    expect(scheduler.pending()).toBe(0);
    await scheduler.close();
  });

  it('holds at most a bounded number of reminders waiting', async () => {
    const scheduler = createTimerScheduler(createLogger('silent'));
    scheduler.start(async () => undefined);
    for (let n = 0; n <= MAX_PENDING_TIMERS; n++) {
      await scheduler.schedule({ kind: 'idle', teamId: 'T0ACME', flowId: `f${n}`, n: 0 }, DAY);
    }
    expect(scheduler.pending()).toBe(MAX_PENDING_TIMERS);
    await scheduler.close();
    expect(scheduler.pending()).toBe(0);
  });
});
