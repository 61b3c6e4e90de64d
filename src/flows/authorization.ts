import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { type CallbackPage, renderCallbackPage } from '../blocks/callbackPage.js';
import { type Language, type Translate, translator } from '../messages/index.js';
import { timedVerifyContext } from '../metrics/flowCounters.js';
import type {
  AuthorizationAnswer,
  Credentials,
  LinkableSystem,
  VerificationOutcome,
} from '../systems/types.js';
import { applyAndRun } from './applyEvent.js';
import { type FlowDeps, forWorkspace } from './deps.js';
import { holderWords, type Words } from './readers.js';
import type { ClickHandler } from './requests.js';
import type { FlowState } from './state.js';

/**
 * One-click linking (Greenhouse partner OAuth): the approval button in the DM carries a state that
 * is single-use, expires, and is bound to the flow and to the person holding it. The state names
 * its team (`<team>.<flow>.<nonce>`) so the callback finds the team's keys; what it is bound to is
 * kept in Redis under the team's hash tag and taken (GETDEL) by the first callback that brings it.
 */
export const AUTHORIZATION_STATE_SECONDS = 3600;

const STATE = /^([A-Z0-9]{2,40})\.([A-Za-z0-9_-]{6,64})\.([A-Za-z0-9_-]{16,64})$/;
const heldSchema = z.object({ flowId: z.string(), userId: z.string() });
const stateName = (nonce: string) => `authorize:${nonce}`;

/** The approval link for this drawing of the flow, when it is at the prerequisites and offers one click. */
export async function authorizationLink(deps: FlowDeps, flow: FlowState): Promise<string | undefined> {
  const authorization = deps.catalogs.any.system(flow.systemId)?.authorization;
  if (!authorization || (flow.phase !== 'prerequisites' && flow.phase !== 'choose_variant')) return undefined;
  const nonce = randomBytes(18).toString('base64url');
  const held = JSON.stringify({ flowId: flow.id, userId: flow.holderId });
  await deps.once.hold(flow.teamId, stateName(nonce), held, AUTHORIZATION_STATE_SECONDS);
  return authorization.authorizeUrl(`${flow.teamId}.${flow.id}.${nonce}`);
}

/**
 * A click on the approval link button: the browser opens the vendor's page; Slack reports the click
 * too and wants it acknowledged (the listener does), and there is nothing else to do.
 */
export const followAuthorizationLink: ClickHandler = async () => undefined;

/** What the vendor's approval page sent the browser back with (query parameters of the callback). */
export interface CallbackQuery extends AuthorizationAnswer {
  state?: string;
}

export interface CallbackAnswer {
  status: number;
  page: CallbackPage;
}

/** The page for the browser, in its language (its Accept-Language). */
const pageIn =
  (language: Language) =>
  (status: number, sentence: string): CallbackAnswer => ({
    status,
    page: renderCallbackPage(language, sentence),
  });

const linkUsed = (tr: Translate, system: LinkableSystem): VerificationOutcome => ({
  ok: false,
  code: 'authorization_link_used',
  title: tr('systems.common.authorization.linkUsed.title'),
  detail: tr('systems.common.authorization.linkUsed.detail', {
    button: system.authorization?.buttonLabel ?? '',
  }),
});

/** The flow learns how the approval ended; a flow changed meanwhile is read again once. */
async function finish(
  deps: FlowDeps,
  flow: FlowState,
  outcome: VerificationOutcome,
  context: { actorId?: string; credentials?: Credentials },
) {
  let current: FlowState | undefined = flow;
  for (let attempt = 0; attempt < 2 && current; attempt++) {
    const applied = await applyAndRun(deps, current, { type: 'authorization_finished', outcome }, context);
    if (applied.ok || applied.refusal !== 'conflict') return applied;
    current = await deps.flows.get(flow.teamId, flow.id);
  }
  return { ok: false as const, refusal: 'conflict' as const };
}

