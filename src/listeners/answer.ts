import type {
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';
import { COLLEAGUE_ACTION, COLLEAGUE_BLOCK } from '../blocks/handover.js';
import { FIELD_ACTION } from '../blocks/ids.js';
import type { SlackMessage } from '../blocks/message.js';
import { UNAVAILABLE_TEXT, unavailableText } from '../blocks/notices.js';
import { unavailableForm } from '../blocks/unavailableForm.js';
import { type FlowDeps, forWorkspace } from '../flows/deps.js';
import type { ClickHandler, CommandRequest, CommandResult, FormHandler } from '../flows/requests.js';
import { notice } from '../flows/tell.js';
import type { LanguageLookUp } from '../languages/personLanguages.js';
import { DEFAULT_LANGUAGE, type Language, translator } from '../messages/index.js';
import { requestOf } from './middleware.js';
import { fieldValues, selectedUser } from './payloads.js';
import { workLimit } from './workLimit.js';

/**
 * The longest a request waits for a place before it is handled anyway: a second, of the 3 seconds
 * Slack gives its acknowledgement, however slow Slack's answers to the work ahead of it are.
 */
const MAX_WAIT_FOR_A_PLACE_MS = 1000;

/** Button clicks being handled at once, in this process (see workLimit.ts). */
const clickWork = workLimit(64, MAX_WAIT_FOR_A_PLACE_MS);

/**
 * Commands being handled at once, in this process (see workLimit.ts). A new person's command lives
 * through three Slack calls and two Redis round trips; 32 at a time keep a burst's commands from
 * all holding that work at once, which at 50 concurrent commands in the benchmark cost about a
 * fifth more CPU per command, garbage collection mostly (bench/README.md).
 */
const commandWork = workLimit(32, MAX_WAIT_FOR_A_PLACE_MS);

/** For logs: the message of whatever was thrown. */
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A person's language without asking Slack, fit for before an acknowledgement: theirs when known,
 * else their workspace's; the default when Redis cannot say.
 */
async function quickLanguage(deps: FlowDeps, teamId: string, userId: string): Promise<Language> {
  const known = await deps.languages.known(teamId, userId).catch(() => undefined);
  return known ?? (await deps.languages.ofWorkspace(teamId).catch(() => DEFAULT_LANGUAGE));
}

/**
 * A slash command listener: answers inside Slack's window with the handler's reply, in the person's
 * language, then runs its follow-up and sends what that returns. When their language is not known
 * yet (their first command, or Slack's answer is a day old) Slack is asked after an empty
 * acknowledgement, and the reply follows at once through the response URL.
 */
export function commandListener(
  deps: FlowDeps,
  handler: (deps: FlowDeps, request: CommandRequest) => Promise<CommandResult>,
): Middleware<SlackCommandMiddlewareArgs> {
  const listen: Middleware<SlackCommandMiddlewareArgs> = async ({ ack, respond, context }) => {
    const request = requestOf(context);
    if (request?.surface !== 'command' || 'malformed' in request) {
      // Nobody to ask the language of: the request did not say who sent it.
      await ack({ response_type: 'ephemeral', text: translator(DEFAULT_LANGUAGE)('command.malformed') });
      return;
    }
    if (request.unavailable || request.notInstalled) {
      const { team_id: teamId, user_id: userId } = request.payload;
      const text = request.notInstalled
        ? translator(await quickLanguage(deps, teamId, userId))('workspace.notInstalled')
        : UNAVAILABLE_TEXT;
      await ack({ response_type: 'ephemeral', text });
      return;
    }
    const { team_id: teamId, user_id: userId, text } = request.payload;
    // Bolt gives `respond` only when the command came with a response URL.
    const canRespond = typeof respond === 'function';
    const say = async (message: SlackMessage) => {
      if (!canRespond) return;
      await respond({ response_type: 'ephemeral', replace_original: false, ...message }).catch(
        (error: unknown) => deps.logger.warn({ error: reason(error) }, 'Could not tell the user'),
      );
    };
    let teamDeps: FlowDeps;
    let lookUp: LanguageLookUp;
    try {
      teamDeps = await forWorkspace(deps, teamId, request.botToken);
      lookUp = await (request.language ?? teamDeps.languages.lookUp(teamId, userId));
    } catch (error) {
      deps.logger.error({ error: reason(error) }, 'Command failed');
      request.preparedLink?.discard();
      await ack({ response_type: 'ephemeral', text: UNAVAILABLE_TEXT });
      return;
    }
    const { known } = lookUp;
    // Without a response URL there is no answering later: the workspace's language, in the ack.
    const inAck = known !== undefined || !canRespond;
    if (!inAck) await ack();
    const language =
      known ??
      (await (canRespond ? lookUp.find() : teamDeps.languages.ofWorkspace(teamId)).catch(
        () => DEFAULT_LANGUAGE,
      ));
    let result: CommandResult;
    try {
      result = await handler(teamDeps, {
        teamId,
        userId,
        text,
        language,
        ...(request.preparedLink ? { preparedLink: request.preparedLink } : {}),
      });
    } catch (error) {
      deps.logger.error({ error: reason(error) }, 'Command failed');
      // Nothing was started: what the command's reading took is given back.
      request.preparedLink?.discard();
      const unavailable = unavailableText(translator(language));
      if (inAck) await ack({ response_type: 'ephemeral', text: unavailable });
      else await say(notice(unavailable));
      return;
    }
    // A reply through the response URL and the follow-up go at once; what the follow-up has to
    // say comes after the reply.
    const replied = inAck ? ack({ response_type: 'ephemeral', ...result.reply }) : say(result.reply);
    if (!result.followUp) return replied;
    if (inAck) await replied;
    let followUp: Awaited<ReturnType<NonNullable<CommandResult['followUp']>>>;
    try {
      followUp = await result.followUp();
    } catch (error) {
      deps.logger.error({ error: reason(error) }, 'Command follow-up failed');
      followUp = notice(unavailableText(translator(language)));
    }
    await replied;
    if (followUp) await say(followUp);
  };
  // As for clicks: a burst waits for a place before its acknowledgement, not after it.
  return (args) => commandWork(() => listen(args));
}

/**
 * A button listener: acknowledges at once, runs the handler, and tells the person what it returns
 * — as an ephemeral message, or (`replace`) in place of the message that had the button.
 */
export function buttonListener(
  deps: FlowDeps,
  handler: ClickHandler,
  answer: 'ephemeral' | 'replace' = 'ephemeral',
): Middleware<SlackActionMiddlewareArgs> {
  const listen: Middleware<SlackActionMiddlewareArgs> = async ({ ack, respond, context }) => {
    await ack();
    const request = requestOf(context);
    if (request?.surface !== 'action' || 'malformed' in request) return;
    const { payload, teamId } = request;
    const action = payload.actions[0];
    if (!action) return;
    const userId = payload.user.id;
    const channelId = payload.channel?.id;
    if (request.notInstalled) {
      // No token to speak with: the response URL is all there is.
      const tr = translator(await quickLanguage(deps, teamId, userId));
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: tr('workspace.notInstalled'),
      }).catch((error: unknown) => deps.logger.warn({ error: reason(error) }, 'Could not tell the user'));
      return;
    }
    const teamDeps = await forWorkspace(deps, teamId, request.botToken);
    // Handlers answer in the clicker's words (the flow they load says them); only what goes wrong
    // around them needs the language here.
    let told: string | undefined;
    if (request.unavailable) told = UNAVAILABLE_TEXT;
    else {
      try {
        told = await handler(teamDeps, {
          teamId,
          userId,
          actionId: action.action_id,
          value: action.value,
          triggerId: payload.trigger_id,
          channelId,
          messageTs: payload.container?.message_ts ?? payload.message?.ts,
          ...(request.claim ? { claim: request.claim } : {}),
        });
      } catch (error) {
        deps.logger.error({ error: reason(error), actionId: action.action_id }, 'Button failed');
        // Most likely Redis, where the clicker's language is kept too: not asked again.
        told = UNAVAILABLE_TEXT;
      }
    }
    if (!told) return;
    // Refused before its compare-and-set (a stale button, an expired setup): claimed now, so a
    // replay of the request says nothing twice.
    if (request.claim && !request.claim.taken) {
      request.claim.taken = true;
      const first = await teamDeps.once
        .claim(teamId, request.claim.name, request.claim.ttlSeconds)
        .catch(() => true);
      if (!first) return;
    }
    const text = told;
    const tell = async () => {
      if (answer === 'replace') await respond({ replace_original: true, text });
      else await teamDeps.slack.ephemeral(channelId ?? (await teamDeps.slack.openDm(userId)), userId, text);
    };
    await tell().catch((error: unknown) =>
      deps.logger.warn({ error: reason(error) }, 'Could not tell the user'),
    );
  };
  // Acknowledged once a place is free: a burst waits before its acknowledgement, not after it.
  return (args) => clickWork(() => listen(args));
}

