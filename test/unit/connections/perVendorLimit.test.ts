import { describe, expect, it } from 'vitest';
import { PerVendorLimit } from '../../../src/connections/recheck.js';

describe('at most a few re-checks at once per vendor', () => {
  it('runs three calls of one vendor at a time, and another vendor’s beside them', async () => {
    const limit = new PerVendorLimit(3);
    const running = new Map<string, number>();
    const most = new Map<string, number>();
    const call = (vendor: string) =>
      limit.run(vendor, async () => {
        running.set(vendor, (running.get(vendor) ?? 0) + 1);
        most.set(vendor, Math.max(most.get(vendor) ?? 0, running.get(vendor) ?? 0));
        await new Promise((resolve) => setTimeout(resolve, 5));
        running.set(vendor, (running.get(vendor) ?? 1) - 1);
        return vendor;
      });
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => call('Greenhouse')),
      ...Array.from({ length: 5 }, () => call('Workable')),
    ]);
    expect(results.filter((vendor) => vendor === 'Greenhouse')).toHaveLength(20);
    expect(most.get('Greenhouse')).toBe(3);
    expect(most.get('Workable')).toBe(3);
  });

  it('frees a place when a call fails', async () => {
    const limit = new PerVendorLimit(1);
    await expect(limit.run('Recruitee', async () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await limit.run('Recruitee', async () => 'next')).toBe('next');
  });
});