/**
 * The vendor sent the browser back: the state is taken (once), the code exchanged at once and the
 * tokens checked, the flow told (linked, or why not and a fresh button), and the browser gets one
 * sentence in its own language (`pageLanguage`). The check and what the flow keeps of it are in the
 * holder's language. Nothing secret is logged, drawn or stored unsealed.
 */
export async function finishAuthorization(
  app: FlowDeps,
  systemId: string,
  query: CallbackQuery,
  pageLanguage: Language,
): Promise<CallbackAnswer> {
  const tr = translator(pageLanguage);
  const answer = pageIn(pageLanguage);
  const nameOnPage = app.catalogs.in(pageLanguage).name(systemId);
  const word = app.catalogs.any.linkWord(systemId);
  const parsed = STATE.exec(query.state ?? '');
  if (!parsed) return answer(400, tr('systems.common.authorization.page.invalid', { word }));
  const [, teamId, flowId, nonce] = parsed as unknown as [string, string, string, string];
  let held: string | undefined;
  let flow: FlowState | undefined;
  let deps: FlowDeps;
  let holder: Words | undefined;
  try {
    held = await app.once.take(teamId, stateName(nonce));
    if (!(await app.workspaces.isInstalled(teamId))) {
      return answer(410, tr('systems.common.authorization.page.ended'));
    }
    flow = await app.flows.get(teamId, flowId);
    // The DM and the notice go out with that workspace's own token.
    deps = await forWorkspace(app, teamId);
    if (flow) holder = holderWords(deps, flow);
  } catch {
    return answer(503, tr('systems.common.authorization.page.unavailable'));
  }
  const system = flow && holder ? holder.catalog.system(flow.systemId) : undefined;
  if (!flow || !holder || !system?.authorization || flow.systemId !== systemId) {
    return answer(400, tr('systems.common.authorization.page.invalid', { word }));
  }
  if (flow.phase === 'linked') {
    return answer(200, tr('systems.common.authorization.page.alreadyLinked', { system: nameOnPage }));
  }
  if (flow.phase === 'cancelled') return answer(410, tr('systems.common.authorization.page.ended'));

  const bound = held ? heldSchema.safeParse(JSON.parse(held)) : undefined;
  if (!bound?.success || bound.data.flowId !== flow.id) {
    deps.logger.info({ flowId: flow.id, outcome: 'authorization_link_used' }, 'Approval link refused');
    await finish(deps, flow, linkUsed(holder.tr, system), {});
    return answer(400, tr('systems.common.authorization.page.linkUsed'));
  }

  const { outcome, credentials } = await completeSafely(deps, holder.tr, system, flow, query);
  deps.logger.info(
    { flowId: flow.id, system: system.id, outcome: outcome.ok ? 'linked' : outcome.code },
    'Approval finished',
  );
  deps.metrics.checkFinished(system.id, outcome);
  const applied = await finish(deps, flow, outcome, {
    actorId: bound.data.userId,
    ...(outcome.ok && credentials ? { credentials } : {}),
  });
  if (!applied.ok) return answer(409, tr('systems.common.authorization.page.ended'));
  if (outcome.ok) return answer(200, tr('systems.common.authorization.page.linked', { system: nameOnPage }));
  if (outcome.code === 'authorization_denied')
    return answer(200, tr('systems.common.authorization.page.denied'));
  return answer(502, tr('systems.common.authorization.page.failed', { title: outcome.title }));
}

async function completeSafely(
  deps: FlowDeps,
  tr: Translate,
  system: LinkableSystem,
  flow: FlowState,
  query: CallbackQuery,
): Promise<{ outcome: VerificationOutcome; credentials?: Credentials }> {
  try {
    const authorization = system.authorization as NonNullable<LinkableSystem['authorization']>;
    return await authorization.complete(
      { code: query.code, error: query.error },
      timedVerifyContext(deps, system.id),
    );
  } catch (error) {
    deps.logger.error({ flowId: flow.id, error: (error as Error).name }, 'Approval crashed');
    return {
      outcome: {
        ok: false,
        code: 'internal_error',
        title: tr('flow.check.crashedTitle'),
        detail: tr('flow.check.crashedDetail'),
      },
    };
  }
}
