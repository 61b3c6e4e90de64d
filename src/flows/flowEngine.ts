import { renderFlowMessage, renderVariantChoice, type SlackMessage } from '../blocks/flowMessage.js';
import { section } from '../blocks/kit.js';
import type { Logger } from '../logger.js';
import { type SlackGateway, slackErrorCode } from '../slack/gateway.js';
import type { FlowStore } from '../store/flowStore.js';
import type { Catalog } from '../systems/catalog.js';
import type { FlowState } from './state.js';
import { type FlowEvent, type TransitionResult, transition } from './transitions.js';

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
    }
  | { ok: false; reason: 'finished' | 'not_now' | 'conflict' | 'missing' };

/** Loads nothing itself: applies one event to a flow the caller read, stores it with compare-and-set, redraws the DM. */
export class FlowEngine {
  constructor(private readonly deps: EngineDeps) {}

  stepCount(state: FlowState): number {
    return this.deps.catalog.system(state.systemId)?.steps.length ?? 0;
  }

  async apply(state: FlowState, event: FlowEvent): Promise<ApplyResult> {
    const result = transition(state, event, { now: this.deps.now(), stepCount: this.stepCount(state) });
    if (!result.ok) return { ok: false, reason: result.refusal };
    const saved = await this.deps.flows.compareAndSet(state.version, result.state);
    if (saved !== 'saved') return { ok: false, reason: saved };
    if (result.effects.some((effect) => effect.type === 'render_dm')) await this.redraw(result.state);
    return { ok: true, previous: state, state: result.state, effects: result.effects };
  }

  render(state: FlowState, withImages = true): SlackMessage {
    const family = this.deps.catalog.family(state.systemId);
    if (state.phase === 'choose_variant' && family) return renderVariantChoice(state, family);
    const system = this.deps.catalog.system(state.systemId);
    if (!system)
      return {
        text: 'This setup is no longer available.',
        blocks: [section('This setup is no longer available.')],
      };
    return renderFlowMessage(state, system, { withImages, screenshotBaseUrl: this.deps.screenshotBaseUrl });
  }

  /** Posts the flow's message; if Slack cannot fetch a screenshot it posts the same step with links instead. */
  async post(channelId: string, state: FlowState): Promise<string> {
    try {
      return await this.deps.slack.post(channelId, this.render(state));
    } catch (error) {
      if (slackErrorCode(error) !== 'invalid_blocks') throw error;
      this.deps.logger.warn({ flowId: state.id }, 'Slack rejected the step with images; posting it without');
      return this.deps.slack.post(channelId, this.render(state, false));
    }
  }

  /** Draws the flow's DM message again in place. A failure is logged: the state is already saved. */
  async redraw(state: FlowState): Promise<void> {
    if (!state.dm) return;
    const { channelId, ts } = state.dm;
    try {
      await this.deps.slack.update(channelId, ts, this.render(state));
    } catch (error) {
      if (slackErrorCode(error) === 'invalid_blocks') {
        await this.deps.slack
          .update(channelId, ts, this.render(state, false))
          .catch((retryError: unknown) => {
            this.deps.logger.error(
              { flowId: state.id, error: slackErrorCode(retryError) },
              'Could not redraw the flow message',
            );
          });
        return;
      }
      this.deps.logger.error(
        { flowId: state.id, error: slackErrorCode(error) ?? String(error) },
        'Could not redraw the flow message',
      );
    }
  }
}
