import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealer, keyIdOf } from '../../src/store/sealing.js';

describe('sealing', () => {
  const key = randomBytes(32);

  it('round-trips and never shows the plaintext', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('{"secret":"hunter2"}', 'connection:T1:greenhouse');
    expect(sealed).not.toContain('hunter2');
    expect(sealed.startsWith(`v1.${keyIdOf(key)}.`)).toBe(true);
    expect(sealer.open(sealed, 'connection:T1:greenhouse')).toBe('{"secret":"hunter2"}');
  });

  it('uses a fresh nonce every time', () => {
    const sealer = createSealer(key);
    expect(sealer.seal('same', 'c')).not.toBe(sealer.seal('same', 'c'));
  });

  it('refuses a value moved to another team or system, or tampered with', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('x', 'connection:T1:greenhouse');
    expect(() => sealer.open(sealed, 'connection:T2:greenhouse')).toThrow();
    const parts = sealed.split('.');
    parts[4] = Buffer.from('y').toString('base64url');
    expect(() => sealer.open(parts.join('.'), 'connection:T1:greenhouse')).toThrow();
  });

  it('opens values sealed with a previous key after rotation, and seals with the new one', () => {
    const oldKey = randomBytes(32);
    const sealedBefore = createSealer(oldKey).seal('old secret', 'c');
    const rotated = createSealer(key, [oldKey]);
    expect(rotated.open(sealedBefore, 'c')).toBe('old secret');
    expect(rotated.seal('new', 'c').split('.')[1]).toBe(keyIdOf(key));
    expect(() => createSealer(key).open(sealedBefore, 'c')).toThrow(/not configured/);
  });

  it('refuses a value whose tag was cut short, even to a length GCM would accept', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('x', 'c');
    const parts = sealed.split('.');
    const tag = Buffer.from(parts[3] as string, 'base64url');
    for (const length of [4, 8, 12, 15]) {
      parts[3] = tag.subarray(0, length).toString('base64url');
      expect(() => sealer.open(parts.join('.'), 'c')).toThrow(/tag/);
    }
  });
});
