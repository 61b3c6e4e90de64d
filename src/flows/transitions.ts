import { type Language, translator } from '../messages/index.js';
import type { Detail, VerificationFailure, VerificationOutcome } from '../systems/types.js';
import type { FlowState, OutcomeSummary } from './state.js';
import { holderLanguage, isTerminal } from './state.js';

/** Where a flow's DM message is: a channel id and a message ts. */
export type DmLocation = NonNullable<FlowState['dm']>;

/** Everything that can happen to a flow. Only `transition()` turns one into a new state. */
export type FlowEvent =
  | { type: 'choose_variant'; systemId: string }
  | { type: 'begin_guide' }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'submit_credentials'; checkId: string }
  | { type: 'verified'; outcome: VerificationOutcome; checkId: string }
  | { type: 'verification_abandoned'; reason: string; checkId?: string }
  /** The vendor's approval page sent the browser back (one-click linking): linked, or why not. */
  | { type: 'authorization_finished'; outcome: VerificationOutcome }
  | { type: 'cancel' }
  | {
      type: 'request_help';
      colleagueId: string;
      note?: string;
      colleagueLanguage?: Language;
      /** The holder may not link (WINTRO_LINKERS): `admins` or the user group id of who may. */
      linkers?: string;
    }
  | { type: 'take_over'; by: string; seq: number; to: string }
  /** The holder now reads another language (`/wintro language`): the DM is drawn again in it. */
  | { type: 'language_changed'; language: Language }
  | { type: 'help_granted'; by: string; seq: number }
  | { type: 'help_declined'; by: string; seq: number; reason: string }
  /** Post the flow again at the bottom of a DM (`to`: a channel or user id) and retire the old message. */
  | { type: 'repost'; to: string }
  /** The flow's message was posted somewhere new. */
  | { type: 'dm_posted'; dm: DmLocation }
  /** The holder confirmed replacing the connection linked now: verified credentials replace that one. */
  | { type: 'replace'; replaces: NonNullable<FlowState['replaces']> };

/** Things a person may ask to do that do not change the flow by themselves: only `can()` is asked. */
export type FlowQuery = { type: 'open_credentials' } | { type: 'open_help_form' };

/**
 * What happens after a transition is stored, in this order. The effect runner
 * (`flows/effects.ts`) is the only place that carries them out.
 */
export type Effect =
  /** Stored together with the flow, in the same compare-and-set. */
  | { type: 'save_connection'; details: Detail[]; expiresAt?: string }
  /** Queues the delivery of the link's event to Wintro, stored with the flow like the connection. */
  | { type: 'hand_to_wintro' }
  | { type: 'render_dm' }
  | { type: 'show_check_result'; outcome: VerificationOutcome }
  | { type: 'notify_linked' }
  | { type: 'watch_expiry'; expiresAt: string }
  | { type: 'run_check' }
  | { type: 'retire_dm'; notice: 'continues_below' | 'taken_over' }
  | { type: 'post_dm'; to: string }
  | { type: 'remember_helper' }
  | { type: 'send_help_request' }
  | { type: 'schedule_nudge' }
  | { type: 'mark_request_answered' }
  | { type: 'tell_previous_holder' }
  | { type: 'hand_back' }
  | { type: 'tell_declined' };

/** Why something was refused. `flows/refusals.ts` says what the person is told for each. */
export type Refusal =
  | 'linked'
  | 'cancelled'
  | 'not_holder'
  | 'moved_on'
  | 'not_now'
  | 'busy_checking'
  | 'stale_request'
  | 'not_colleague'
  | 'answered';

export type Permission = { ok: true } | { ok: false; refusal: Refusal };

export type TransitionResult =
  | { ok: true; state: FlowState; effects: Effect[] }
  | { ok: false; refusal: Refusal };

export interface TransitionContext {
  now: number;
  /** Guide steps of the flow's system (0 while a variant is still to be chosen). */
  stepCount: number;
  /** The person asking, when a person asks: only the flow's holder may move it. */
  actorId?: string;
  /** The flow version the clicked message was drawn for: steps must come from the newest drawing. */
  drawnVersion?: number;
  /** How long a credential check may take, at most (the slowest vendor's calls); then it was cut off. */
  checkDeadlineMs?: number;
}

/** A check that has run this long was cut off (e.g. by a restart), unless the context says otherwise. */
export const VERIFYING_STALE_MS = 90_000;

/** Whether a check is still running, or was cut off (a crash, a restart) and can be abandoned. */
export const isCheckStale = (state: FlowState, now: number, deadlineMs = VERIFYING_STALE_MS) =>
  state.phase === 'verifying' && now - (state.check?.startedAt ?? state.updatedAt) >= deadlineMs;

const isBusyVerifying = (state: FlowState, context: TransitionContext) =>
  state.phase === 'verifying' && !isCheckStale(state, context.now, context.checkDeadlineMs);

