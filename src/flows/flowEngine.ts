import { renderFlowMessage, renderVariantChoice, type SlackMessage } from '../blocks/flowMessage.js';
import { section } from '../blocks/kit.js';
import type { Logger } from '../logger.js';
import { describeSlackFailure, type SlackGateway, slackErrorCode } from '../slack/gateway.js';
import type { FlowStore } from '../store/flowStore.js';
import type { Catalog } from '../systems/catalog.js';
import type { FlowState } from './state.js';
import { type FlowEvent, type Refusal, type TransitionResult, transition } from './transitions.js';

export interface EngineDeps {
  flows: FlowStore;
  catalog: Catalog;
  slack: SlackGateway;
  logger: Logger;
  screenshotBaseUrl?: string;
  now: () => number;
}

export type ApplyResult =
  | {
      ok: true;
      previous: FlowState;
      state: FlowState;
      effects: Extract<TransitionResult, { ok: true }>['effects'];
      /** Set when the step was saved but Slack could not show it. */
      notShown?: string;
    }
  | { ok: false; reason: Refusal | 'conflict' | 'missing' };

/** Loads nothing itself: applies one event to a flow the caller read, stores it with compare-and-set, redraws the DM. */
export class FlowEngine {
  constructor(private readonly deps: EngineDeps) {}

  stepCount(state: FlowState): number {
    return this.deps.catalog.system(state.systemId)?.steps.length ?? 0;
  }

  /**
   * `moveTo` posts the next state's message somewhere new (e.g. the DM of whoever takes over) before it
   * is stored, and the flow's message moves there instead of being redrawn in place.
   */
  async apply(
    state: FlowState,
    event: FlowEvent,
    moveTo?: (next: FlowState) => Promise<FlowState['dm']>,
  ): Promise<ApplyResult> {
    const result = transition(state, event, { now: this.deps.now(), stepCount: this.stepCount(state) });
    if (!result.ok) return { ok: false, reason: result.refusal };
    const movedDm = moveTo ? await moveTo(result.state) : undefined;
    const next = movedDm ? { ...result.state, dm: movedDm } : result.state;
    const saved = await this.deps.flows.compareAndSet(state.version, next);
    if (saved !== 'saved') return { ok: false, reason: saved };
    const notShown =
      !movedDm && result.effects.some((effect) => effect.type === 'render_dm')
        ? await this.redraw(next)
        : undefined;
    return {
      ok: true,
      previous: state,
      state: next,
      effects: result.effects,
      ...(notShown ? { notShown } : {}),
    };
  }

  render(state: FlowState, withImages = true): SlackMessage {
    const family = this.deps.catalog.family(state.systemId);
    if (family) return renderVariantChoice(state, family);
    const system = this.deps.catalog.system(state.systemId);
    if (!system)
      return {
        text: 'This setup is no longer available.',
        blocks: [section('This setup is no longer available.')],
      };
    return renderFlowMessage(state, system, { withImages, screenshotBaseUrl: this.deps.screenshotBaseUrl });
  }

  /**
   * Posts the flow's message to a DM channel or a user id, and says where it landed. If Slack
   * cannot fetch a screenshot, the same step is posted with links instead.
   */
  async post(destination: string, state: FlowState): Promise<NonNullable<FlowState['dm']>> {
    const posted = await this.deps.slack.post(destination, this.render(state)).catch((error: unknown) => {
      if (slackErrorCode(error) !== 'invalid_blocks') throw error;
      this.deps.logger.warn({ flowId: state.id }, 'Slack rejected the step with images; posting it without');
      return this.deps.slack.post(destination, this.render(state, false));
    });
    return { channelId: posted.channel, ts: posted.ts };
  }

  /**
   * Posts the flow again at the bottom of a DM, where the person is looking, and retires the old
   * message. Used to resume a setup and to hand it back after a colleague helped.
   */
  async repost(existing: FlowState, destination: string): Promise<FlowState> {
    const { flows, slack, now, logger } = this.deps;
    const draft: FlowState = { ...existing, version: existing.version + 1, updatedAt: now() };
    if (existing.dm) {
      const retired = {
        text: 'This setup continues in a newer message below.',
        blocks: [section('This setup continues in a newer message below.')],
      };
      await slack.update(existing.dm.channelId, existing.dm.ts, retired).catch(() => undefined);
    }
    const state = { ...draft, dm: await this.post(destination, draft) };
    const saved = await flows.compareAndSet(existing.version, state);
    if (saved !== 'saved')
      logger.warn({ flowId: existing.id, saved }, 'A flow moved on while it was being reposted');
    return state;
  }

  /**
   * Draws the flow's DM message again in place. The state is already saved, so a Slack failure
   * does not undo anything: it is logged and described, for the caller to tell the person.
   */
  async redraw(state: FlowState): Promise<string | undefined> {
    if (!state.dm) return undefined;
    const { channelId, ts } = state.dm;
    try {
      await this.deps.slack.update(channelId, ts, this.render(state));
      return undefined;
    } catch (error) {
      const retried =
        slackErrorCode(error) === 'invalid_blocks'
          ? await this.deps.slack.update(channelId, ts, this.render(state, false)).then(
              () => undefined,
              (retryError: unknown) => retryError,
            )
          : error;
      if (!retried) return undefined;
      this.deps.logger.error(
        { flowId: state.id, error: slackErrorCode(retried) ?? (retried as Error).message },
        'Could not redraw the flow message',
      );
      return describeSlackFailure(retried);
    }
  }
}
