import type { SlackMessage } from '../blocks/flowMessage.js';
import { ACTIONS, decodeFlowRef } from '../blocks/ids.js';
import { section } from '../blocks/kit.js';
import { UNAVAILABLE_TEXT } from '../blocks/notices.js';
import {
  renderHelp,
  renderPicker,
  renderStatus,
  renderUnknownCommand,
  renderUnknownSystem,
} from '../blocks/replies.js';
import type { Logger } from '../logger.js';
import { describeSlackFailure, isSlackFailure, type SlackGateway } from '../slack/gateway.js';
import type { ConnectionStore } from '../store/connectionStore.js';
import { type FlowStore, newFlowId } from '../store/flowStore.js';
import type { OnceGuard } from '../store/once.js';
import type { Catalog } from '../systems/catalog.js';
import { type LinkTarget, parseCommand } from './commands.js';
import type { CredentialsDesk } from './credentialsDesk.js';
import type { FlowEngine } from './flowEngine.js';
import type { Answer, HandoverDesk } from './handoverDesk.js';
import { type FlowState, isTerminal } from './state.js';
import type { FlowEvent } from './transitions.js';

export interface ServiceDeps {
  flows: FlowStore;
  connections: ConnectionStore;
  once: OnceGuard;
  catalog: Catalog;
  slack: SlackGateway;
  engine: FlowEngine;
  desk: CredentialsDesk;
  handover: HandoverDesk;
  /** Starts the idle-reminder chain of a new flow. */
  watch: (teamId: string, flowId: string) => Promise<void>;
  logger: Logger;
  flowTtlSeconds: number;
  now: () => number;
}

export interface CommandInput {
  teamId: string;
  userId: string;
  text: string;
}

export interface CommandResult {
  /** What the person sees at once, inside Slack's 3-second window. */
  reply: SlackMessage;
  /** Slow work that runs after the reply; what it returns is sent to the person as a follow-up. */
  followUp?: () => Promise<SlackMessage | undefined>;
}

export interface ActionInput {
  teamId: string;
  userId: string;
  actionId: string;
  value?: string;
  triggerId?: string;
  channelId?: string;
  messageTs?: string;
}

const ANSWERS: Record<string, Answer> = {
  [ACTIONS.takeOver]: 'take',
  [ACTIONS.granted]: 'granted',
  [ACTIONS.decline]: 'decline',
};

/** Buttons that move the flow: they must come from its newest drawing. The others are safe from any. */
const NAVIGATION = new Set<string>([ACTIONS.begin, ACTIONS.next, ACTIONS.back]);

const EVENTS: Record<string, FlowEvent> = {
  [ACTIONS.begin]: { type: 'begin_guide' },
  [ACTIONS.next]: { type: 'next' },
  [ACTIONS.back]: { type: 'back' },
  [ACTIONS.cancel]: { type: 'cancel' },
};

const notice = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

const MOVED_ON = 'This step already moved on: use the newest message from Wintro in this conversation.';

/** What `/wintro` and the buttons of a flow do. Listeners hand requests here; Slack I/O goes through the gateway. */
export class LinkingService {
  constructor(private readonly deps: ServiceDeps) {}

  private linkWord(systemId: string): string {
    const { catalog } = this.deps;
    const system = catalog.system(systemId);
    const family = catalog.families.find(
      (candidate) =>
        candidate.id === systemId || candidate.variants.some((variant) => variant.systemId === systemId),
    );
    return family?.aliases[0] ?? system?.aliases[0] ?? systemId;
  }

  private matches(flow: FlowState, target: LinkTarget): boolean {
    if (target.type === 'system') return flow.systemId === target.id;
    const family = this.deps.catalog.family(target.id);
    return (
      flow.systemId === target.id ||
      Boolean(family?.variants.some((variant) => variant.systemId === flow.systemId))
    );
  }

  async command({ teamId, userId, text }: CommandInput): Promise<CommandResult> {
    const { catalog } = this.deps;
    const command = parseCommand(text, catalog);
    switch (command.kind) {
      case 'help':
        return { reply: renderHelp(catalog) };
      case 'pick':
        return { reply: renderPicker(catalog) };
      case 'unknown_system':
        return { reply: renderUnknownSystem(catalog, command.input, command.suggestion) };
      case 'unknown':
        return { reply: renderUnknownCommand(catalog, command.input, command.suggestion) };
      case 'status':
        return { reply: await this.status(teamId, userId) };
      case 'cancel':
        return { reply: await this.cancel(teamId, userId, command.target) };
      case 'link':
        return this.link(teamId, userId, command.target);
    }
  }

  link(teamId: string, userId: string, target: LinkTarget): CommandResult {
    const { catalog } = this.deps;
    const name = target.type === 'family' ? catalog.family(target.id)?.name : catalog.system(target.id)?.name;
    return {
      reply: notice(`:wave: I've sent you a direct message: the ${name ?? target.id} setup continues there.`),
      followUp: async () => {
        try {
          await this.startOrResume(teamId, userId, target);
          return undefined;
        } catch (error) {
          this.deps.logger.error({ teamId, error: (error as Error).message }, 'Could not start a flow');
          if (!isSlackFailure(error)) return notice(UNAVAILABLE_TEXT);
          return notice(
            `I couldn't send you a direct message, so the ${name ?? target.id} setup did not start: ${describeSlackFailure(error)} Run the command again in a minute; if it keeps failing, check that direct messages from Wintro are allowed.`,
          );
        }
      },
    };
  }

