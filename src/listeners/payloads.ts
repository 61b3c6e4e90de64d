import * as z from 'zod/mini';

// Slack ids are short upper-case words; anything else is not from Slack.
const slackId = z.string().check(z.regex(/^[A-Z0-9]{2,40}$/));
const shortText = (max: number) => z.string().check(z.maxLength(max));
/** Trigger ids are digits, dots and hex (`13345224609.738474920.8088930838d88f008e0`); they become Redis keys. */
const triggerId = z.string().check(z.regex(/^[A-Za-z0-9._-]{1,255}$/));
/** Message timestamps: seconds, a dot, microseconds (`1700000000.123456`). */
const messageTs = z.string().check(z.regex(/^\d{1,12}\.\d{1,9}$/));
/** Block and action ids: Slack allows 255 characters. */
const elementId = z.string().check(z.minLength(1), z.maxLength(255));
/** A record with at most `max` entries: a modal has at most 100 blocks, and Slack sends nothing bigger. */
const boundedRecord = <T extends z.ZodMiniType>(value: T, max: number) =>
  z
    .record(elementId, value)
    .check(z.refine((record) => Object.keys(record).length <= max, { message: `at most ${max} entries` }));

export const commandPayload = z.object({
  team_id: slackId,
  user_id: slackId,
  channel_id: z.optional(slackId),
  text: z._default(shortText(4000), ''),
  trigger_id: z.optional(triggerId),
});

export const actionPayload = z.object({
  team: z.nullish(z.object({ id: slackId })),
  user: z.object({ id: slackId, team_id: z.optional(slackId) }),
  trigger_id: z.optional(triggerId),
  channel: z.optional(z.object({ id: slackId })),
  container: z.optional(z.looseObject({ message_ts: z.optional(messageTs) })),
  message: z.optional(z.looseObject({ ts: z.optional(messageTs) })),
  actions: z
    .array(z.object({ action_id: elementId, value: z.optional(shortText(2000)) }))
    .check(z.minLength(1), z.maxLength(5)),
});

// Slack caps a plain_text_input at 3000 characters.
const inputValue = z.looseObject({
  value: z.nullish(shortText(3000)),
  selected_user: z.nullish(slackId),
  selected_option: z.nullish(z.looseObject({ value: shortText(150) })),
  selected_date: z.nullish(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
});

export const viewPayload = z.object({
  team: z.nullish(z.object({ id: slackId })),
  user: z.object({ id: slackId, team_id: z.optional(slackId) }),
  trigger_id: z.optional(triggerId),
  view: z.object({
    id: slackId,
    team_id: z.optional(slackId),
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
