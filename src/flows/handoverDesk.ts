import {
  COLLEAGUE_BLOCK,
  NOTE_MAX,
  REASON_BLOCK,
  type RequestMessageRef,
  renderAnsweredRequest,
  renderDeclinedNotice,
  renderDeclineModal,
  renderGrantedNotice,
  renderHelpModal,
  renderHelpRequest,
  renderStaleRequest,
  renderTakenOverNotice,
} from '../blocks/handover.js';
import type { Logger } from '../logger.js';
import type { ReminderScheduler } from '../reminders/scheduler.js';
import type { SlackGateway } from '../slack/gateway.js';
import type { FlowStore } from '../store/flowStore.js';
import type { HelperSuggestions } from '../store/helperSuggestions.js';
import type { OnceGuard } from '../store/once.js';
import type { Catalog } from '../systems/catalog.js';
import type { FlowEngine } from './flowEngine.js';
import { type FlowState, isTerminal } from './state.js';
import { transition } from './transitions.js';

export interface HandoverDeps {
  flows: FlowStore;
  catalog: Catalog;
  slack: SlackGateway;
  engine: FlowEngine;
  once: OnceGuard;
  suggestions: HelperSuggestions;
  scheduler: ReminderScheduler;
  nudgeAfterMs: number;
  logger: Logger;
  now: () => number;
}

export type FormAck = { response_action: 'errors'; errors: Record<string, string> } | undefined;

export interface FormResult {
  ack: FormAck;
  afterAck?: () => Promise<void>;
}

export type Answer = 'take' | 'granted' | 'decline';

export interface AnswerInput {
  teamId: string;
  userId: string;
  answer: Answer;
  flowId: string;
  seq: number;
  channelId?: string;
  messageTs?: string;
  triggerId?: string;
}

// Control characters and bidirectional overrides can disguise what a note says.
const INVISIBLE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** A note typed by a person: visible characters only, line breaks kept, bounded. */
const clean = (text: string | undefined) =>
  (text ?? '')
    .normalize('NFKC')
    .split('\n')
    .map((line) => line.replace(INVISIBLE, ''))
    .join('\n')
    .trim()
    .slice(0, NOTE_MAX);

/**
 * Turns a missing permission into a hand-over: asks a colleague, who takes over, grants the
 * access, or declines with a reason; every answer reaches the person who asked.
 */
export class HandoverDesk {
  constructor(private readonly deps: HandoverDeps) {}

  async openHelpForm(flow: FlowState, triggerId: string): Promise<string | undefined> {
    const system = this.deps.catalog.system(flow.systemId);
    const allowed = transition(
      flow,
      { type: 'request_help', colleagueId: 'U0' },
      { now: this.deps.now(), stepCount: 0 },
    );
    if (!system || !allowed.ok)
      return 'You can ask for help once the setup is at a step, not while a check runs.';
    const suggestion = await this.deps.suggestions.suggest(flow.teamId, flow.systemId);
    await this.deps.slack.openModal(
      triggerId,
      renderHelpModal(flow.id, system, suggestion && suggestion !== flow.holderId ? suggestion : undefined),
    );
    return undefined;
  }

  async submitHelp(input: {
    teamId: string;
    userId: string;
    flowId: string;
    colleagueId?: string;
    note?: string;
  }): Promise<FormResult> {
    const { flows, catalog } = this.deps;
    const flow = await flows.get(input.teamId, input.flowId);
    const system = flow ? catalog.system(flow.systemId) : undefined;
    const error = (message: string, block = COLLEAGUE_BLOCK): FormResult => ({
      ack: { response_action: 'errors', errors: { [block]: message } },
    });
    if (!flow || !system || isTerminal(flow))
      return error('This setup has ended or expired. Close this form.');
    if (flow.holderId !== input.userId)
      return error('Only the person running this setup can ask for help with it.');
    if (!input.colleagueId) return error('Choose the colleague who can give you access.');
    if (input.colleagueId === input.userId)
      return error('Choose someone else: this request goes to the person who can grant the access.');
    const note = clean(input.note);
    return {
      ack: undefined,
      afterAck: async () => {
        const result = await this.deps.engine.apply(flow, {
          type: 'request_help',
          colleagueId: input.colleagueId as string,
          ...(note ? { note } : {}),
        });
        if (!result.ok) {
          await this.tellHolder(
            flow,
            'Your setup moved on while you were choosing; open the newest message and ask again.',
          );
          return;
        }
        await this.deps.suggestions.remember(flow.teamId, flow.systemId, input.colleagueId as string);
        await this.sendRequest(result.state, false);
        const seq = result.state.handover?.seq ?? 0;
        await this.deps.scheduler
          .schedule({ kind: 'nudge', teamId: flow.teamId, flowId: flow.id, seq }, this.deps.nudgeAfterMs)
          .catch((error: unknown) => {
            this.deps.logger.warn(
              { flowId: flow.id, error: (error as Error).message },
              'Could not schedule the nudge',
            );
          });
      },
    };
  }

