import { renderHomeTab } from '../blocks/homeTab.js';
import { describePhase } from '../blocks/replies.js';
import { translator } from '../messages/index.js';
import type { FlowDeps } from './deps.js';
import { fixSystem } from './fixConnection.js';
import { SetupLimitReached } from './limits.js';
import { readerOf, refusedClick, toDm } from './linkerGate.js';
import { replacementQuestion } from './replace.js';
import type { ClickHandler } from './requests.js';
import { startOrResume } from './start.js';

/** Draws one person's Home tab from what is stored now, and publishes it. */
export async function publishHome(deps: FlowDeps, teamId: string, userId: string): Promise<void> {
  const [connections, setups, language] = await Promise.all([
    deps.connections.list(teamId),
    deps.flows.setupsInTeam(teamId),
    deps.languages.of(teamId, userId),
  ]);
  const tr = translator(language);
  const catalog = deps.catalogs.in(language);
  const view = renderHomeTab(tr, {
    viewerId: userId,
    systems: catalog.systems.map(({ id, name }) => ({ id, name })),
    connections,
    setups: setups.sort((a, b) => b.updatedAt - a.updatedAt),
    describe: (flow) => describePhase(flow, catalog.system(flow.systemId)?.steps.length ?? 0, tr),
  });
  await deps.slack.publishHome(userId, view);
}

/** How long changes are gathered before the Home tabs they touch are drawn again. */
const REFRESH_AFTER_MS = 300;

/**
 * Draws the Home tabs of the people a change concerns again, shortly after it: several changes
 * close together (a link, its notice, its hand-over) cost one publish per person.
 */
export class HomeTabs {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly delayMs = REFRESH_AFTER_MS) {}

  refresh(deps: FlowDeps, teamId: string, userIds: Iterable<string>): void {
    for (const userId of new Set(userIds)) {
      const key = `${teamId}:${userId}`;
      if (this.pending.has(key)) continue;
      const timer = setTimeout(() => {
        this.pending.delete(key);
        publishHome(deps, teamId, userId).catch((error: unknown) =>
          deps.logger.info({ error: (error as Error).message }, 'Could not refresh a Home tab'),
        );
      }, this.delayMs);
      timer.unref();
      this.pending.set(key, timer);
    }
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}

/** The person opened the app's Home tab. */
export async function homeOpened(deps: FlowDeps, teamId: string, userId: string): Promise<void> {
  await publishHome(deps, teamId, userId);
}

/**
 * Home tab **Link** / **Replace**: who may is checked, a linked system asks to confirm its
 * replacement (in the DM), anything else starts or resumes the setup in the DM.
 */
export const homeLink: ClickHandler = async (deps, click) => {
  const { tr, catalog } = await readerOf(deps, click.teamId, click.userId);
  const system = catalog.system(click.value ?? '');
  if (!system) return tr('flow.button.noLongerWorks');
  const target = { type: 'system' as const, id: system.id };
  const refused = await refusedClick(deps, click, `link ${catalog.linkWord(system.id, 'exact')}`, target);
  if (refused) {
    await toDm(deps, click.userId, refused);
    return undefined;
  }
  const question = await replacementQuestion(deps, click.teamId, click.userId, target);
  if (question) {
    await toDm(deps, click.userId, question);
    return undefined;
  }
  try {
    await startOrResume(deps, click.teamId, click.userId, target);
  } catch (error) {
    if (error instanceof SetupLimitReached) return error.message;
    throw error;
  }
  return undefined;
};

/** Home tab **Fix it** on a broken connection: the relink that fixes it (see `fixSystem`). */
export const homeFix: ClickHandler = (deps, click) => fixSystem(deps, click, click.value ?? '');
