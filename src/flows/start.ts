import { unavailableText } from '../blocks/notices.js';
import { isLanguage, type Language, translator } from '../messages/index.js';
import { funnelMark, funnelStep } from '../metrics/flowCounters.js';
import { scheduleIdleReminder } from '../reminders/reminders.js';
import { describeSlackFailure, isSlackFailure } from '../slack/gateway.js';
import type { ConnectionSummary } from '../store/connectionStore.js';
import { newFlowId } from '../store/flowStore.js';
import type { LimitReached } from '../store/limits.js';
import { applyAndRun } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import { postFlow } from './flowDm.js';
import { refuseNewSetupOverLimit, refuseSetupCounted, SetupLimitReached } from './limits.js';
import { refusedClick, toDm } from './linkerGate.js';
import type { LinkTarget } from './parseCommand.js';
import { replacementQuestion } from './replace.js';
import type { ClickHandler, CommandResult } from './requests.js';
import { recoverStaleCheck } from './staleChecks.js';
import type { FlowState } from './state.js';
import { notice } from './tell.js';

/** Whether a flow is a setup of this system (or of one of this vendor's kinds of credentials). */
export function flowMatches(deps: FlowDeps, flow: FlowState, target: LinkTarget): boolean {
  if (target.type === 'system') return flow.systemId === target.id;
  const family = deps.catalogs.any.family(target.id);
  return (
    flow.systemId === target.id ||
    Boolean(family?.variants.some((variant) => variant.systemId === flow.systemId))
  );
}

/** `/wintro link <system>`: says where the setup continues, then starts or resumes it in the DM. */
export function linkSystem(
  deps: FlowDeps,
  teamId: string,
  userId: string,
  target: LinkTarget,
  language: Language,
  /** What the command read already (see `readSetupStart`), so the setup need not read it again. */
  reading?: SetupStartReading,
): CommandResult {
  const tr = translator(language);
  const name = deps.catalogs.in(language).name(target.id);
  return {
    reply: notice(tr('command.link.continuesInDm', { name })),
    followUp: async () => {
      try {
        await startOrResume(deps, teamId, userId, target, undefined, language, reading);
        return undefined;
      } catch (error) {
        if (error instanceof SetupLimitReached) return notice(error.message);
        deps.logger.error({ teamId, error: (error as Error).message }, 'Could not start a flow');
        if (!isSlackFailure(error)) return notice(unavailableText(tr));
        return notice(tr('command.link.dmFailed', { name, reason: describeSlackFailure(tr, error) }));
      }
    },
  };
}

/**
 * All that starting or resuming a setup must know first, read in one round trip: the person's
 * setups (with the starting claim taken, see `startOrResume`), the system's connection, and the
 * person's allowance of new setups (counted now; given back when no setup is created).
 */
export interface SetupStartReading {
  flows: FlowState[];
  /** Whether this request holds the starting claim (and must give it back unless it creates the setup). */
  claimed: boolean;
  /** The system's connection now (null: none); undefined for a vendor's family, which has none. */
  linked?: ConnectionSummary | null;
  /** The new-setup limit as counting this setup found it: undefined when it allows one more. */
  limit: LimitReached | undefined;
}

const startingClaim = (userId: string, target: LinkTarget) => `starting:${userId}:${target.id}`;

export async function readSetupStart(
  deps: Pick<FlowDeps, 'flows' | 'connections' | 'limits'>,
  teamId: string,
  userId: string,
  target: LinkTarget,
): Promise<SetupStartReading> {
  // Two commands at once (a double Enter, a retried request) make one setup: the second waits for it.
  // The claim is taken with the look-up of the person's setups, in the same command to Redis.
  const [active, linked, limit] = await Promise.all([
    deps.flows.activeForClaiming(teamId, userId, startingClaim(userId, target), STARTING_CLAIM_SECONDS),
    target.type === 'system'
      ? deps.connections.get(teamId, target.id).then((connection) => connection ?? null)
      : undefined,
    deps.limits.newSetup(teamId, userId),
  ]);
  return { flows: active.flows, claimed: active.claimed, limit, ...(linked !== undefined ? { linked } : {}) };
}

