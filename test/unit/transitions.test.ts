import { describe, expect, it } from 'vitest';
import type { FlowState } from '../../src/flows/state.js';
import { transition, VERIFYING_STALE_MS } from '../../src/flows/transitions.js';

const base: FlowState = {
  id: 'flow123456',
  teamId: 'T1',
  systemId: 'greenhouse',
  starterId: 'U1',
  holderId: 'U1',
  phase: 'prerequisites',
  stepIndex: 0,
  attempts: 0,
  version: 3,
  createdAt: 0,
  updatedAt: 0,
};
const ctx = { now: 1000, stepCount: 3 };

const apply = (state: FlowState, event: Parameters<typeof transition>[1], context = ctx) => {
  const result = transition(state, event, context);
  if (!result.ok) throw new Error(`refused: ${result.refusal}`);
  return result;
};

describe('flow transitions', () => {
  it('walks prerequisites → guide steps → credentials, bumping the version each time', () => {
    let state = apply(base, { type: 'begin_guide' }).state;
    expect(state).toMatchObject({ phase: 'guide', stepIndex: 0, version: 4, updatedAt: 1000 });
    state = apply(state, { type: 'next' }).state;
    state = apply(state, { type: 'next' }).state;
    expect(state).toMatchObject({ phase: 'guide', stepIndex: 2 });
    state = apply(state, { type: 'next' }).state;
    expect(state).toMatchObject({ phase: 'credentials', stepIndex: 2, version: 7 });
  });

  it('goes back from the first step to the prerequisites and from credentials to the last step', () => {
    const first = apply(base, { type: 'begin_guide' }).state;
    expect(apply(first, { type: 'back' }).state.phase).toBe('prerequisites');
    const credentials = { ...base, phase: 'credentials' as const, stepIndex: 2 };
    expect(apply(credentials, { type: 'back' }).state).toMatchObject({ phase: 'guide', stepIndex: 2 });
  });

  it('refuses events that do not belong to the phase', () => {
    expect(transition(base, { type: 'next' }, ctx)).toEqual({ ok: false, refusal: 'not_now' });
    expect(transition(base, { type: 'verified', outcome: { ok: true, details: [] } }, ctx)).toEqual({
      ok: false,
      refusal: 'not_now',
    });
    expect(transition({ ...base, phase: 'choose_variant' }, { type: 'submit_credentials' }, ctx).ok).toBe(
      false,
    );
  });

  it('refuses everything once linked or cancelled', () => {
    for (const phase of ['linked', 'cancelled'] as const) {
      expect(transition({ ...base, phase }, { type: 'cancel' }, ctx)).toEqual({
        ok: false,
        refusal: phase,
      });
    }
  });

  it('links with details and asks for the connection to be saved and announced', () => {
    const verifying = apply(base, { type: 'submit_credentials' }).state;
    expect(verifying).toMatchObject({ phase: 'verifying', attempts: 1 });
    const linked = apply(verifying, {
      type: 'verified',
      outcome: { ok: true, details: [{ label: 'a', value: 'b' }] },
    });
    expect(linked.state).toMatchObject({ phase: 'linked', linkedDetails: [{ label: 'a', value: 'b' }] });
    expect(linked.effects.map((effect) => effect.type)).toEqual([
      'save_connection',
      'render_dm',
      'show_check_result',
      'notify_linked',
    ]);
  });

  it('keeps a failed check as the last outcome, with the time the vendor asked us to wait until', () => {
    const verifying = apply(base, { type: 'submit_credentials' }).state;
    const failed = apply(verifying, {
      type: 'verified',
      outcome: { ok: false, code: 'rate_limited', title: 't', detail: 'd', retryAfterSeconds: 7 },
    }).state;
    expect(failed.phase).toBe('credentials');
    expect(failed.lastOutcome).toEqual({
      code: 'rate_limited',
      title: 't',
      detail: 'd',
      retryAt: 8000,
      at: 1000,
    });
    expect(apply(failed, { type: 'submit_credentials' }).state.phase).toBe('verifying');
  });

  it('blocks a second submission while a check runs, but not after the check was cut off', () => {
    const verifying = apply(base, { type: 'submit_credentials' }).state;
    expect(transition(verifying, { type: 'submit_credentials' }, ctx).ok).toBe(false);
    const later = { now: 1000 + VERIFYING_STALE_MS + 1, stepCount: 3 };
    expect(transition(verifying, { type: 'submit_credentials' }, later).ok).toBe(true);
  });

  it('moves a family flow to the chosen variant', () => {
    const choosing = { ...base, systemId: 'personio', phase: 'choose_variant' as const };
    expect(apply(choosing, { type: 'choose_variant', systemId: 'personio-recruiting' }).state).toMatchObject({
      systemId: 'personio-recruiting',
      phase: 'prerequisites',
    });
  });

  it('asks for help with the missing scopes of the last check, and only the colleague can answer', () => {
    const credentials: FlowState = {
      ...base,
      phase: 'credentials',
      lastOutcome: { code: 'missing_scopes', title: 't', detail: 'd', missing: ['harvest:jobs:list'], at: 1 },
    };
    const asked = apply(credentials, { type: 'request_help', colleagueId: 'U2', note: 'please' }).state;
    expect(asked.handover).toMatchObject({
      seq: 1,
      colleagueId: 'U2',
      requestedBy: 'U1',
      reason: 'missing',
      missing: ['harvest:jobs:list'],
      status: 'asked',
    });
    expect(transition(asked, { type: 'take_over', by: 'U3', seq: 1, to: 'U3' }, ctx)).toEqual({
      ok: false,
      refusal: 'not_colleague',
    });
    expect(transition(asked, { type: 'take_over', by: 'U2', seq: 0, to: 'U2' }, ctx)).toEqual({
      ok: false,
      refusal: 'stale_request',
    });
    const granted = apply(asked, { type: 'help_granted', by: 'U2', seq: 1 }).state;
    expect(granted.handover?.status).toBe('granted');
    expect(granted.holderId).toBe('U1');
    expect(transition(granted, { type: 'help_declined', by: 'U2', seq: 1, reason: 'x' }, ctx)).toEqual({
      ok: false,
      refusal: 'answered',
    });
  });

  it('moves the flow to whoever takes over, past the prerequisites they had', () => {
    const asked = apply(base, { type: 'request_help', colleagueId: 'U2' }).state;
    expect(asked.handover?.reason).toBe('permission');
    const taken = apply(asked, { type: 'take_over', by: 'U2', seq: 1, to: 'U2' }).state;
    expect(taken).toMatchObject({ holderId: 'U2', starterId: 'U1', phase: 'guide', stepIndex: 0 });
    expect(taken.handover?.status).toBe('taken');
    const again = apply(taken, { type: 'request_help', colleagueId: 'U4' }).state;
    expect(again.handover).toMatchObject({ seq: 2, requestedBy: 'U2', status: 'asked' });
  });

  it('keeps a declined request with its reason', () => {
    const asked = apply(base, { type: 'request_help', colleagueId: 'U2' }).state;
    const declined = apply(asked, { type: 'help_declined', by: 'U2', seq: 1, reason: 'not an admin' }).state;
    expect(declined.handover).toMatchObject({
      status: 'declined',
      declineReason: 'not an admin',
      answeredAt: 1000,
    });
  });
});