/** A result belongs to the check the flow is in (flows stored before checks had ids accept any). */
const isThisCheck = (state: FlowState, checkId: string | undefined) =>
  state.phase === 'verifying' && (!state.check || state.check.id === checkId);

/** Buttons that move the flow through its steps: a click on an older drawing of the message is stale. */
const STEPS: ReadonlySet<string> = new Set(['choose_variant', 'begin_guide', 'next', 'back']);

/** Answers to a request for help: only the colleague asked may give them. */
type Answer = Extract<FlowEvent, { type: 'take_over' | 'help_granted' | 'help_declined' }>;
const isAnswer = (action: FlowEvent | FlowQuery): action is Answer =>
  action.type === 'take_over' || action.type === 'help_granted' || action.type === 'help_declined';

const ALLOWED: Permission = { ok: true };
const refuse = (refusal: Refusal): Permission => ({ ok: false, refusal });

function canAnswer(state: FlowState, answer: Answer): Permission {
  const handover = state.handover;
  if (!handover || handover.seq !== answer.seq) return refuse('stale_request');
  if (handover.colleagueId !== answer.by) return refuse('not_colleague');
  if (isTerminal(state)) return refuse(state.phase as Refusal);
  if (handover.status !== 'asked') return refuse('answered');
  return ALLOWED;
}

/** Whether the flow allows this now, and if not, why. Pure; `transition()` asks it first. */
export function can(state: FlowState, action: FlowEvent | FlowQuery, context: TransitionContext): Permission {
  if (isAnswer(action)) return canAnswer(state, action);
  if (context.actorId !== undefined && context.actorId !== state.holderId) return refuse('not_holder');
  if (isTerminal(state)) return refuse(state.phase as Refusal);
  if (STEPS.has(action.type) && context.drawnVersion !== undefined && context.drawnVersion !== state.version)
    return refuse('moved_on');
  const { phase } = state;
  const when = (allowed: boolean, otherwise: Refusal = 'not_now') => (allowed ? ALLOWED : refuse(otherwise));
  switch (action.type) {
    case 'choose_variant':
      return when(phase === 'choose_variant');
    case 'begin_guide':
      return when(phase === 'prerequisites');
    case 'next':
      return when(phase === 'guide');
    case 'back':
      return when(phase === 'guide' || phase === 'credentials');
    case 'open_credentials':
    case 'submit_credentials':
      if (phase === 'choose_variant') return refuse('not_now');
      return when(!isBusyVerifying(state, context), 'busy_checking');
    case 'verified':
    case 'verification_abandoned':
      return when(isThisCheck(state, action.checkId));
    case 'authorization_finished':
      return when(phase !== 'choose_variant' && !isBusyVerifying(state, context), 'busy_checking');
    case 'open_help_form':
    case 'request_help':
      return when(phase !== 'choose_variant' && phase !== 'verifying');
    case 'cancel':
    case 'repost':
    case 'dm_posted':
    case 'language_changed':
      return ALLOWED;
    case 'replace':
      return when(!isBusyVerifying(state, context), 'busy_checking');
  }
}

const summarize = (outcome: VerificationFailure, now: number): OutcomeSummary => ({
  code: outcome.code,
  title: outcome.title,
  detail: outcome.detail,
  ...(outcome.missing ? { missing: outcome.missing } : {}),
  ...(outcome.retryAfterSeconds ? { retryAt: now + outcome.retryAfterSeconds * 1000 } : {}),
  at: now,
});

