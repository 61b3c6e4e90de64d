import { describe, expect, it } from 'vitest';
import type { FlowState } from '../../src/flows/state.js';
import { can, isCheckStale, transition, VERIFYING_STALE_MS } from '../../src/flows/transitions.js';
import { aFlow } from '../support/flowFixture.js';

const base = aFlow({ phase: 'prerequisites', version: 3 });
const ctx = { now: 1000, stepCount: 3 };

const apply = (state: FlowState, event: Parameters<typeof transition>[1], context = ctx) => {
  const result = transition(state, event, context);
  if (!result.ok) throw new Error(`refused: ${result.refusal}`);
  return result;
};
type Outcome = Extract<Parameters<typeof transition>[1], { type: 'verified' }>['outcome'];
/** The base flow with its credentials submitted: check c1 runs. */
const submitted = () => apply(base, { type: 'submit_credentials', checkId: 'c1' }).state;
/** Check c1's result landing on the submitted flow. */
const checked = (outcome: Outcome) => apply(submitted(), { type: 'verified', checkId: 'c1', outcome });

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
    expect(
      transition(base, { type: 'verified', outcome: { ok: true, details: [] }, checkId: 'c1' }, ctx),
    ).toEqual({
      ok: false,
      refusal: 'not_now',
    });
    expect(
      transition({ ...base, phase: 'choose_variant' }, { type: 'submit_credentials', checkId: 'c1' }, ctx).ok,
    ).toBe(false);
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
    const verifying = submitted();
    expect(verifying).toMatchObject({ phase: 'verifying', attempts: 1 });
    const linked = checked({ ok: true, details: [{ label: 'a', value: 'b' }] });
    expect(linked.state).toMatchObject({ phase: 'linked', linkedDetails: [{ label: 'a', value: 'b' }] });
    expect(linked.effects.map((effect) => effect.type)).toEqual([
      'save_connection',
      'render_dm',
      'hand_to_wintro',
      'show_check_result',
      'notify_linked',
    ]);
  });

  it('keeps a failed check as the last outcome, with the time the vendor asked us to wait until', () => {
    const failed = checked({
      ok: false,
      code: 'rate_limited',
      title: 't',
      detail: 'd',
      retryAfterSeconds: 7,
    }).state;
    expect(failed.phase).toBe('credentials');
    expect(failed.lastOutcome).toEqual({
      code: 'rate_limited',
      title: 't',
      detail: 'd',
      retryAt: 8000,
      at: 1000,
    });
    expect(apply(failed, { type: 'submit_credentials', checkId: 'c1' }).state.phase).toBe('verifying');
  });

  it('blocks a second submission while a check runs, but not after the check was cut off', () => {
    const verifying = submitted();
    expect(transition(verifying, { type: 'submit_credentials', checkId: 'c1' }, ctx).ok).toBe(false);
    const later = { now: 1000 + VERIFYING_STALE_MS + 1, stepCount: 3 };
    expect(transition(verifying, { type: 'submit_credentials', checkId: 'c1' }, later).ok).toBe(true);
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

describe('can(): who may do what, and when', () => {
  const guide: FlowState = { ...base, phase: 'guide', stepIndex: 1 };

  it('lets only the holder move a flow, before anything else is looked at', () => {
    expect(can(guide, { type: 'next' }, { ...ctx, actorId: 'U9' })).toEqual({
      ok: false,
      refusal: 'not_holder',
    });
    expect(can({ ...guide, phase: 'linked' }, { type: 'next' }, { ...ctx, actorId: 'U9' })).toEqual({
      ok: false,
      refusal: 'not_holder',
    });
    expect(can(guide, { type: 'next' }, { ...ctx, actorId: 'U1' })).toEqual({ ok: true });
  });

  it('refuses a step from an older drawing of the message, but not a cancel or a reminder’s Continue', () => {
    const old = { ...ctx, actorId: 'U1', drawnVersion: guide.version - 1 };
    for (const type of ['next', 'back', 'begin_guide'] as const) {
      expect(can(guide, { type }, old)).toEqual({ ok: false, refusal: 'moved_on' });
    }
    expect(can(guide, { type: 'cancel' }, old)).toEqual({ ok: true });
    expect(can(guide, { type: 'repost', to: 'U1' }, old)).toEqual({ ok: true });
  });

  it('says which terminal phase refused', () => {
    expect(can({ ...guide, phase: 'cancelled' }, { type: 'repost', to: 'U1' }, ctx)).toEqual({
      ok: false,
      refusal: 'cancelled',
    });
  });

  it('opens the credentials form except while choosing or while a check runs', () => {
    expect(can(guide, { type: 'open_credentials' }, ctx).ok).toBe(true);
    const verifying = { ...guide, phase: 'verifying' as const, updatedAt: ctx.now };
    expect(can(verifying, { type: 'open_credentials' }, ctx)).toEqual({
      ok: false,
      refusal: 'busy_checking',
    });
    expect(can({ ...guide, phase: 'choose_variant' }, { type: 'open_credentials' }, ctx)).toEqual({
      ok: false,
      refusal: 'not_now',
    });
    expect(can(verifying, { type: 'open_help_form' }, ctx)).toEqual({ ok: false, refusal: 'not_now' });
  });

  it('checks an answer against the request: newest, addressed to this colleague, still open', () => {
    const asked = apply(guide, { type: 'request_help', colleagueId: 'U2' }).state;
    const granted = { type: 'help_granted' as const, by: 'U2', seq: 1 };
    expect(can(asked, granted, ctx)).toEqual({ ok: true });
    expect(can(asked, { ...granted, seq: 2 }, ctx)).toEqual({ ok: false, refusal: 'stale_request' });
    expect(can(asked, { ...granted, by: 'U3' }, ctx)).toEqual({ ok: false, refusal: 'not_colleague' });
    expect(can({ ...asked, phase: 'linked' }, granted, ctx)).toEqual({ ok: false, refusal: 'linked' });
    const answered = apply(asked, granted).state;
    expect(can(answered, granted, ctx)).toEqual({ ok: false, refusal: 'answered' });
  });
});

describe('effects: what each transition makes happen, in order', () => {
  const effectsOf = (state: FlowState, event: Parameters<typeof transition>[1]) =>
    apply(state, event).effects.map((effect) => effect.type);

  it('starts the check after the DM says "checking"', () => {
    expect(effectsOf(base, { type: 'submit_credentials', checkId: 'c1' })).toEqual([
      'render_dm',
      'run_check',
    ]);
  });

  it('stores the connection with the flow, then shows, announces and watches the expiry', () => {
    const linked = checked({ ok: true, details: [], expiresAt: '2027-01-01' });
    expect(linked.effects).toEqual([
      { type: 'save_connection', details: [], expiresAt: '2027-01-01' },
      { type: 'render_dm' },
      { type: 'hand_to_wintro' },
      { type: 'show_check_result', outcome: { ok: true, details: [], expiresAt: '2027-01-01' } },
      { type: 'notify_linked' },
      { type: 'watch_expiry', expiresAt: '2027-01-01' },
    ]);
  });

  it('asks a colleague: redraw, remember them, DM them, schedule the nudge', () => {
    expect(effectsOf(base, { type: 'request_help', colleagueId: 'U2' })).toEqual([
      'render_dm',
      'remember_helper',
      'send_help_request',
      'schedule_nudge',
    ]);
  });

  it('moves the message on a take-over and on a repost; recording where it landed has no effects', () => {
    const asked = apply(base, { type: 'request_help', colleagueId: 'U2' }).state;
    expect(apply(asked, { type: 'take_over', by: 'U2', seq: 1, to: 'D2' }).effects).toEqual([
      { type: 'post_dm', to: 'D2' },
      { type: 'mark_request_answered' },
      { type: 'retire_dm', notice: 'taken_over' },
      { type: 'tell_previous_holder' },
    ]);
    expect(apply(base, { type: 'repost', to: 'D1' }).effects).toEqual([
      { type: 'retire_dm', notice: 'continues_below' },
      { type: 'post_dm', to: 'D1' },
    ]);
    const posted = apply(base, { type: 'dm_posted', dm: { channelId: 'D1', ts: '1.2' } });
    expect(posted.effects).toEqual([]);
    expect(posted.state).toMatchObject({ dm: { channelId: 'D1', ts: '1.2' }, version: base.version + 1 });
  });
});

describe('a running check and its result', () => {
  const verifying = submitted();
  const good = { ok: true as const, details: [] };

  it('keeps the check id, and lands its result whatever else moved the flow meanwhile', () => {
    expect(verifying.check).toEqual({ id: 'c1', startedAt: ctx.now });
    const reposted = apply(verifying, { type: 'repost', to: 'D1' }).state;
    const linked = apply(reposted, { type: 'verified', outcome: good, checkId: 'c1' }).state;
    expect(linked).toMatchObject({ phase: 'linked', check: undefined });
  });

  it('refuses the result of another check, and of a check the flow has left', () => {
    expect(transition(verifying, { type: 'verified', outcome: good, checkId: 'c2' }, ctx)).toEqual({
      ok: false,
      refusal: 'not_now',
    });
    const cancelled = apply(verifying, { type: 'cancel' }).state;
    expect(transition(cancelled, { type: 'verified', outcome: good, checkId: 'c1' }, ctx).ok).toBe(false);
  });

  it('counts a check as cut off after the deadline the context gives', () => {
    const soon = { ...ctx, now: ctx.now + 5000, checkDeadlineMs: 10_000 };
    expect(isCheckStale(verifying, soon.now, soon.checkDeadlineMs)).toBe(false);
    expect(transition(verifying, { type: 'submit_credentials', checkId: 'c2' }, soon).ok).toBe(false);
    const late = { ...soon, now: ctx.now + 10_000 };
    expect(isCheckStale(verifying, late.now, late.checkDeadlineMs)).toBe(true);
    const ended = apply(
      verifying,
      { type: 'verification_abandoned', reason: 'x', checkId: 'c1' },
      late,
    ).state;
    expect(ended).toMatchObject({
      phase: 'credentials',
      check: undefined,
      lastOutcome: { code: 'interrupted' },
    });
  });
});
