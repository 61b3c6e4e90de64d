import type { KnownBlock } from '@slack/types';
import type { FlowState } from '../flows/state.js';
import type { Translate } from '../messages/index.js';
import type { GuideStep, LinkableSystem, Screenshot, SystemFamily } from '../systems/types.js';
import { ACTIONS, encodeFlowRef } from './ids.js';
import { actions, type ButtonSpec, context, divider, escapeText, header, image, section } from './kit.js';
import type { SlackMessage } from './message.js';
import { type HandoverView, wintroHandoverBlocks } from './wintroHandover.js';

export type { SlackMessage } from './message.js';

export interface RenderOptions {
  /** With a base URL every screenshot comes from `<base>/<key>.png` (images Wintro hosts). */
  screenshotBaseUrl?: string;
  /** False after Slack could not fetch an image: the step is drawn as text with links instead. */
  withImages: boolean;
  /** The vendor's approval page for this drawing (one-click linking), with its single-use state. */
  authorizeUrl?: string;
  /** A linked setup: where its hand-over to Wintro stands (unset when nothing is handed over). */
  handover?: HandoverView;
}

export function screenshotUrl(shot: Screenshot | undefined, options: RenderOptions): string | undefined {
  if (!shot) return undefined;
  if (options.screenshotBaseUrl) return `${options.screenshotBaseUrl.replace(/\/+$/, '')}/${shot.key}.png`;
  return shot.url;
}

function stepBlocks(tr: Translate, step: GuideStep, options: RenderOptions, prefix = ''): KnownBlock[] {
  const url = screenshotUrl(step.screenshot, options);
  const blocks: KnownBlock[] = [section(`${prefix}*${step.title}*\n${step.text}`)];
  if (url && step.screenshot && options.withImages) blocks.push(image(url, step.screenshot.alt));
  else if (url && step.screenshot)
    blocks.push(context(tr('ui.flow.screenshotLink', { url, alt: step.screenshot.alt })));
  return blocks;
}

const cancelButton = (tr: Translate, ref: string): ButtonSpec => ({
  text: tr('ui.button.cancelSetup'),
  actionId: ACTIONS.cancel,
  value: ref,
  style: 'danger',
});

/** The message after a setup was cancelled, with the word that starts it again. */
const cancelledMessage = (tr: Translate, name: string, word: string): SlackMessage => ({
  text: tr('ui.flow.cancelledText', { system: name }),
  blocks: [header(tr('ui.flow.title', { system: name })), section(tr('ui.flow.cancelled', { word }))],
});

/** Where a request for help stands, under the flow's buttons. */
function handoverBlocks(tr: Translate, state: FlowState): KnownBlock[] {
  const handover = state.handover;
  if (!handover || handover.status === 'taken') return [];
  const colleague = handover.colleagueId;
  switch (handover.status) {
    case 'asked':
      return [context(tr('ui.flow.helpAsked', { colleague }))];
    case 'granted':
      return [context(tr('ui.flow.helpGranted', { colleague }))];
    case 'declined':
      return [
        section(
          handover.declineReason
            ? tr('ui.flow.helpDeclinedBecause', { colleague, reason: escapeText(handover.declineReason) })
            : tr('ui.flow.helpDeclined', { colleague }),
        ),
        actions('handover', [
          {
            text: tr('ui.button.askSomeoneElse'),
            actionId: ACTIONS.help,
            value: encodeFlowRef(state.id, state.version),
          },
        ]),
      ];
  }
}

function outcomeBlocks(state: FlowState): KnownBlock[] {
  const outcome = state.lastOutcome;
  if (!outcome) return [];
  return [section(`:warning: *${outcome.title}*\n${outcome.detail}`)];
}

/** A flow of a vendor with several kinds of credentials, before the kind is chosen. Pure. */
export function renderVariantChoice(tr: Translate, state: FlowState, family: SystemFamily): SlackMessage {
  const ref = encodeFlowRef(state.id, state.version);
  if (state.phase === 'cancelled') return cancelledMessage(tr, family.name, family.aliases[0] ?? family.id);
  return {
    text: tr('ui.flow.variantText', { system: family.name, question: family.question }),
    blocks: [
      header(tr('ui.flow.title', { system: family.name })),
      section(family.question),
      ...family.variants.map((variant) => section(`*${variant.label}*\n${variant.description}`)),
      actions('variant', [
        ...family.variants.map((variant) => ({
          text: variant.label,
          actionId: `${ACTIONS.variant}:${variant.systemId}`,
          value: ref,
        })),
        cancelButton(tr, ref),
      ]),
    ],
  };
}

/**
 * The prerequisites when the system links in one click: the approval button first (with who can
 * approve), then the manual guide as the other way. Pure.
 */
function oneClickPrerequisites(
  tr: Translate,
  state: FlowState,
  system: LinkableSystem,
  authorization: NonNullable<LinkableSystem['authorization']>,
  options: RenderOptions,
): SlackMessage {
  const ref = encodeFlowRef(state.id, state.version);
  return {
    text: tr('ui.flow.prerequisitesText', { system: system.name }),
    blocks: [
      header(tr('ui.flow.title', { system: system.name })),
      section(authorization.text),
      ...outcomeBlocks(state),
      actions('authorize', [
        {
          text: authorization.buttonLabel,
          actionId: ACTIONS.authorize,
          value: ref,
          url: options.authorizeUrl,
          style: 'primary',
        },
      ]),
      divider(),
      section(`${authorization.manualIntro}\n${system.prerequisites.text}`),
      ...system.prerequisites.selfCheck.flatMap((step, index) =>
        stepBlocks(tr, step, options, `${index + 1}. `),
      ),
      section(tr('ui.flow.prerequisitesMissing', { whoCanHelp: system.prerequisites.whoCanHelp })),
      actions('prerequisites', [
        { text: authorization.manualButton, actionId: ACTIONS.begin, value: ref },
        { text: tr('ui.flow.haveCredentials'), actionId: ACTIONS.credentials, value: ref },
        { text: tr('ui.flow.lackAccess'), actionId: ACTIONS.help, value: ref },
        cancelButton(tr, ref),
      ]),
      ...handoverBlocks(tr, state),
    ],
  };
}