/** The flow's rules: what each allowed event changes, and what happens because of it. Pure. */
export function transition(state: FlowState, event: FlowEvent, context: TransitionContext): TransitionResult {
  const permission = can(state, event, context);
  if (!permission.ok) return permission;
  const next = (
    changes: Partial<FlowState>,
    effects: Effect[] = [{ type: 'render_dm' }],
  ): TransitionResult => ({
    ok: true,
    state: { ...state, ...changes, version: state.version + 1, updatedAt: context.now },
    effects,
  });
  const lastStep = Math.max(0, context.stepCount - 1);

  switch (event.type) {
    case 'cancel':
      return next({ phase: 'cancelled' });
    case 'choose_variant':
      return next({ systemId: event.systemId, phase: 'prerequisites', stepIndex: 0 });
    case 'begin_guide':
      return next({ phase: 'guide', stepIndex: 0 });
    case 'next':
      if (state.stepIndex >= lastStep) return next({ phase: 'credentials', stepIndex: lastStep });
      return next({ stepIndex: state.stepIndex + 1 });
    case 'back':
      if (state.phase === 'credentials') return next({ phase: 'guide', stepIndex: lastStep });
      if (state.stepIndex === 0) return next({ phase: 'prerequisites' });
      return next({ stepIndex: state.stepIndex - 1 });
    case 'submit_credentials':
      return next(
        {
          phase: 'verifying',
          attempts: state.attempts + 1,
          check: { id: event.checkId, startedAt: context.now },
        },
        [{ type: 'render_dm' }, { type: 'run_check' }],
      );
    case 'verified': {
      const { outcome } = event;
      if (outcome.ok) {
        return next(
          { phase: 'linked', lastOutcome: undefined, linkedDetails: outcome.details, check: undefined },
          [
            { type: 'save_connection', details: outcome.details, expiresAt: outcome.expiresAt },
            { type: 'render_dm' },
            { type: 'hand_to_wintro' },
            { type: 'show_check_result', outcome },
            { type: 'notify_linked' },
            ...(outcome.expiresAt ? [{ type: 'watch_expiry' as const, expiresAt: outcome.expiresAt }] : []),
          ],
        );
      }
      return next({ phase: 'credentials', lastOutcome: summarize(outcome, context.now), check: undefined }, [
        { type: 'render_dm' },
        { type: 'show_check_result', outcome },
      ]);
    }
    case 'authorization_finished': {
      const { outcome } = event;
      if (outcome.ok) {
        return next({ phase: 'linked', lastOutcome: undefined, linkedDetails: outcome.details }, [
          { type: 'save_connection', details: outcome.details, expiresAt: outcome.expiresAt },
          { type: 'render_dm' },
          { type: 'hand_to_wintro' },
          { type: 'notify_linked' },
        ]);
      }
      // Back where the approval button is, with what went wrong and a fresh button.
      return next({ phase: 'prerequisites', lastOutcome: summarize(outcome, context.now) });
    }
    case 'verification_abandoned': {
      const outcome: VerificationFailure = {
        ok: false,
        code: 'interrupted',
        title: translator(holderLanguage(state))('flow.check.interruptedTitle'),
        detail: event.reason,
      };
      return next(
        {
          phase: 'credentials',
          lastOutcome: { code: outcome.code, title: outcome.title, detail: outcome.detail, at: context.now },
          check: undefined,
        },
        [{ type: 'render_dm' }, { type: 'show_check_result', outcome }],
      );
    }
    case 'request_help': {
      const missing = state.phase === 'credentials' ? state.lastOutcome?.missing : undefined;
      return next(
        {
          handover: {
            seq: (state.handover?.seq ?? 0) + 1,
            colleagueId: event.colleagueId,
            requestedBy: state.holderId,
            reason: event.linkers ? 'linker' : missing?.length ? 'missing' : 'permission',
            ...(event.linkers ? { linkers: event.linkers } : {}),
            ...(missing?.length ? { missing } : {}),
            ...(event.note ? { note: event.note } : {}),
            ...(event.colleagueLanguage ? { colleagueLanguage: event.colleagueLanguage } : {}),
            status: 'asked',
            askedAt: context.now,
          },
        },
        [
          { type: 'render_dm' },
          { type: 'remember_helper' },
          { type: 'send_help_request' },
          { type: 'schedule_nudge' },
        ],
      );
    }
    case 'help_declined': {
      const handover = { ...(state.handover as NonNullable<FlowState['handover']>), answeredAt: context.now };
      return next({ handover: { ...handover, status: 'declined', declineReason: event.reason } }, [
        { type: 'render_dm' },
        { type: 'mark_request_answered' },
        { type: 'tell_declined' },
      ]);
    }
    case 'help_granted': {
      const handover = { ...(state.handover as NonNullable<FlowState['handover']>), answeredAt: context.now };
      return next({ handover: { ...handover, status: 'granted' } }, [
        { type: 'render_dm' },
        { type: 'mark_request_answered' },
        { type: 'hand_back' },
      ]);
    }
    case 'take_over': {
      const handover = { ...(state.handover as NonNullable<FlowState['handover']>), answeredAt: context.now };
      // Whoever takes over has the access the holder lacked: past the prerequisites, at the same step.
      const phase =
        state.phase === 'prerequisites' ? 'guide' : state.phase === 'verifying' ? 'credentials' : state.phase;
      return next(
        {
          holderId: event.by,
          language: handover.colleagueLanguage ?? state.language,
          phase,
          check: undefined,
          stepIndex: state.phase === 'prerequisites' ? 0 : state.stepIndex,
          handover: { ...handover, status: 'taken' },
        },
        [
          { type: 'post_dm', to: event.to },
          { type: 'mark_request_answered' },
          { type: 'retire_dm', notice: 'taken_over' },
          { type: 'tell_previous_holder' },
        ],
      );
    }
    case 'repost':
      return next({}, [
        { type: 'retire_dm', notice: 'continues_below' },
        { type: 'post_dm', to: event.to },
      ]);
    case 'dm_posted':
      return next({ dm: event.dm }, []);
    case 'language_changed':
      return next({ language: event.language });
    case 'replace':
      return next({ replaces: event.replaces }, []);
  }
}
