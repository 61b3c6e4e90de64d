import type { Redis } from 'ioredis';
import RedisMock from 'ioredis-mock';
import { describe, expect, it } from 'vitest';
import { AbuseLimits, LIMITS } from '../../src/store/limits.js';

let run = 0;
const limits = () => new AbuseLimits(new RedisMock() as unknown as Redis, `test${++run}`);

describe('the abuse limits', () => {
  it('allows 3 help requests per setup an hour, then says how long to wait', async () => {
    const l = limits();
    for (let n = 0; n < 3; n++) expect(await l.helpRequest('T1', 'flow-1', 'U1')).toBeUndefined();
    const refused = await l.helpRequest('T1', 'flow-1', 'U1');
    expect(refused?.limit).toBe('helpPerSetup');
    expect(refused?.retryInMs).toBeGreaterThan(3500_000);
    expect(refused?.retryInMs).toBeLessThanOrEqual(3600_000);
    // Another setup of the same person is counted on its own.
    expect(await l.helpRequest('T1', 'flow-2', 'U1')).toBeUndefined();
  });

  it('allows 10 help requests per person a day, across setups, and gives back what a refusal took', async () => {
    const l = limits();
    for (let n = 0; n < 10; n++) expect(await l.helpRequest('T1', `flow-${n}`, 'U1')).toBeUndefined();
    expect((await l.helpRequest('T1', 'flow-10', 'U1'))?.limit).toBe('helpPerPerson');
    // The refused request did not use up flow-10's own allowance.
    expect(await l.helpRequest('T1', 'flow-10', 'U2')).toBeUndefined();
    expect(await l.helpRequest('T1', 'flow-10', 'U3')).toBeUndefined();
    expect(await l.helpRequest('T1', 'flow-10', 'U4')).toBeUndefined();
    expect((await l.helpRequest('T1', 'flow-10', 'U5'))?.limit).toBe('helpPerSetup');
  });

  it('lets a colleague get at most 3 request DMs from one setup', async () => {
    const l = limits();
    for (let n = 0; n < 3; n++) {
      expect(await l.requestDmLeft('T1', 'flow-1', 'U9')).toBeUndefined();
      expect(await l.requestDm('T1', 'flow-1', 'U9')).toBeUndefined();
    }
    expect((await l.requestDmLeft('T1', 'flow-1', 'U9'))?.limit).toBe('requestDmsPerColleague');
    expect((await l.requestDm('T1', 'flow-1', 'U9'))?.limit).toBe('requestDmsPerColleague');
    expect(await l.requestDm('T1', 'flow-1', 'U8')).toBeUndefined();
  });

  it('allows 10 credential checks per setup and 30 per workspace an hour', async () => {
    const l = limits();
    for (let n = 0; n < 10; n++) expect(await l.credentialCheck('T1', 'flow-1')).toBeUndefined();
    expect((await l.credentialCheck('T1', 'flow-1'))?.limit).toBe('checksPerSetup');
    for (let n = 0; n < 20; n++) expect(await l.credentialCheck('T1', `flow-${2 + (n % 2)}`)).toBeUndefined();
    expect((await l.credentialCheck('T1', 'flow-4'))?.limit).toBe('checksPerWorkspace');
    expect(await l.credentialCheck('T2', 'flow-1')).toBeUndefined();
  });

  it('allows 20 new setups per person a day', async () => {
    const l = limits();
    for (let n = 0; n < LIMITS.setupsPerPerson.points; n++)
      expect(await l.newSetup('T1', 'U1')).toBeUndefined();
    const refused = await l.newSetup('T1', 'U1');
    expect(refused?.limit).toBe('setupsPerPerson');
    expect(refused?.retryInMs).toBeGreaterThan(23 * 3600_000);
    expect(await l.newSetup('T1', 'U2')).toBeUndefined();
  });

  it('gives a counted new setup back when none was created', async () => {
    const l = limits();
    for (let n = 0; n < LIMITS.setupsPerPerson.points; n++)
      expect(await l.newSetup('T1', 'U1')).toBeUndefined();
    await l.newSetupGivenBack('T1', 'U1');
    expect(await l.newSetup('T1', 'U1')).toBeUndefined();
    expect((await l.newSetup('T1', 'U1'))?.limit).toBe('setupsPerPerson');
  });
});
