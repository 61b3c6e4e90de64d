import { z } from 'zod';

// Slack ids are short upper-case words; anything else is not from Slack.
const slackId = z.string().regex(/^[A-Z0-9]{2,40}$/);
const shortText = (max: number) => z.string().max(max);
/** Trigger ids are digits, dots and hex (`13345224609.738474920.8088930838d88f008e0`); they become Redis keys. */
const triggerId = z.string().regex(/^[A-Za-z0-9._-]{1,255}$/);
/** Message timestamps: seconds, a dot, microseconds (`1700000000.123456`). */
const messageTs = z.string().regex(/^\d{1,12}\.\d{1,9}$/);
/** Block and action ids: Slack allows 255 characters. */
const elementId = z.string().min(1).max(255);
/** A record with at most `max` entries: a modal has at most 100 blocks, and Slack sends nothing bigger. */
const boundedRecord = <T extends z.ZodType>(value: T, max: number) =>
  z.record(elementId, value).refine((record) => Object.keys(record).length <= max, {
    message: `at most ${max} entries`,
  });

export const commandPayload = z.object({
  team_id: slackId,
  user_id: slackId,
  channel_id: slackId.optional(),
  text: shortText(4000).default(''),
  trigger_id: triggerId.optional(),
});

export const actionPayload = z.object({
  team: z.object({ id: slackId }).nullish(),
  user: z.object({ id: slackId, team_id: slackId.optional() }),
  trigger_id: triggerId.optional(),
  channel: z.object({ id: slackId }).optional(),
  container: z.object({ message_ts: messageTs.optional() }).passthrough().optional(),
  message: z.object({ ts: messageTs.optional() }).passthrough().optional(),
  actions: z
    .array(z.object({ action_id: elementId, value: shortText(2000).optional() }))
    .min(1)
    .max(5),
});

// Slack caps a plain_text_input at 3000 characters.
const inputValue = z
  .object({
    value: shortText(3000).nullish(),
    selected_user: slackId.nullish(),
    selected_option: z
      .object({ value: shortText(150) })
      .passthrough()
      .nullish(),
    selected_date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullish(),
  })
  .passthrough();

export const viewPayload = z.object({
  team: z.object({ id: slackId }).nullish(),
  user: z.object({ id: slackId, team_id: slackId.optional() }),
  trigger_id: triggerId.optional(),
  view: z.object({
    id: slackId,
    team_id: slackId.optional(),
    private_metadata: shortText(3000),
    state: z.object({ values: boundedRecord(boundedRecord(inputValue, 25), 100) }),
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

type InputValue = {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_date?: string | null;
};

/** What an element holds: typed text, the value of the option picked, or the date picked. */
const heldValue = (element: InputValue | undefined) =>
  element?.value ?? element?.selected_option?.value ?? element?.selected_date ?? '';

/**
 * Field values from a submitted view's state: by block id for elements with the shared action id,
 * and by their own action id for any other element (one that serves another field).
 */
export function fieldValues(values: Record<string, Record<string, InputValue>>, actionId: string) {
  const fields: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    for (const [elementId, element] of Object.entries(actions)) {
      const value = heldValue(element);
      if (elementId !== actionId && value) fields[elementId] = value;
    }
    fields[blockId] = heldValue(actions[actionId]);
  }
  return fields;
}
