import * as z from 'zod/mini';
import { type FlowDeps, forWorkspace } from '../../flows/deps.js';
import { publishHome } from '../../flows/homeTab.js';
import { workspaceGone } from '../../flows/workspaceGone.js';
import { eventRoute, type Route } from '../router.js';

const slackId = z.string().check(z.regex(/^[A-Z0-9]{2,40}$/));
const envelope = z.object({
  team_id: slackId,
  enterprise_id: z.nullish(slackId),
  is_enterprise_install: z.optional(z.boolean()),
  event: z.looseObject({ tokens: z.optional(z.object({ bot: z.optional(z.array(z.string())) })) }),
});

const homeOpened = z.object({
  team_id: slackId,
  event: z.object({ user: slackId, tab: z.optional(z.string().check(z.maxLength(20))) }),
});

/** Events from Slack: the Home tab opened, the app leaving a workspace. Bolt acknowledges events itself. */
export function eventRoutes(deps: FlowDeps): Route[] {
  const onGone =
    (needsBotToken: boolean) =>
    async ({ body }: { body: unknown }) => {
      const parsed = envelope.safeParse(body);
      if (!parsed.success) return;
      const { team_id: teamId, enterprise_id: enterpriseId, is_enterprise_install, event } = parsed.data;
      // tokens_revoked also reports user tokens; only a revoked bot token ends the workspace.
      if (needsBotToken && !event.tokens?.bot?.length) return;
      await workspaceGone(deps, {
        teamId,
        ...(enterpriseId ? { enterpriseId } : {}),
        isEnterpriseInstall: Boolean(is_enterprise_install),
      });
    };
  // The Home tab, drawn for the person who opened it (Slack sends this for the Messages tab too).
  const homeTabOpened = async ({ body, context }: { body: unknown; context: { botToken?: string } }) => {
    const parsed = homeOpened.safeParse(body);
    if (!parsed.success || parsed.data.event.tab !== 'home') return;
    const teamDeps = await forWorkspace(deps, parsed.data.team_id, context.botToken);
    await publishHome(teamDeps, parsed.data.team_id, parsed.data.event.user).catch((error: unknown) =>
      deps.logger.warn({ error: (error as Error).message }, 'Could not publish a Home tab'),
    );
  };
  const listeners: Record<string, typeof homeTabOpened> = {
    app_home_opened: homeTabOpened,
    app_uninstalled: onGone(false),
    tokens_revoked: onGone(true),
  };
  return [
    eventRoute(new Set(Object.keys(listeners)), async ({ event, body, context }) => {
      await listeners[event.type]?.({ body, context });
    }),
  ];
}
