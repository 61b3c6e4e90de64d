import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { FlowDeps } from '../../flows/deps.js';
import { workspaceGone } from '../../flows/workspaceGone.js';

const slackId = z.string().regex(/^[A-Z0-9]{2,40}$/);
const envelope = z.object({
  team_id: slackId,
  enterprise_id: slackId.nullish(),
  is_enterprise_install: z.boolean().optional(),
  event: z.object({ tokens: z.object({ bot: z.array(z.string()).optional() }).optional() }).passthrough(),
});

/** Events from Slack: the app leaving a workspace. Bolt acknowledges events itself. */
export function registerEvents(app: App, deps: FlowDeps) {
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
  app.event('app_uninstalled', onGone(false));
  app.event('tokens_revoked', onGone(true));
}
