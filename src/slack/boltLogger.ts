import type { Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { LogLevel } from './bolt.js';

/** Routes Bolt's own logs through pino, so redaction applies to them too. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let name = 'bolt';
  // Bolt's debug level prints request payloads, which can hold what an admin typed into the form.
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: () => undefined,
    info: (...messages: unknown[]) => child.info({ name }, messages.map(String).join(' ')),
    warn: (...messages: unknown[]) => child.warn({ name }, messages.map(String).join(' ')),
    error: (...messages: unknown[]) => child.error({ name }, messages.map(String).join(' ')),
    setLevel: (next: LogLevel) => {
      level = next === LogLevel.DEBUG ? LogLevel.INFO : next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}
