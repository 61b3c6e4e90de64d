import type { MessageId, Translate } from '../messages/index.js';
import type { LimitReached } from '../store/limits.js';
import type { FlowDeps } from './deps.js';

/** "in 42 minutes", "in about 3 hours": when one more is allowed, rounded up. */
export function whenAgain(tr: Translate, retryInMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryInMs / 60_000));
  if (minutes < 90) return tr('limits.when.minutes', { count: minutes });
  return tr('limits.when.hours', { count: Math.round(minutes / 60) });
}

const WORDS: Record<LimitReached['limit'], MessageId> = {
  helpPerSetup: 'limits.helpPerSetup',
  helpPerPerson: 'limits.helpPerPerson',
  requestDmsPerColleague: 'limits.requestDmsPerColleague',
  checksPerSetup: 'limits.checksPerSetup',
  checksPerWorkspace: 'limits.checksPerWorkspace',
  setupsPerPerson: 'limits.setupsPerPerson',
};

/** What the person is told about a limit reached: which, and when they can try again. */
export function limitText(tr: Translate, reached: LimitReached, params: Record<string, string> = {}): string {
  return tr(WORDS[reached.limit], { ...params, when: whenAgain(tr, reached.retryInMs) });
}

/** Refused when the person asked for help too often, or the colleague has had enough request DMs. */
export async function helpRequestRefusal(
  tr: Translate,
  deps: FlowDeps,
  request: { teamId: string; flowId: string; userId: string; colleagueId: string },
): Promise<string | undefined> {
  const { teamId, flowId, userId, colleagueId } = request;
  const colleagueFull = await deps.limits.requestDmLeft(teamId, flowId, colleagueId);
  if (colleagueFull) return limitText(tr, colleagueFull, { colleague: colleagueId });
  const reached = await deps.limits.helpRequest(teamId, flowId, userId);
  return reached ? limitText(tr, reached) : undefined;
}

/** Refused when this setup or this workspace has checked credentials too often. */
export async function credentialCheckRefusal(
  tr: Translate,
  deps: FlowDeps,
  flow: { teamId: string; id: string },
): Promise<string | undefined> {
  const reached = await deps.limits.credentialCheck(flow.teamId, flow.id);
  return reached ? limitText(tr, reached) : undefined;
}

/** A new setup refused: the person started too many today. Thrown from where the setup is created. */
export class SetupLimitReached extends Error {}

export async function refuseNewSetupOverLimit(
  tr: Translate,
  deps: FlowDeps,
  teamId: string,
  userId: string,
): Promise<void> {
  refuseSetupCounted(tr, await deps.limits.newSetup(teamId, userId));
}

/** `refuseNewSetupOverLimit` where the setup has been counted already (`reached`: what that found). */
export function refuseSetupCounted(tr: Translate, reached: LimitReached | undefined): void {
  if (reached) throw new SetupLimitReached(limitText(tr, reached));
}
