import { renderHomeTab } from '../blocks/homeTab.js';
import { describePhase } from '../blocks/replies.js';
import { translator } from '../messages/index.js';
import type { FlowDeps } from './deps.js';

/** Draws one person's Home tab from what is stored now, and publishes it. */
export async function publishHome(deps: FlowDeps, teamId: string, userId: string): Promise<void> {
  const [connections, setups, language] = await Promise.all([
    deps.connections.list(teamId),
    deps.flows.activeInTeam(teamId),
    deps.languages.of(teamId, userId),
  ]);
  const tr = translator(language);
  const view = renderHomeTab(tr, {
    viewerId: userId,
    systems: deps.catalog.systems.map(({ id, name }) => ({ id, name })),
    connections,
    setups: setups.sort((a, b) => b.updatedAt - a.updatedAt),
    describe: (flow) => describePhase(flow, deps.catalog.system(flow.systemId)?.steps.length ?? 0),
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