/**
 * A reading that starts no setup (one was resumed, or a question asked instead): its claim and its
 * count given back. Not waited for: should Redis fail, the claim expires within seconds anyway, and
 * the person has one setup fewer for the day.
 */
export function setAsideSetupStart(
  deps: Pick<FlowDeps, 'once' | 'limits'>,
  teamId: string,
  userId: string,
  target: LinkTarget,
  reading: SetupStartReading,
): void {
  void Promise.all([
    reading.claimed ? deps.once.release(teamId, startingClaim(userId, target)) : undefined,
    reading.limit ? undefined : deps.limits.newSetupGivenBack(teamId, userId),
  ]).catch(() => undefined);
}

/** Where a new setup starts when not at the beginning: a relink that fixes a broken connection. */
export type SetupPlacement = Pick<FlowState, 'phase' | 'stepIndex'>;

/**
 * The person's setup of this system again at the bottom of their DM, or a new one (at `placement`,
 * when given: the step of a relink that fixes what broke), in the person's `language` (found when
 * not given).
 */
export async function startOrResume(
  deps: FlowDeps,
  teamId: string,
  userId: string,
  target: LinkTarget,
  placement?: SetupPlacement,
  language?: Language,
  /** What the caller read already (see `readSetupStart`); read here otherwise. */
  given?: SetupStartReading,
): Promise<FlowState> {
  const reading = given ?? (await readSetupStart(deps, teamId, userId, target));
  const starting = startingClaim(userId, target);
  const notCreated = () => setAsideSetupStart(deps, teamId, userId, target, reading);
  const existing = await setupAmong(deps, reading.flows, target);
  if (existing) {
    notCreated();
    // Posting to the user id lands in their DM with the bot, without opening it first.
    const reposted = await applyAndRun(deps, existing, {
      type: 'repost',
      to: existing.dm?.channelId ?? userId,
    });
    return reposted.ok ? reposted.state : existing;
  }
  if (!reading.claimed) {
    const started = await waitForSetup(deps, teamId, userId, target);
    if (started) {
      notCreated();
      return started;
    }
  }
  let released = false;
  try {
    const created = await createSetup(deps, teamId, userId, target, placement, {
      language,
      releasing: starting,
      counted: { limit: reading.limit },
      ...(reading.linked !== undefined ? { linked: reading.linked } : {}),
    });
    released = true;
    return created;
  } finally {
    if (!released) await deps.once.release(teamId, starting);
  }
}

/** How long a command may take to create its setup before another one for the same system goes ahead. */
const STARTING_CLAIM_SECONDS = 10;

/** The person's unfinished setup of this system among theirs (a check cut off meanwhile is ended first). */
async function setupAmong(deps: FlowDeps, active: FlowState[], target: LinkTarget) {
  const found = active.find((flow) => flowMatches(deps, flow, target));
  return found ? await recoverStaleCheck(deps, found) : undefined;
}

/** The person's unfinished setup of this system. */
async function activeSetupOf(deps: FlowDeps, teamId: string, userId: string, target: LinkTarget) {
  return setupAmong(deps, await deps.flows.activeFor(teamId, userId), target);
}

/** Waits a little for the setup another command of the same person is creating. */
async function waitForSetup(deps: FlowDeps, teamId: string, userId: string, target: LinkTarget) {
  for (let tries = 0; tries < 30; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = await activeSetupOf(deps, teamId, userId, target);
    if (started) return started;
  }
  return undefined;
}