  /** DMs the colleague the request (or its reminder), once per request and kind. */
  async sendRequest(state: FlowState, reminder: boolean): Promise<boolean> {
    const system = this.deps.catalog.system(state.systemId);
    const handover = state.handover;
    if (!system || !handover) return false;
    const onceKey = `help:${state.id}:${handover.seq}:${reminder ? 'reminder' : 'request'}`;
    if (!(await this.deps.once.claim(state.teamId, onceKey))) return false;
    try {
      await this.deps.slack.post(handover.colleagueId, renderHelpRequest(state, system, reminder));
      return true;
    } catch (error) {
      await this.deps.once.release(state.teamId, onceKey);
      this.deps.logger.warn(
        { flowId: state.id, error: (error as Error).message },
        'Could not DM the colleague',
      );
      if (!reminder) {
        await this.tellHolder(
          state,
          `I couldn't send your request to <@${handover.colleagueId}> (Slack refused the direct message). Ask someone else, or send them this setup's details yourself.`,
        );
      }
      return false;
    }
  }

  async answer(input: AnswerInput): Promise<string | undefined> {
    const flow = await this.deps.flows.get(input.teamId, input.flowId);
    const system = flow ? this.deps.catalog.system(flow.systemId) : undefined;
    if (!flow || !system) return 'This setup has ended or expired; nothing to do.';
    const handover = flow.handover;
    if (!handover || handover.seq !== input.seq)
      return 'This request was replaced by a newer one; nothing to do here.';
    if (handover.colleagueId !== input.userId)
      return `Only <@${handover.colleagueId}> can answer this request.`;
    if (isTerminal(flow))
      return `This ${system.name} setup has ${flow.phase === 'linked' ? 'been linked' : 'been cancelled'} already.`;
    if (handover.status !== 'asked') return 'You already answered this request.';

    if (input.answer === 'decline') {
      if (!input.triggerId) return 'Slack did not let me open the form. Click the button again.';
      const ref: RequestMessageRef = {
        flowId: flow.id,
        seq: handover.seq,
        ...(input.channelId ? { channelId: input.channelId } : {}),
        ...(input.messageTs ? { ts: input.messageTs } : {}),
      };
      await this.deps.slack.openModal(input.triggerId, renderDeclineModal(ref));
      return undefined;
    }
    if (input.answer === 'granted') {
      const result = await this.deps.engine.apply(flow, {
        type: 'help_granted',
        by: input.userId,
        seq: input.seq,
      });
      if (!result.ok) return 'This request was answered already.';
      await this.updateRequestMessage(input, renderAnsweredRequest(result.state, system));
      await this.handBack(result.state, renderGrantedNotice(result.state, system));
      return undefined;
    }

    const previousHolder = flow.holderId;
    const result = await this.deps.engine.apply(
      flow,
      { type: 'take_over', by: input.userId, seq: input.seq },
      (next) => this.deps.engine.post(input.channelId ?? input.userId, next),
    );
    if (!result.ok) return 'This request was answered already.';
    await this.updateRequestMessage(input, renderAnsweredRequest(result.state, system));
    if (flow.dm) {
      await this.deps.slack
        .update(flow.dm.channelId, flow.dm.ts, renderTakenOverNotice(result.state, system, previousHolder))
        .catch(() => undefined);
    }
    await this.tellUser(previousHolder, renderTakenOverNotice(result.state, system, previousHolder).text);
    return undefined;
  }

  async submitDecline(input: {
    teamId: string;
    userId: string;
    /** From the form's private_metadata, parsed by the listener. */
    ref: RequestMessageRef;
    reason?: string;
  }): Promise<FormResult> {
    const { ref } = input;
    const reason = clean(input.reason);
    if (!reason)
      return {
        ack: {
          response_action: 'errors',
          errors: { [REASON_BLOCK]: 'Say in a few words why, so they know whom to ask next.' },
        },
      };
    return {
      ack: undefined,
      afterAck: async () => {
        const flow = await this.deps.flows.get(input.teamId, ref.flowId);
        const system = flow ? this.deps.catalog.system(flow.systemId) : undefined;
        if (!flow || !system) return;
        const result = await this.deps.engine.apply(flow, {
          type: 'help_declined',
          by: input.userId,
          seq: ref.seq,
          reason,
        });
        const target = { channelId: ref.channelId, messageTs: ref.ts };
        if (!result.ok) {
          await this.updateRequestMessage(
            target,
            renderStaleRequest('This request was already answered or replaced.'),
          );
          return;
        }
        await this.updateRequestMessage(target, renderAnsweredRequest(result.state, system));
        await this.tellUser(result.state.holderId, renderDeclinedNotice(result.state, system).text);
      },
    };
  }

  /** After access was granted: the holder gets a DM and the setup again at the bottom of it. */
  private async handBack(state: FlowState, notice: { text: string; blocks: unknown[] }) {
    try {
      const { channel } = await this.deps.slack.post(state.holderId, notice as never);
      await this.deps.engine.repost(state, channel);
    } catch (error) {
      this.deps.logger.warn(
        { flowId: state.id, error: (error as Error).message },
        'Could not hand the setup back',
      );
    }
  }

  private async updateRequestMessage(
    target: { channelId?: string; messageTs?: string },
    message: { text: string; blocks: unknown[] },
  ) {
    if (!target.channelId || !target.messageTs) return;
    await this.deps.slack.update(target.channelId, target.messageTs, message as never).catch(() => undefined);
  }

  private async tellHolder(flow: FlowState, text: string) {
    await this.tellUser(flow.holderId, text);
  }

  private async tellUser(userId: string, text: string) {
    try {
      await this.deps.slack.post(userId, {
        text,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
      });
    } catch (error) {
      this.deps.logger.warn({ error: (error as Error).message }, 'Could not DM a user');
    }
  }
}
