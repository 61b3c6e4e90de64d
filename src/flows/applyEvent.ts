import { funnelMark, funnelStep } from '../metrics/flowCounters.js';
import { linkedByFlowMarker } from '../store/connectionStore.js';
import type { HashWrite, RequestClaim, WriteGuard } from '../store/flowStore.js';
import type { Credentials } from '../systems/types.js';
import type { FlowDeps } from './deps.js';
import { runEffects } from './effects.js';
import type { FlowState } from './state.js';
import { type Effect, type FlowEvent, type Refusal, transition } from './transitions.js';

/** What the effects of one transition need besides the flow itself. Never stored. */
export interface EffectContext {
  /** The credentials being checked; only ever in memory, and stored only sealed. */
  credentials?: Credentials;
  /** The credentials form that shows a check's result. */
  viewId?: string;
  /** Where the colleague's copy of a request for help is. */
  requestMessage?: { channelId?: string; ts?: string };
}

export interface EventContext extends EffectContext {
  /** The person asking: only the holder may move a flow. */
  actorId?: string;
  /** The version the clicked message was drawn for. */
  drawnVersion?: number;
  /** The request's replay claim, taken in the compare-and-set (see `DeferredClaim`). */
  claim?: DeferredClaim;
}

/**
 * A request's claim by its trigger_id, left to the first compare-and-set it makes: `taken` once a
 * compare-and-set has tried it (then the claim is this request's, or the request is a replay).
 */
export interface DeferredClaim extends RequestClaim {
  taken: boolean;
}

/**
 * A refusal, or a flow that changed (`conflict`) or expired between reading and writing it, or a
 * request Slack delivered again (`replayed`: nothing is done nor said), or a verified connection
 * that finds its system linked by someone else meanwhile (`occupied`: it replaces nothing it did
 * not expect to).
 */
export type NotApplied = Refusal | 'conflict' | 'expired' | 'replayed' | 'occupied';

export interface EffectReport {
  /** The flow after its effects (a repost moves its message). */
  state: FlowState;
  /** Set when the step was saved but Slack could not show it. */
  notShown?: string;
}

export type Applied =
  | {
      ok: true;
      previous: FlowState;
      state: FlowState;
      effects: Effect[];
      /** Carries out the transition's effects; run it at once, or after Slack's acknowledgement. */
      run(): Promise<EffectReport>;
    }
  | { ok: false; refusal: NotApplied };

export const stepCountOf = (deps: FlowDeps, state: FlowState) =>
  deps.catalogs.any.system(state.systemId)?.steps.length ?? 0;

/**
 * What some effects store in the same compare-and-set as the flow, so neither exists without the
 * other: a verified connection, its event for Wintro (the credentials only as a JWE for Wintro's
 * key) and its pending channel notice.
 */
async function storedWithTheFlow(
  deps: FlowDeps,
  flow: FlowState,
  effects: Effect[],
  context: EffectContext,
): Promise<HashWrite[]> {
  const writes: HashWrite[] = [];
  for (const effect of effects) {
    if (effect.type !== 'save_connection') continue;
    if (!context.credentials) throw new Error('A verified flow needs its credentials to be stored');
    writes.push(
      deps.connections.record({
        teamId: flow.teamId,
        systemId: flow.systemId,
        linkedBy: flow.holderId,
        flowId: flow.id,
        details: effect.details,
        expiresAt: effect.expiresAt,
        credentials: context.credentials,
      }),
      ...(await deps.handover.linkWrites(deps, flow, effect, context.credentials)),
    );
  }
  return writes;
}

/**
 * A verified connection (the first write, see `storedWithTheFlow`) is stored only over the one
 * the flow replaces, or where none is: a link made meanwhile by someone else is never overwritten.
 */
function connectionGuard(flow: FlowState, effects: Effect[]): WriteGuard | undefined {
  if (!effects.some((effect) => effect.type === 'save_connection')) return undefined;
  return { write: 1, marker: flow.replaces ? linkedByFlowMarker(flow.replaces.flowId) : '' };
}

/**
 * The one way a flow changes: the transition, then a compare-and-set on the version the caller
 * read (with the verified connection in the same step), then — when the caller runs them — its
 * effects.
 */
export async function applyEvent(
  deps: FlowDeps,
  flow: FlowState,
  event: FlowEvent,
  context: EventContext = {},
): Promise<Applied> {
  const result = transition(flow, event, {
    now: deps.now(),
    stepCount: stepCountOf(deps, flow),
    actorId: context.actorId,
    drawnVersion: context.drawnVersion,
    checkDeadlineMs: deps.settings.checkDeadlineMs,
  });
  if (!result.ok) return result;
  const writes = await storedWithTheFlow(deps, flow, result.effects, context);
  // A step the person will see is marked on the flow in the same step, so the funnel counts it once.
  const shown = result.effects.some((effect) => effect.type === 'render_dm' || effect.type === 'post_dm');
  const mark = shown ? funnelMark(result.state) : undefined;
  const claim = context.claim && !context.claim.taken ? context.claim : undefined;
  if (claim) claim.taken = true;
  const { result: saved, newMark } = await deps.flows.compareAndSetMarking(
    flow.version,
    result.state,
    writes,
    mark,
    claim,
    connectionGuard(flow, result.effects),
  );
  if (saved === 'replayed') return { ok: false, refusal: 'replayed' };
  if (saved === 'occupied') return { ok: false, refusal: 'occupied' };
  if (saved !== 'saved') return { ok: false, refusal: saved === 'missing' ? 'expired' : 'conflict' };
  if (newMark) deps.metrics.stepReached(result.state.systemId, result.state.phase, funnelStep(result.state));
  return {
    ok: true,
    previous: flow,
    state: result.state,
    effects: result.effects,
    run: () => runEffects(deps, { previous: flow, state: result.state, effects: result.effects, context }),
  };
}

/** `applyEvent`, with the effects run at once. */
export async function applyAndRun(
  deps: FlowDeps,
  flow: FlowState,
  event: FlowEvent,
  context: EventContext = {},
): Promise<{ ok: true; state: FlowState; notShown?: string } | { ok: false; refusal: NotApplied }> {
  const applied = await applyEvent(deps, flow, event, context);
  if (!applied.ok) return applied;
  return { ok: true, ...(await applied.run()) };
}

/**
 * Applies an event to the flow as it is now, not as it was read: for results that arrive later (a
 * credential check) and must land while the flow is still in that state, whatever else moved it
 * meanwhile (a repost, a reminder's Continue, a colleague's answer).
 */
export async function applyToCurrentFlow(
  deps: FlowDeps,
  read: FlowState,
  event: FlowEvent,
  context: EventContext = {},
): Promise<Applied> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = attempt === 0 ? read : await deps.flows.get(read.teamId, read.id);
    if (!current) return { ok: false, refusal: 'expired' };
    const applied = await applyEvent(deps, current, event, context);
    if (applied.ok || applied.refusal !== 'conflict') return applied;
  }
  return { ok: false, refusal: 'conflict' };
}