/** The DM message for a flow, drawn again in place after every step. Pure. */
export function renderFlowMessage(
  tr: Translate,
  state: FlowState,
  system: LinkableSystem,
  options: RenderOptions,
): SlackMessage {
  const ref = encodeFlowRef(state.id, state.version);
  const total = system.steps.length;
  const title = tr('ui.flow.title', { system: system.name });

  switch (state.phase) {
    case 'choose_variant':
    case 'prerequisites':
      if (system.authorization && options.authorizeUrl) {
        return oneClickPrerequisites(tr, state, system, system.authorization, options);
      }
      return {
        text: tr('ui.flow.prerequisitesText', { system: system.name }),
        blocks: [
          header(title),
          context(tr('ui.flow.prerequisitesIntro', { total })),
          section(system.prerequisites.text),
          ...system.prerequisites.selfCheck.flatMap((step, index) =>
            stepBlocks(tr, step, options, `${index + 1}. `),
          ),
          section(tr('ui.flow.prerequisitesMissing', { whoCanHelp: system.prerequisites.whoCanHelp })),
          actions('prerequisites', [
            { text: tr('ui.flow.startGuide'), actionId: ACTIONS.begin, value: ref, style: 'primary' },
            { text: tr('ui.flow.haveCredentials'), actionId: ACTIONS.credentials, value: ref },
            { text: tr('ui.flow.lackAccess'), actionId: ACTIONS.help, value: ref },
            cancelButton(tr, ref),
          ]),
          ...handoverBlocks(tr, state),
        ],
      };
    case 'guide': {
      const step = system.steps[state.stepIndex] ?? system.steps[0];
      const isLast = state.stepIndex >= total - 1;
      const position = { system: system.name, step: state.stepIndex + 1, total };
      const dots = `${'●'.repeat(state.stepIndex + 1)}${'○'.repeat(Math.max(0, total - state.stepIndex - 1))}`;
      return {
        text: step
          ? tr('ui.flow.guideText', { ...position, title: step.title })
          : tr('ui.flow.guideTextWithoutStep', position),
        blocks: [
          header(title),
          context(`*${tr('ui.flow.progress', position)}* ${dots}`),
          ...(step ? stepBlocks(tr, step, options) : []),
          actions('guide', [
            { text: tr('ui.button.back'), actionId: ACTIONS.back, value: ref },
            isLast
              ? {
                  text: tr('ui.button.enterCredentials'),
                  actionId: ACTIONS.credentials,
                  value: ref,
                  style: 'primary',
                }
              : { text: tr('ui.button.next'), actionId: ACTIONS.next, value: ref, style: 'primary' },
            cancelButton(tr, ref),
          ]),
          ...handoverBlocks(tr, state),
        ],
      };
    }
    case 'credentials':
      return {
        text: tr('ui.flow.credentialsText', { system: system.name }),
        blocks: [
          header(title),
          context(tr('ui.flow.credentialsProgress', { total })),
          section(state.lastOutcome ? tr('ui.flow.credentialsRetry') : tr('ui.flow.credentialsReady')),
          ...outcomeBlocks(state),
          actions('credentials', [
            { text: tr('ui.flow.backToGuide'), actionId: ACTIONS.back, value: ref },
            {
              text: tr('ui.button.enterCredentials'),
              actionId: ACTIONS.credentials,
              value: ref,
              style: 'primary',
            },
            ...(state.lastOutcome?.missing?.length
              ? [{ text: tr('ui.flow.askColleague'), actionId: ACTIONS.help, value: ref }]
              : []),
            cancelButton(tr, ref),
          ]),
          ...handoverBlocks(tr, state),
        ],
      };
    case 'verifying':
      return {
        text: tr('ui.flow.verifyingText', { system: system.name, vendor: system.vendor }),
        // Never a dead end: the setup can be cancelled while the check runs.
        blocks: [
          header(title),
          section(tr('ui.flow.verifying', { vendor: system.vendor })),
          actions('verifying', [cancelButton(tr, ref)]),
        ],
      };
    case 'linked':
      return {
        text: tr('ui.flow.linkedText', { system: system.name }),
        blocks: [
          header(tr('ui.flow.linkedTitle', { system: system.name })),
          section(tr('ui.flow.linked', { system: system.name })),
          ...(state.linkedDetails?.length
            ? [section(state.linkedDetails.map((detail) => `*${detail.label}:* ${detail.value}`).join('\n'))]
            : []),
          ...wintroHandoverBlocks(tr, options.handover, system.name),
          divider(),
          context(tr('ui.flow.linkedBy', { user: state.holderId })),
        ],
      };
    case 'cancelled':
      return cancelledMessage(tr, system.name, system.aliases[0] ?? system.id);
  }
}
