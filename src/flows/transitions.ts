import type { VerificationOutcome } from '../systems/types.js';
import type { FlowState, OutcomeSummary } from './state.js';
import { isTerminal } from './state.js';

export type FlowEvent =
  | { type: 'choose_variant'; systemId: string }
  | { type: 'begin_guide' }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'open_credentials' }
  | { type: 'submit_credentials' }
  | { type: 'verified'; outcome: VerificationOutcome }
  | { type: 'verification_abandoned'; reason: string }
  | { type: 'cancel' }
  | { type: 'request_help'; colleagueId: string; note?: string }
  | { type: 'take_over'; by: string; seq: number }
  | { type: 'help_granted'; by: string; seq: number }
  | { type: 'help_declined'; by: string; seq: number; reason: string };

export type Effect = { type: 'render_dm' } | { type: 'notify_linked' } | { type: 'save_connection' };

export type Refusal = 'finished' | 'not_now' | 'not_yours' | 'answered';

export type TransitionResult =
  | { ok: true; state: FlowState; effects: Effect[] }
  | { ok: false; refusal: Refusal };

export interface TransitionContext {
  now: number;
  /** Guide steps of the flow's system (0 while a variant is still to be chosen). */
  stepCount: number;
}

const summarize = (outcome: Extract<VerificationOutcome, { ok: false }>, now: number): OutcomeSummary => ({
  code: outcome.code,
  title: outcome.title,
  detail: outcome.detail,
  ...(outcome.missing ? { missing: outcome.missing } : {}),
  ...(outcome.retryAfterSeconds ? { retryAt: now + outcome.retryAfterSeconds * 1000 } : {}),
  at: now,
});

/** A check that has run this long was cut off (e.g. by a restart); the admin may submit again. */
export const VERIFYING_STALE_MS = 90_000;

const isBusyVerifying = (state: FlowState, now: number) =>
  state.phase === 'verifying' && now - state.updatedAt < VERIFYING_STALE_MS;

/** The flow's rules: which event is allowed in which phase, and what it changes. Pure. */
export function transition(state: FlowState, event: FlowEvent, context: TransitionContext): TransitionResult {
  if (isTerminal(state)) return { ok: false, refusal: 'finished' };
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
      if (state.phase !== 'choose_variant') return { ok: false, refusal: 'not_now' };
      return next({ systemId: event.systemId, phase: 'prerequisites', stepIndex: 0 });
    case 'begin_guide':
      if (state.phase !== 'prerequisites') return { ok: false, refusal: 'not_now' };
      return next({ phase: 'guide', stepIndex: 0 });
    case 'next':
      if (state.phase !== 'guide') return { ok: false, refusal: 'not_now' };
      if (state.stepIndex >= lastStep) return next({ phase: 'credentials', stepIndex: lastStep });
      return next({ stepIndex: state.stepIndex + 1 });
    case 'back':
      if (state.phase === 'guide' && state.stepIndex === 0) return next({ phase: 'prerequisites' });
      if (state.phase === 'guide') return next({ stepIndex: state.stepIndex - 1 });
      if (state.phase === 'credentials') return next({ phase: 'guide', stepIndex: lastStep });
      return { ok: false, refusal: 'not_now' };
    case 'open_credentials':
      // Opening the modal does not move the flow: it only has to be allowed.
      if (state.phase === 'choose_variant' || isBusyVerifying(state, context.now)) {
        return { ok: false, refusal: 'not_now' };
      }
      return { ok: true, state, effects: [] };
    case 'submit_credentials':
      if (state.phase === 'choose_variant' || isBusyVerifying(state, context.now)) {
        return { ok: false, refusal: 'not_now' };
      }
      return next({ phase: 'verifying', attempts: state.attempts + 1 });
    case 'verified':
      if (state.phase !== 'verifying') return { ok: false, refusal: 'not_now' };
      if (event.outcome.ok) {
        return next({ phase: 'linked', lastOutcome: undefined, linkedDetails: event.outcome.details }, [
          { type: 'save_connection' },
          { type: 'render_dm' },
          { type: 'notify_linked' },
        ]);
      }
      return next({ phase: 'credentials', lastOutcome: summarize(event.outcome, context.now) });
    case 'request_help': {
      if (state.phase === 'choose_variant' || state.phase === 'verifying')
        return { ok: false, refusal: 'not_now' };
      const missing = state.phase === 'credentials' ? state.lastOutcome?.missing : undefined;
      return next({
        handover: {
          seq: (state.handover?.seq ?? 0) + 1,
          colleagueId: event.colleagueId,
          requestedBy: state.holderId,
          reason: missing?.length ? 'missing' : 'permission',
          ...(missing?.length ? { missing } : {}),
          ...(event.note ? { note: event.note } : {}),
          status: 'asked',
          askedAt: context.now,
        },
      });
    }
    case 'take_over':
    case 'help_granted':
    case 'help_declined': {
      const handover = state.handover;
      if (!handover || handover.seq !== event.seq) return { ok: false, refusal: 'answered' };
      if (handover.colleagueId !== event.by) return { ok: false, refusal: 'not_yours' };
      if (handover.status !== 'asked') return { ok: false, refusal: 'answered' };
      const answered = { ...handover, answeredAt: context.now };
      if (event.type === 'help_declined') {
        return next({ handover: { ...answered, status: 'declined', declineReason: event.reason } });
      }
      if (event.type === 'help_granted') return next({ handover: { ...answered, status: 'granted' } });
      // Whoever takes over has the access the holder lacked: past the prerequisites, at the same step.
      const phase =
        state.phase === 'prerequisites' ? 'guide' : state.phase === 'verifying' ? 'credentials' : state.phase;
      return next({
        holderId: event.by,
        phase,
        stepIndex: state.phase === 'prerequisites' ? 0 : state.stepIndex,
        handover: { ...answered, status: 'taken' },
      });
    }
    case 'verification_abandoned':
      if (state.phase !== 'verifying') return { ok: false, refusal: 'not_now' };
      return next({
        phase: 'credentials',
        lastOutcome: {
          code: 'interrupted',
          title: 'The check was interrupted',
          detail: event.reason,
          at: context.now,
        },
      });
  }
}