/** How a setup is created besides its placement: with no DM yet, in a language already known. */
export interface NewSetupOptions {
  /** Posted later or never (a setup made only to ask a colleague to take it over). */
  withoutDm?: boolean;
  /** The holder's language, when the caller knows it already (found otherwise). */
  language?: Language;
  /** A once-claim (see `OnceGuard`) given back in the step that stores the setup. */
  releasing?: string;
  /**
   * The system's connection as the caller read it moments ago (null: none). A link made since is
   * still not overwritten: the setup's verified connection is stored only where it expects one.
   */
  linked?: ConnectionSummary | null;
  /**
   * The new-setup limit as the caller counted this setup already (see `readSetupStart`; `limit`
   * undefined: allowed). Without it, the setup is counted here.
   */
  counted?: { limit: LimitReached | undefined };
}

/**
 * A new setup. When the system is linked now, the setup replaces that connection once verified
 * (the person was asked first, or is fixing it); a link made meanwhile is not overwritten.
 */
export async function createSetup(
  deps: FlowDeps,
  teamId: string,
  userId: string,
  target: LinkTarget,
  placement?: SetupPlacement,
  options: NewSetupOptions = {},
) {
  const language = options.language ?? (await deps.languages.of(teamId, userId));
  const tr = translator(language);
  if (options.counted) refuseSetupCounted(tr, options.counted.limit);
  // Both in one round trip; a setup refused by its limit simply does not use the connection read.
  const [, current] = await Promise.all([
    options.counted ? undefined : refuseNewSetupOverLimit(tr, deps, teamId, userId),
    target.type !== 'system'
      ? undefined
      : options.linked !== undefined
        ? (options.linked ?? undefined)
        : deps.connections.get(teamId, target.id),
  ]);
  const at = deps.now();
  const draft: FlowState = {
    id: newFlowId(),
    teamId,
    systemId: target.id,
    starterId: userId,
    holderId: userId,
    language,
    phase: target.type === 'family' ? 'choose_variant' : 'prerequisites',
    stepIndex: 0,
    ...(target.type === 'system' ? placement : undefined),
    ...(current
      ? { replaces: { flowId: current.flowId, linkedBy: current.linkedBy, linkedAt: current.linkedAt } }
      : {}),
    attempts: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const state = options.withoutDm ? draft : { ...draft, dm: await postFlow(deps, userId, draft) };
  // The due time goes out with the flow's transaction (another slot on a Cluster: not inside it).
  await Promise.all([
    deps.flows.create(state, funnelMark(state), options.releasing),
    scheduleIdleReminder(deps, teamId, state.id),
  ]);
  deps.metrics.flowStarted(state.systemId);
  deps.metrics.stepReached(state.systemId, state.phase, funnelStep(state));
  return state;
}

/**
 * A button in the `/wintro link` picker: its value is `system:<id>` or `family:<id>`, then the
 * language the picker was drawn in (its reader's), so the click needs no look-up for it.
 */
export const pickSystem: ClickHandler = async (deps, click) => {
  const [type, id, drawnIn] = (click.value ?? '').split(':');
  const language = isLanguage(drawnIn) ? drawnIn : await deps.languages.of(click.teamId, click.userId);
  const tr = translator(language);
  const catalog = deps.catalogs.in(language);
  const known =
    id && ((type === 'system' && catalog.system(id)) || (type === 'family' && catalog.family(id)));
  if (!known || !id) return tr('command.pick.gone');
  const target = { type: type as LinkTarget['type'], id };
  // As `/wintro link <system>`: who may link is checked, and a linked system asks first.
  const asked =
    (await refusedClick(deps, click, `link ${catalog.linkWord(id, 'exact')}`, target)) ??
    (await replacementQuestion(deps, click.teamId, click.userId, target));
  if (asked) {
    await toDm(deps, click.userId, asked);
    return asked.text;
  }
  try {
    await startOrResume(deps, click.teamId, click.userId, target, undefined, language);
  } catch (error) {
    if (error instanceof SetupLimitReached) return error.message;
    throw error;
  }
  return tr('command.pick.continuesInDm', { name: catalog.name(id) });
};
