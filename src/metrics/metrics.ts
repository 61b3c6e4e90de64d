import { Counter, Histogram, Registry } from 'prom-client';
import { PHASES, type Phase } from '../flows/state.js';
import type { VerificationOutcome } from '../systems/types.js';
import { processRegistry } from './processMetrics.js';

/** What Slack's request was: the `kind` of an acknowledgement. */
export const ACK_KINDS = ['command', 'action', 'view', 'event'] as const;
export type AckKind = (typeof ACK_KINDS)[number];

/** How one attempt to hand a connection event to Wintro ended. */
export const DELIVERY_OUTCOMES = ['delivered', 'retried', 'failed', 'expired'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** How a re-check of a linked connection ended (see src/connections/health.ts). */
export const RECHECK_OUTCOMES = ['working', 'broken', 'transient', 'skipped'] as const;
export type RecheckOutcome = (typeof RECHECK_OUTCOMES)[number];

/** Why a request on the Slack endpoint was refused before any listener saw it. */
export const REJECTION_REASONS = ['unsigned', 'bad_signature', 'malformed'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * The operators' metrics of one bot instance, scraped at `GET /metrics`. Each instance has its own
 * registry (tests run several bots in one process); the process metrics are the process's own.
 * Every label comes from a fixed set — catalog ids, phases, step numbers, outcome codes — so no
 * label can ever carry a secret, a user or team id, or free text.
 */
export interface Metrics {
  acknowledged(kind: AckKind, seconds: number): void;
  flowStarted(systemId: string): void;
  flowLinked(systemId: string): void;
  /** A setup reached a phase (and, in the guide, a step): the drop-off funnel. Counted once per setup. */
  stepReached(systemId: string, phase: Phase, step: number): void;
  checkFinished(systemId: string, outcome: VerificationOutcome): void;
  vendorRequest(systemId: string, seconds: number): void;
  webhookDelivery(outcome: DeliveryOutcome): void;
  /** A linked connection was checked again: working, broken, transient (tried again soon) or skipped. */
  recheckFinished(systemId: string, outcome: RecheckOutcome): void;
  /** The Prometheus text exposition of everything above and the process metrics. */
  exposition(): Promise<{ contentType: string; text: string }>;
}

export interface MetricsOptions {
  /** Every system and family id the catalog knows: the only values the `system` label takes. */
  systemIds: readonly string[];
  /**
   * How many guide steps each system has, so its funnel is there at 0 from the start: Prometheus'
   * `increase()` cannot see the first count of a series that appears with it.
   */
  guideSteps?: Readonly<Record<string, number>>;
  /** The families (a variant to choose first), whose funnel starts at `choose_variant`. */
  familyIds?: readonly string[];
  /** Requests refused so far, by reason (read at each scrape). */
  rejectedRequests?: () => Record<RejectionReason, number>;
}

/** A value outside a label's fixed set is reported as this. */
export const OTHER = 'other';
/** Verification codes are code-defined snake_case words; anything else is not reported as itself. */
const OUTCOME_CODE = /^[a-z][a-z0-9_]{0,47}$/;
const MAX_STEP = 50;
/** The outcomes every vendor's check can have (src/systems/outcomes.ts), there at 0 from the start. */
const SHARED_OUTCOMES = [
  'linked',
  'timeout',
  'unreachable',
  'vendor_error',
  'rate_limited',
  'internal_error',
];

const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];
const VENDOR_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(options: MetricsOptions): Metrics {
  const { systemIds, rejectedRequests } = options;
  const registry = new Registry();
  const registers = [registry];
  const systems = new Set(systemIds);
  const phases: ReadonlySet<string> = new Set(PHASES);
  const system = (id: string) => (systems.has(id) ? id : OTHER);

  const ack = new Histogram({
    name: 'wintro_ack_seconds',
    help: 'Time from receiving a Slack request to acknowledging it, by kind of request',
    labelNames: ['kind'] as const,
    buckets: ACK_BUCKETS,
    registers,
  });
  const started = new Counter({
    name: 'wintro_flows_started_total',
    help: 'Setups started, by system (a family while its variant is still to be chosen)',
    labelNames: ['system'] as const,
    registers,
  });
  const linked = new Counter({
    name: 'wintro_flows_linked_total',
    help: 'Setups that ended linked, by system',
    labelNames: ['system'] as const,
    registers,
  });
  const steps = new Counter({
    name: 'wintro_flow_steps_total',
    help: 'Setups that reached each phase and guide step (step 0 outside the guide), each setup once',
    labelNames: ['system', 'phase', 'step'] as const,
    registers,
  });
  const checks = new Counter({
    name: 'wintro_checks_total',
    help: 'Credential checks and approvals finished, by system and outcome (linked, or the failure code)',
    labelNames: ['system', 'outcome'] as const,
    registers,
  });
  const vendor = new Histogram({
    name: 'wintro_vendor_request_seconds',
    help: 'Time of each call to a vendor API, by system',
    labelNames: ['system'] as const,
    buckets: VENDOR_BUCKETS,
    registers,
  });
  const deliveries = new Counter({
    name: 'wintro_webhook_deliveries_total',
    help: 'Attempts to hand a connection event to Wintro, by how they ended',
    labelNames: ['outcome'] as const,
    registers,
  });
  const rechecks = new Counter({
    name: 'wintro_reverify_total',
    help: 'Re-checks of linked connections with their stored credentials, by system and outcome',
    labelNames: ['system', 'outcome'] as const,
    registers,
  });
  rejectedCounter(registers, rejectedRequests);

  for (const kind of ACK_KINDS) ack.zero({ kind });
  for (const outcome of DELIVERY_OUTCOMES) deliveries.inc({ outcome }, 0);
  for (const id of systems) {
    started.inc({ system: id }, 0);
    linked.inc({ system: id }, 0);
  }
  for (const id of options.guideSteps ? Object.keys(options.guideSteps) : [])
    for (const outcome of RECHECK_OUTCOMES) rechecks.inc({ system: system(id), outcome }, 0);
  for (const [id, count] of Object.entries(options.guideSteps ?? {})) {
    for (const outcome of SHARED_OUTCOMES) checks.inc({ system: system(id), outcome }, 0);
    for (const [phase, step] of funnelOf(Math.min(count, MAX_STEP))) {
      steps.inc({ system: system(id), phase, step: String(step) }, 0);
    }
  }
  for (const id of options.familyIds ?? [])
    steps.inc({ system: system(id), phase: 'choose_variant', step: '0' }, 0);

  const scraped = Registry.merge([processRegistry(), registry]);
  return {
    acknowledged: (kind, seconds) => ack.observe({ kind }, seconds),
    flowStarted: (systemId) => started.inc({ system: system(systemId) }),
    flowLinked: (systemId) => linked.inc({ system: system(systemId) }),
    stepReached(systemId, phase, step) {
      const stepLabel = Number.isInteger(step) && step >= 0 && step <= MAX_STEP ? String(step) : OTHER;
      steps.inc({ system: system(systemId), phase: phases.has(phase) ? phase : OTHER, step: stepLabel });
    },
    checkFinished(systemId, outcome) {
      const code = outcome.ok ? 'linked' : OUTCOME_CODE.test(outcome.code) ? outcome.code : OTHER;
      checks.inc({ system: system(systemId), outcome: code });
    },
    vendorRequest: (systemId, seconds) => vendor.observe({ system: system(systemId) }, seconds),
    webhookDelivery: (outcome) => deliveries.inc({ outcome }),
    recheckFinished: (systemId, outcome) => rechecks.inc({ system: system(systemId), outcome }),
    exposition: async () => ({ contentType: scraped.contentType, text: await scraped.metrics() }),
  };
}

/** Every phase and step a setup of a system with `count` guide steps can reach, in order. */
const funnelOf = (count: number): [Phase, number][] => [
  ['prerequisites', 0],
  ...Array.from({ length: count }, (_, index): [Phase, number] => ['guide', index + 1]),
  ['credentials', 0],
  ['verifying', 0],
  ['linked', 0],
  ['cancelled', 0],
];

/**
 * Refused requests are counted where they are refused (src/slack/rejectedRequests.ts, for the whole
 * process); this instance reports how many more there were since it was created.
 */
function rejectedCounter(registers: Registry[], read?: () => Record<RejectionReason, number>) {
  const seen = read?.() ?? zeroes();
  new Counter({
    name: 'wintro_rejected_requests_total',
    help: 'Requests to the Slack endpoint refused before any listener: unsigned, badly signed, malformed',
    labelNames: ['reason'] as const,
    registers,
    collect() {
      const now = read?.() ?? seen;
      for (const reason of REJECTION_REASONS) {
        this.inc({ reason }, Math.max(0, now[reason] - seen[reason]));
        seen[reason] = Math.max(seen[reason], now[reason]);
      }
    },
  });
}

const zeroes = (): Record<RejectionReason, number> => ({ unsigned: 0, bad_signature: 0, malformed: 0 });
