import { z } from 'zod';

// Slack ids are short upper-case words; anything else is not from Slack.
const slackId = z.string().regex(/^[A-Z0-9]{2,40}$/);
const shortText = (max: number) => z.string().max(max);

export const commandPayload = z.object({
  team_id: slackId,
  user_id: slackId,
  channel_id: slackId.optional(),
  text: shortText(4000).default(''),
  trigger_id: shortText(200).optional(),
});

export const actionPayload = z.object({
  team: z.object({ id: slackId }).nullish(),
  user: z.object({ id: slackId, team_id: slackId.optional() }),
  trigger_id: shortText(200).optional(),
  channel: z.object({ id: slackId }).optional(),
  container: z
    .object({ message_ts: shortText(40).optional() })
    .passthrough()
    .optional(),
  message: z
    .object({ ts: shortText(40).optional() })
    .passthrough()
    .optional(),
  actions: z
    .array(z.object({ action_id: shortText(255), value: shortText(2000).optional() }))
    .min(1)
    .max(5),
});

const inputValue = z
  .object({ value: z.string().max(10_000).nullish(), selected_user: slackId.nullish() })
  .passthrough();

export const viewPayload = z.object({
  team: z.object({ id: slackId }).nullish(),
  user: z.object({ id: slackId, team_id: slackId.optional() }),
  view: z.object({
    id: shortText(64),
    team_id: slackId.optional(),
    private_metadata: shortText(3000),
    state: z.object({ values: z.record(z.string().max(255), z.record(z.string().max(255), inputValue)) }),
  }),
});

export const teamOf = (
  payload: { team?: { id: string } | null; user: { team_id?: string } },
  fallback?: string,
) => payload.team?.id ?? payload.user.team_id ?? fallback;

/** The user picked in a users_select, from a submitted view's state. */
export function selectedUser(
  values: Record<string, Record<string, { selected_user?: string | null }>>,
  blockId: string,
  actionId: string,
) {
  return values[blockId]?.[actionId]?.selected_user ?? undefined;
}

/** Field values by block id, from a submitted view's state. */
export function fieldValues(
  values: Record<string, Record<string, { value?: string | null }>>,
  actionId: string,
) {
  return Object.fromEntries(
    Object.entries(values).map(([blockId, actions]) => [blockId, actions[actionId]?.value ?? '']),
  );
}
