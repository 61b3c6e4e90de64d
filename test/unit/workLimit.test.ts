import { describe, expect, it } from 'vitest';
import { workLimit } from '../../src/listeners/workLimit.js';

describe('the work limit', () => {
  it('runs at most the limit at once, the rest in the order they came, each with its own result', async () => {
    const limited = workLimit(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        limited(async () => {
          started.push(n);
          running += 1;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running -= 1;
          return n * 10;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('frees the place of work that failed', async () => {
    const limited = workLimit(1);
    await expect(limited(async () => Promise.reject(new Error('Slack is down')))).rejects.toThrow(
      'Slack is down',
    );
    expect(await limited(async () => 'next')).toBe('next');
  });

  it('starts work that waited its longest over the limit, and keeps the order for the rest', async () => {
    const limited = workLimit(1, 50);
    const events: string[] = [];
    let release = () => {};
    const slow = limited(
      () =>
        new Promise<void>((resolve) => {
          events.push('slow started');
          release = () => {
            events.push('slow done');
            resolve();
          };
        }),
    );
    const waited = limited(async () => {
      events.push('waiter started');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['slow started']);
    // Past its longest wait: it starts although the slow work still holds the one place.
    await waited;
    expect(events).toEqual(['slow started', 'waiter started']);
    // The place is still taken: the next one waits, then gets the place the slow work frees.
    const third = limited(async () => {
      events.push('third started');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['slow started', 'waiter started']);
    release();
    await Promise.all([slow, third]);
    expect(events).toEqual(['slow started', 'waiter started', 'slow done', 'third started']);
  });
});
