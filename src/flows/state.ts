import * as z from 'zod/mini';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../messages/index.js';

export const PHASES = [
  'choose_variant',
  'prerequisites',
  'guide',
  'credentials',
  'verifying',
  'linked',
  'cancelled',
] as const;
export type Phase = (typeof PHASES)[number];

export const TERMINAL_PHASES: ReadonlySet<Phase> = new Set(['linked', 'cancelled']);

/** What the last verification said, kept so the DM and `/wintro status` can show it. Never secret. */
export const outcomeSummarySchema = z.object({
  code: z.string(),
  title: z.string(),
  detail: z.string(),
  missing: z.optional(z.array(z.string())),
  /** The vendor asked us to wait: no new check before this time (ms since epoch). */
  retryAt: z.optional(z.number()),
  at: z.number(),
});
export type OutcomeSummary = z.infer<typeof outcomeSummarySchema>;

/** A request to a colleague for a missing permission, role, scope or attribute. */
export const handoverSchema = z.object({
  /** Counts requests on this flow, so an answer to an older request is recognised as such. */
  seq: z.number().check(z.int(), z.minimum(1)),
  colleagueId: z.string(),
  requestedBy: z.string(),
  /**
   * `permission`: the holder lacks access to set up; `missing`: the check found scopes or attributes
   * missing; `linker`: WINTRO_LINKERS does not let the holder link.
   */
  reason: z.enum(['permission', 'missing', 'linker']),
  /** With reason `linker`: who may link (`admins`, or a user group id), for the colleague's DM. */
  linkers: z.optional(z.string().check(z.maxLength(64))),
  missing: z.optional(z.array(z.string())),
  note: z.optional(z.string().check(z.maxLength(1000))),
  status: z.enum(['asked', 'declined', 'granted', 'taken']),
  declineReason: z.optional(z.string().check(z.maxLength(1000))),
  /** The colleague's language, found when they were asked: theirs once they take the setup over. */
  colleagueLanguage: z.optional(z.enum(LANGUAGES)),
  askedAt: z.number(),
  answeredAt: z.optional(z.number()),
});
export type Handover = z.infer<typeof handoverSchema>;

export const flowStateSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  systemId: z.string(),
  starterId: z.string(),
  holderId: z.string(),
  /**
   * The holder's language, found when the setup was created and kept with it, so a click or a form
   * knows its reader's language from the flow it loads anyway. Unset on flows from before languages.
   */
  language: z.optional(z.enum(LANGUAGES)),
  phase: z.enum(PHASES),
  stepIndex: z.number().check(z.int(), z.minimum(0)),
  dm: z.optional(z.object({ channelId: z.string(), ts: z.string() })),
  lastOutcome: z.optional(outcomeSummarySchema),
  attempts: z.number().check(z.int(), z.minimum(0)),
  /** The credential check running now: its result lands only while the flow is still in it. */
  check: z.optional(z.object({ id: z.string().check(z.maxLength(64)), startedAt: z.number() })),
  /** Non-secret facts about the linked connection (e.g. a company id or an expiry date). */
  linkedDetails: z.optional(z.array(z.object({ label: z.string(), value: z.string() }))),
  handover: z.optional(handoverSchema),
  /**
   * The connection this setup replaces once its credentials are verified; unset: it expects the
   * system not to be linked. Its compare-and-set stores the new connection only while the stored one
   * is still this one (or none), so two replacements at once leave one of them.
   */
  replaces: z.optional(z.object({ flowId: z.string(), linkedBy: z.string(), linkedAt: z.number() })),
  version: z.number().check(z.int(), z.minimum(1)),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type FlowState = z.infer<typeof flowStateSchema>;

export const isTerminal = (state: FlowState) => TERMINAL_PHASES.has(state.phase);

/** The language the holder reads the setup in. */
export const holderLanguage = (state: FlowState): Language => state.language ?? DEFAULT_LANGUAGE;