  async startOrResume(teamId: string, userId: string, target: LinkTarget): Promise<FlowState> {
    const { flows, engine, now } = this.deps;
    const active = await flows.activeFor(teamId, userId);
    const existing = active.find((flow) => this.matches(flow, target));
    // Posting to the user id lands in their DM with the bot, without opening it first.
    if (existing) return engine.repost(existing, existing.dm?.channelId ?? userId);

    const at = now();
    const draft: FlowState = {
      id: newFlowId(),
      teamId,
      systemId: target.id,
      starterId: userId,
      holderId: userId,
      phase: target.type === 'family' ? 'choose_variant' : 'prerequisites',
      stepIndex: 0,
      attempts: 0,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const state = { ...draft, dm: await engine.post(userId, draft) };
    await flows.create(state);
    await this.deps.watch(teamId, state.id);
    return state;
  }

  private async status(teamId: string, userId: string): Promise<SlackMessage> {
    const [active, connections] = await Promise.all([
      this.deps.flows.activeFor(teamId, userId),
      this.deps.connections.list(teamId),
    ]);
    return renderStatus(this.deps.catalog, active, connections);
  }

  private async cancel(teamId: string, userId: string, target?: LinkTarget): Promise<SlackMessage> {
    const active = await this.deps.flows.activeFor(teamId, userId);
    const chosen = target ? active.filter((flow) => this.matches(flow, target)) : active;
    if (chosen.length === 0) return notice('You have no setup in progress, so there is nothing to cancel.');
    const cancelled: string[] = [];
    for (const flow of chosen) {
      const result = await this.deps.engine.apply(flow, { type: 'cancel' });
      if (result.ok) cancelled.push(this.nameOf(flow.systemId));
    }
    if (cancelled.length === 0)
      return notice('That setup just changed; run `/wintro status` to see where it is.');
    return notice(`Cancelled your ${cancelled.join(' and ')} setup. Nothing was saved.`);
  }

  private nameOf(systemId: string): string {
    const { catalog } = this.deps;
    return catalog.system(systemId)?.name ?? catalog.family(systemId)?.name ?? systemId;
  }

  /** A button in the picker or in a flow message. Returns a notice for the person, if any. */
  async action(input: ActionInput): Promise<string | undefined> {
    const { actionId, teamId, userId } = input;
    if (actionId.startsWith(`${ACTIONS.pick}:`)) {
      const [type, id] = (input.value ?? '').split(':');
      const target = this.pickTarget(type, id);
      if (!target) return 'That choice is no longer available. Type `/wintro link` to see the list again.';
      await this.startOrResume(teamId, userId, target);
      return `The ${this.nameOf(target.id)} setup continues in your direct messages with Wintro.`;
    }

    const ref = decodeFlowRef(input.value);
    if (!ref) return 'That button no longer works. Type `/wintro status` to see where your setup is.';
    const answer = ANSWERS[actionId];
    if (answer) {
      return this.deps.handover.answer({
        teamId,
        userId,
        answer,
        flowId: ref.flowId,
        seq: ref.version,
        channelId: input.channelId,
        messageTs: input.messageTs,
        triggerId: input.triggerId,
      });
    }
    const flow = await this.deps.flows.get(teamId, ref.flowId);
    if (!flow) return this.expiredText();
    if (flow.holderId !== userId) {
      return `Only <@${flow.holderId}> can continue this ${this.nameOf(flow.systemId)} setup. To link it yourself, type \`/wintro link ${this.linkWord(flow.systemId)}\`.`;
    }
    if (isTerminal(flow)) return this.finishedText(flow);
    const variant = actionId.startsWith(`${ACTIONS.variant}:`)
      ? actionId.slice(ACTIONS.variant.length + 1)
      : undefined;
    if ((variant || NAVIGATION.has(actionId)) && flow.version !== ref.version) return MOVED_ON;

    switch (actionId) {
      case ACTIONS.credentials:
        if (!input.triggerId) return 'Slack did not let me open the form. Click the button again.';
        return this.deps.desk.open(flow, input.triggerId);
      case ACTIONS.help:
        if (!input.triggerId) return 'Slack did not let me open the form. Click the button again.';
        return this.deps.handover.openHelpForm(flow, input.triggerId);
      case ACTIONS.resume:
        await this.deps.engine.repost(flow, input.channelId ?? userId);
        return undefined;
    }
    const event: FlowEvent | undefined = variant
      ? { type: 'choose_variant', systemId: variant }
      : EVENTS[actionId];
    if (!event || (variant && !this.deps.catalog.system(variant)))
      return 'That button is not one I know. Type `/wintro help`.';
    const result = await this.deps.engine.apply(flow, event);
    if (result.ok && result.notShown) {
      return `Your step is saved, but I could not show it: ${result.notShown} Type \`/wintro link ${this.linkWord(flow.systemId)}\` to see it again.`;
    }
    if (result.ok) return undefined;
    if (result.reason === 'missing') return this.expiredText();
    if (result.reason === 'finished') return this.finishedText(flow);
    return MOVED_ON;
  }

  private pickTarget(type: string | undefined, id: string | undefined): LinkTarget | undefined {
    if (!id) return undefined;
    if (type === 'system' && this.deps.catalog.system(id)) return { type: 'system', id };
    if (type === 'family' && this.deps.catalog.family(id)) return { type: 'family', id };
    return undefined;
  }

  private expiredText(): string {
    const days = Math.round(this.deps.flowTtlSeconds / 86400);
    const kept = days >= 1 ? `${days} day${days === 1 ? '' : 's'}` : `${this.deps.flowTtlSeconds} seconds`;
    return `This setup has expired: unfinished setups are kept for ${kept}. Start again with \`/wintro link\`.`;
  }

  private finishedText(flow: FlowState): string {
    return flow.phase === 'linked'
      ? `${this.nameOf(flow.systemId)} is already linked. Type \`/wintro status\` to see every linked system.`
      : `This setup was cancelled. Start again with \`/wintro link ${this.linkWord(flow.systemId)}\`.`;
  }
}
