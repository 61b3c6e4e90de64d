import type { FlowDeps } from './deps.js';
import { type LinkTarget, parseCommand } from './parseCommand.js';
import { readSetupStart, type SetupStartReading, setAsideSetupStart } from './start.js';

/**
 * A link command's reading (see `readSetupStart`), begun with the request's claim so that both go
 * to Redis in one round trip: a person whose language is known is answered after that one.
 */
export interface PreparedLink {
  target: LinkTarget;
  reading: Promise<SetupStartReading>;
  /** The request is not handled after all (Slack delivered it again): the reading is given back. */
  discard(): void;
}

/**
 * What the shared middleware begins for a command next to its claim: the reading of a link to a
 * system. Not when who may link is checked first (WINTRO_LINKERS): that asks Slack before it reads.
 */
export function prepareCommand(
  deps: Pick<FlowDeps, 'catalogs' | 'linkers' | 'flows' | 'connections' | 'limits' | 'once'>,
) {
  return (teamId: string, userId: string, text: string): PreparedLink | undefined => {
    if (deps.linkers.gated) return undefined;
    const command = parseCommand(text, deps.catalogs.any);
    if (command.kind !== 'link') return undefined;
    const { target } = command;
    const reading = readSetupStart(deps, teamId, userId, target);
    // Awaited by the command (or discarded): a Redis failure is met there, never unhandled.
    reading.catch(() => undefined);
    return {
      target,
      reading,
      discard: () => {
        reading.then(
          (read) => setAsideSetupStart(deps, teamId, userId, target, read),
          () => undefined,
        );
      },
    };
  };
}

/** The prepared reading when it is of this target. */
export const preparedFor = (prepared: PreparedLink | undefined, target: LinkTarget) =>
  prepared && prepared.target.type === target.type && prepared.target.id === target.id
    ? prepared.reading
    : undefined;
