import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type CallbackPage, renderCallbackPage } from '../blocks/callbackPage.js';
import { t } from '../messages/index.js';
import { timedVerifyContext } from '../metrics/flowCounters.js';
import type {
  AuthorizationAnswer,
  Credentials,
  LinkableSystem,
  VerificationOutcome,
} from '../systems/types.js';
import { applyAndRun } from './applyEvent.js';
import { type FlowDeps, forWorkspace } from './deps.js';
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
  const authorization = deps.catalog.system(flow.systemId)?.authorization;
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

const answer = (status: number, sentence: string): CallbackAnswer => ({
  status,
  page: renderCallbackPage(sentence),
});

const linkUsed = (system: LinkableSystem): VerificationOutcome => ({
  ok: false,
  code: 'authorization_link_used',
  title: t('systems.common.authorization.linkUsed.title'),
  detail: t('systems.common.authorization.linkUsed.detail', {
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
 * sentence. Nothing secret is logged, drawn or stored unsealed.
 */
export async function finishAuthorization(
  app: FlowDeps,
  systemId: string,
  query: CallbackQuery,
): Promise<CallbackAnswer> {
  const word = app.catalog.linkWord(systemId);
  const parsed = STATE.exec(query.state ?? '');
  if (!parsed) return answer(400, t('systems.common.authorization.page.invalid', { word }));
  const [, teamId, flowId, nonce] = parsed as unknown as [string, string, string, string];
  let held: string | undefined;
  let flow: FlowState | undefined;
  let deps: FlowDeps;
  try {
    held = await app.once.take(teamId, stateName(nonce));
    if (!(await app.workspaces.isInstalled(teamId))) {
      return answer(410, t('systems.common.authorization.page.ended'));
    }
    flow = await app.flows.get(teamId, flowId);
    // The DM and the notice go out with that workspace's own token.
    deps = await forWorkspace(app, teamId);
  } catch {
    return answer(503, t('systems.common.authorization.page.unavailable'));
  }
  const system = flow ? deps.catalog.system(flow.systemId) : undefined;
  if (!flow || !system?.authorization || flow.systemId !== systemId) {
    return answer(400, t('systems.common.authorization.page.invalid', { word }));
  }
  if (flow.phase === 'linked') {
    return answer(200, t('systems.common.authorization.page.alreadyLinked', { system: system.name }));
  }
  if (flow.phase === 'cancelled') return answer(410, t('systems.common.authorization.page.ended'));

  const bound = held ? heldSchema.safeParse(JSON.parse(held)) : undefined;
  if (!bound?.success || bound.data.flowId !== flow.id) {
    deps.logger.info({ flowId: flow.id, outcome: 'authorization_link_used' }, 'Approval link refused');
    await finish(deps, flow, linkUsed(system), {});
    return answer(400, t('systems.common.authorization.page.linkUsed'));
  }

  const { outcome, credentials } = await completeSafely(deps, system, flow, query);
  deps.logger.info(
    { flowId: flow.id, system: system.id, outcome: outcome.ok ? 'linked' : outcome.code },
    'Approval finished',
  );
  deps.metrics.checkFinished(system.id, outcome);
  const applied = await finish(deps, flow, outcome, {
    actorId: bound.data.userId,
    ...(outcome.ok && credentials ? { credentials } : {}),
  });
  if (!applied.ok) return answer(409, t('systems.common.authorization.page.ended'));
  if (outcome.ok) return answer(200, t('systems.common.authorization.page.linked', { system: system.name }));
  if (outcome.code === 'authorization_denied')
    return answer(200, t('systems.common.authorization.page.denied'));
  return answer(502, t('systems.common.authorization.page.failed', { title: outcome.title }));
}

async function completeSafely(
  deps: FlowDeps,
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
        title: t('flow.check.crashedTitle'),
        detail: t('flow.check.crashedDetail'),
      },
    };
  }
}
