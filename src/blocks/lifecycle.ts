import type { Linkers } from '../config.js';
import type { LinkerDecision } from '../connections/linkers.js';
import type { Translate } from '../messages/index.js';
import type { ConnectionSummary } from '../store/connectionStore.js';
import { slackDate } from './homeTab.js';
import { ACTIONS, encodeConnectionRef } from './ids.js';
import { actions, section } from './kit.js';
import type { SlackMessage } from './message.js';

type Refused = Exclude<LinkerDecision, { ok: true }>;

/** Who may link, in a few words ("a Slack workspace admin or owner", "a member of @hr-systems"). */
export const whoMayLink = (tr: Translate, linkers: Exclude<Linkers, { kind: 'anyone' }>) =>
  linkers.kind === 'admins'
    ? tr('lifecycle.linkers.whoAdmins')
    : tr('lifecycle.linkers.whoGroup', { group: linkers.groupId });

/**
 * The answer to someone WINTRO_LINKERS does not allow (who can, and a button to ask one of them),
 * or — when Slack could not say — that the check failed and can be tried again. Pure.
 * `askValue`: the link target to ask help for (none: no ask button); `retryCommand`: the command
 * the Try again button runs again.
 */
export function renderLinkerRefusal(
  tr: Translate,
  refused: Refused,
  options: { askValue?: string; retryCommand: string },
): SlackMessage {
  if (refused.reason === 'unknown') {
    const text = tr('lifecycle.linkers.checkFailed');
    return {
      text,
      blocks: [
        section(`:warning: ${text}`),
        actions('linkers', [
          { text: tr('lifecycle.linkers.retry'), actionId: ACTIONS.retryLinker, value: options.retryCommand },
        ]),
      ],
    };
  }
  const { linkers } = refused;
  const named = refused.examples?.length
    ? ` ${tr('lifecycle.linkers.someAdmins', { users: refused.examples.map((user) => `<@${user}>`).join(', ') })}`
    : '';
  const text =
    linkers.kind === 'admins'
      ? `${tr('lifecycle.linkers.notAllowedAdmins')}${named}`
      : tr('lifecycle.linkers.notAllowedGroup', { group: linkers.groupId });
  return {
    text,
    blocks: [
      section(`:lock: ${text}`),
      ...(options.askValue
        ? [
            actions('linkers', [
              {
                text: tr('lifecycle.linkers.ask'),
                actionId: ACTIONS.askLinker,
                value: options.askValue,
                style: 'primary' as const,
              },
            ]),
          ]
        : []),
    ],
  };
}

/** What the last re-check of a connection found, in a few words. */
export function lastCheck(tr: Translate, connection: ConnectionSummary): string {
  const { health } = connection;
  if (!health) return tr('lifecycle.replace.checkNever');
  if (health.state === 'broken')
    return tr('lifecycle.replace.checkBroken', {
      when: slackDate(tr, health.brokenSince ?? health.checkedAt),
      title: health.failure?.title ?? '',
    });
  return tr('lifecycle.replace.checkWorking', { when: slackDate(tr, health.checkedAt) });
}

/** Before replacing a linked system: who linked it, when, how it last checked, and a confirm button. Pure. */
export function renderReplaceQuestion(
  tr: Translate,
  name: string,
  connection: ConnectionSummary,
): SlackMessage {
  const who = { system: name, user: connection.linkedBy };
  const ref = encodeConnectionRef(connection.systemId, connection.flowId);
  return {
    text: tr('lifecycle.replace.questionText', who),
    blocks: [
      section(
        tr('lifecycle.replace.question', {
          ...who,
          when: slackDate(tr, connection.linkedAt),
          check: lastCheck(tr, connection),
        }),
      ),
      actions('replace', [
        {
          text: tr('lifecycle.replace.confirm', { system: name }),
          actionId: ACTIONS.confirmReplace,
          value: ref,
          style: 'primary',
        },
        { text: tr('lifecycle.replace.keep'), actionId: ACTIONS.keepConnection, value: connection.systemId },
      ]),
    ],
  };
}

/** Before unlinking: who linked it and when, and a confirm button. Pure. */
export function renderUnlinkQuestion(
  tr: Translate,
  name: string,
  connection: ConnectionSummary,
): SlackMessage {
  const who = { system: name, user: connection.linkedBy };
  return {
    text: tr('lifecycle.unlink.questionText', who),
    blocks: [
      section(tr('lifecycle.unlink.question', { ...who, when: slackDate(tr, connection.linkedAt) })),
      actions('unlink', [
        {
          text: tr('lifecycle.unlink.confirm', { system: name }),
          actionId: ACTIONS.confirmUnlink,
          value: encodeConnectionRef(connection.systemId, connection.flowId),
          style: 'danger',
        },
        { text: tr('lifecycle.unlink.keep'), actionId: ACTIONS.keepConnection, value: connection.systemId },
      ]),
    ],
  };
}

/** `/wintro unlink` alone: every linked system with a button that asks about unlinking it. Pure. */
export function renderUnlinkPicker(
  tr: Translate,
  linked: { name: string; connection: ConnectionSummary }[],
): SlackMessage {
  if (linked.length === 0) {
    const text = tr('lifecycle.unlink.nothingLinked');
    return { text, blocks: [section(text)] };
  }
  const lines = linked.map(({ name, connection }) =>
    tr('lifecycle.unlink.pickLine', {
      system: name,
      user: connection.linkedBy,
      when: slackDate(tr, connection.linkedAt),
    }),
  );
  return {
    text: tr('lifecycle.unlink.pickText'),
    blocks: [
      section(tr('lifecycle.unlink.pick')),
      section(lines.join('\n')),
      actions(
        'unlink.pick',
        linked.map(({ name, connection }) => ({
          text: tr('lifecycle.unlink.button', { system: name }),
          actionId: ACTIONS.homeUnlink,
          value: connection.systemId,
        })),
      ),
    ],
  };
}

/** What the person who unlinked is told: done, and the step left in the vendor's settings. Pure. */
export function unlinkedText(
  tr: Translate,
  system: { name: string; vendor: string; revokePath?: string },
  handedToWintro: boolean,
): string {
  const done = tr(handedToWintro ? 'lifecycle.unlink.done' : 'lifecycle.unlink.doneHere', {
    system: system.name,
  });
  return `${done}\n${vendorHint(tr, system)}`;
}

/** Where in the vendor's settings the API credential Wintro used is deleted. */
export const vendorHint = (tr: Translate, system: { vendor: string; revokePath?: string }) =>
  system.revokePath
    ? tr('lifecycle.unlink.vendorHint', { vendor: system.vendor, path: system.revokePath })
    : tr('lifecycle.unlink.vendorHintGeneric', { vendor: system.vendor });

/** The channel's news of an unlink. Pure. */
export function renderUnlinkedNotice(tr: Translate, name: string, userId: string): SlackMessage {
  const who = { system: name, user: userId };
  return {
    text: tr('lifecycle.unlink.noticeText', who),
    blocks: [section(tr('lifecycle.unlink.notice', who))],
  };
}

/** To whoever linked a connection that someone else replaced. Pure. */
export function renderReplacedDm(
  tr: Translate,
  system: { name: string; vendor: string; revokePath?: string },
  userId: string,
): SlackMessage {
  const who = { system: system.name, user: userId };
  return {
    text: tr('lifecycle.replace.replacedDmText', who),
    blocks: [section(tr('lifecycle.replace.replacedDm', { ...who, hint: vendorHint(tr, system) }))],
  };
}