/**
 * A form (modal) listener: answers Slack with the handler's acknowledgement (errors on the form, a
 * new view, or close), then runs the slow part. When that fails the person hears so: the form
 * comes back with a notice on top, or a DM says it.
 */
export function formListener(deps: FlowDeps, handler: FormHandler): Middleware<SlackViewMiddlewareArgs> {
  return async ({ ack, body, context }) => {
    const request = requestOf(context);
    if (request?.surface !== 'view' || 'malformed' in request) {
      await ack();
      return;
    }
    const { view, user } = request.payload;
    const firstBlock = Object.keys(view.state.values)[0] ?? 'value';
    // A failure before the acknowledgement is most likely Redis, where languages are kept too.
    const unavailable = { response_action: 'errors' as const, errors: { [firstBlock]: UNAVAILABLE_TEXT } };
    // Redis unavailable: a form still goes ahead, and meets the outage where it needs Redis (see
    // middleware.ts), so a form that closes first tells the person afterwards.
    if (request.notInstalled) {
      const tr = translator(await quickLanguage(deps, request.teamId, user.id));
      await ack({ response_action: 'errors', errors: { [firstBlock]: tr('workspace.notInstalled') } });
      return;
    }
    const teamDeps = await forWorkspace(deps, request.teamId, request.botToken);
    const callbackId = (body.view as { callback_id?: string }).callback_id;
    let result: Awaited<ReturnType<FormHandler>>;
    try {
      result = await handler(teamDeps, {
        teamId: request.teamId,
        userId: user.id,
        viewId: view.id,
        privateMetadata: view.private_metadata,
        values: fieldValues(view.state.values, FIELD_ACTION),
        colleagueId: selectedUser(view.state.values, COLLEAGUE_BLOCK, COLLEAGUE_ACTION),
        submittedView: body.view,
      });
    } catch (error) {
      deps.logger.error({ error: reason(error), callbackId }, 'Form failed');
      await ack(unavailable);
      return;
    }
    await ack(result.ack);
    if (!result.afterAck) return;
    try {
      await result.afterAck();
    } catch (error) {
      deps.logger.error({ error: reason(error), callbackId }, 'Form failed after it closed');
      // Most likely Redis, where the person's language is kept too: not asked again.
      const tr = translator(DEFAULT_LANGUAGE);
      if (result.whenAfterAckFails === 'show_form_again') {
        // The check could not finish: the form must not keep saying "checking"; it comes back.
        await teamDeps.slack
          .updateModal(view.id, unavailableForm(tr, body.view, view.private_metadata))
          .catch((updateError: unknown) =>
            deps.logger.warn({ error: reason(updateError) }, 'Could not tell the user'),
          );
        return;
      }
      try {
        const channelId = await teamDeps.slack.openDm(user.id);
        await teamDeps.slack.ephemeral(channelId, user.id, unavailableText(tr));
      } catch (tellError) {
        deps.logger.warn({ error: reason(tellError) }, 'Could not tell the user');
      }
    }
  };
}
