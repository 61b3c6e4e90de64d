import type { MessageId, Translate } from '../messages/index.js';
import type { NotApplied } from './applyEvent.js';
import type { FlowDeps } from './deps.js';
import type { Words } from './readers.js';
import type { FlowState } from './state.js';

/** Where the person is when something is refused: each place has its own words for some refusals. */
export type Surface =
  | 'button'
  | 'open_credentials'
  | 'open_help_form'
  | 'credentials_form'
  | 'help_form'
  | 'answer';

type Told = Partial<Record<NotApplied, MessageId>>;

const ON_A_BUTTON: Told = {
  expired: 'flow.refused.expired',
  linked: 'flow.refused.linked',
  cancelled: 'flow.refused.cancelled',
  not_holder: 'flow.refused.notHolder',
  moved_on: 'flow.refused.movedOn',
  not_now: 'flow.refused.movedOn',
  busy_checking: 'flow.refused.movedOn',
  conflict: 'flow.refused.movedOn',
};

/** What a person is told for each refusal, by where they are. Anything not listed: as on a button. */
const REFUSALS: Record<Surface, Told> = {
  button: ON_A_BUTTON,
  open_credentials: {
    not_now: 'flow.refused.formNotNow',
    busy_checking: 'flow.refused.formNotNow',
  },
  open_help_form: {
    not_now: 'flow.refused.helpNotNow',
    busy_checking: 'flow.refused.helpNotNow',
  },
  credentials_form: {
    expired: 'flow.refused.form.expired',
    not_holder: 'flow.refused.form.notHolder',
    linked: 'flow.refused.form.linked',
    cancelled: 'flow.refused.form.cancelled',
    not_now: 'flow.refused.form.stillChecking',
    busy_checking: 'flow.refused.form.stillChecking',
    conflict: 'flow.refused.form.stillChecking',
  },
  help_form: {
    expired: 'flow.refused.helpForm.ended',
    linked: 'flow.refused.helpForm.ended',
    cancelled: 'flow.refused.helpForm.ended',
    not_holder: 'flow.refused.helpForm.notHolder',
    not_now: 'flow.refused.helpForm.movedOn',
    busy_checking: 'flow.refused.helpForm.movedOn',
    conflict: 'flow.refused.helpForm.movedOn',
  },
  answer: {
    expired: 'flow.refused.answer.ended',
    stale_request: 'flow.refused.answer.replaced',
    not_colleague: 'flow.refused.answer.notColleague',
    linked: 'flow.refused.answer.linked',
    cancelled: 'flow.refused.answer.cancelled',
    answered: 'flow.refused.answer.youAnswered',
    conflict: 'flow.refused.answer.answeredMeanwhile',
    not_now: 'flow.refused.answer.answeredMeanwhile',
  },
};

/** How long unfinished setups are kept, in words. */
function keptFor(tr: Translate, ttlSeconds: number): string {
  const days = Math.round(ttlSeconds / 86400);
  return days >= 1 ? tr('flow.kept.days', { count: days }) : tr('flow.kept.seconds', { count: ttlSeconds });
}

/** What the person is told, in their words, when `refused` happened at `surface`. */
export function refusalText(
  deps: FlowDeps,
  words: Words,
  surface: Surface,
  refused: NotApplied,
  flow?: FlowState,
): string {
  const { tr, catalog } = words;
  const id = REFUSALS[surface][refused] ?? ON_A_BUTTON[refused] ?? 'flow.refused.movedOn';
  const systemId = flow?.systemId ?? '';
  return tr(id, {
    kept: keptFor(tr, deps.settings.flowTtlSeconds),
    name: catalog.name(systemId),
    word: catalog.linkWord(systemId),
    vendor: catalog.system(systemId)?.vendor ?? systemId,
    holder: flow?.holderId ?? '',
    colleague: flow?.handover?.colleagueId ?? '',
  });
}
