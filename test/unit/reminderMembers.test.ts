import { describe, expect, it } from 'vitest';
import { decodeReminder, encodeReminder, type ReminderJob } from '../../src/reminders/scheduler.js';

const jobs: ReminderJob[] = [
  { kind: 'idle', teamId: 'T0ACME', flowId: 'aB-_9xYz0123', n: 2 },
  { kind: 'nudge', teamId: 'T0ACME', flowId: 'aB-_9xYz0123', seq: 1 },
  { kind: 'nudge_note', teamId: 'T0ACME', flowId: 'aB-_9xYz0123', seq: 3 },
  {
    kind: 'expiry',
    teamId: 'T0ACME',
    flowId: 'aB-_9xYz0123',
    systemId: 'personio-recruiting',
    expiresAt: '2027-12-01T00:00:00.000Z',
  },
];

describe('a reminder as a member of the due set', () => {
  it.each(jobs)('reads back as the same $kind job', (job) => {
    expect(decodeReminder(encodeReminder(job))).toEqual(job);
  });

  it('is short: the same job always gives the same member, a few dozen bytes', () => {
    const [idle] = jobs as [ReminderJob];
    expect(encodeReminder({ ...idle })).toBe(encodeReminder(idle));
    expect(encodeReminder(idle).length).toBeLessThan(30);
  });

  it('reads nothing from a member it did not write', () => {
    for (const member of ['', 'i|T0ACME', 'q|T0ACME|flow|1', 'i|T0ACME|flow|one', 'x|T0ACME|flow|workable'])
      expect(decodeReminder(member)).toBeUndefined();
  });
});
