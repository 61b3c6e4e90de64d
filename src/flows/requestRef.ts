import * as z from 'zod/mini';

/** What the decline form carries in private_metadata: where the colleague's request message is. */
export const requestMessageRef = z.object({
  flowId: z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/)),
  seq: z.number().check(z.int(), z.nonnegative(), z.maximum(1e9)),
  channelId: z.optional(z.string().check(z.regex(/^[A-Z0-9]{2,40}$/))),
  ts: z.optional(z.string().check(z.regex(/^\d{1,12}\.\d{1,9}$/))),
});

/** The decline form's private_metadata, or undefined when it is not what Wintro put there. */
export function parseRequestMessageRef(privateMetadata: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(privateMetadata);
  } catch {
    return undefined;
  }
  const parsed = requestMessageRef.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
