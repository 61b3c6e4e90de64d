import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { captureStream } from '../support/captureLogs.js';
import { freePort } from '../support/freePort.js';

describe('captureStream', () => {
  it('collects pino NDJSON output', () => {
    const cap = captureStream();
    const log = pino({ level: 'info' }, cap.stream);
    log.info({ teamId: 'T1' }, 'hello');
    log.warn('careful');
    log.debug('hidden');
    const lines = cap.lines();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'hello', teamId: 'T1' });
    expect(lines[1]).toMatchObject({ level: 40, msg: 'careful' });
    expect(cap.text()).toContain('"msg":"hello"');
    cap.clear();
    expect(cap.lines()).toEqual([]);
  });

  it('keeps non-JSON lines as strings', () => {
    const cap = captureStream();
    cap.stream.write('plain line\n{"a":1}\n');
    expect(cap.lines()).toEqual(['plain line', { a: 1 }]);
  });
});

describe('freePort', () => {
  it('returns a usable port number', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65536);
  });
});
