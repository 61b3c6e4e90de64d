import type { Language } from '../messages/index.js';
import type { Catalog } from '../systems/catalog.js';

export type LinkTarget = { type: 'system'; id: string } | { type: 'family'; id: string };

/** `/wintro language de|en|auto` (the person's own) or `/wintro language channel de|en` (the workspace's). */
export type LanguageChoice =
  | { scope: 'person'; language: Language | 'auto' }
  | { scope: 'channel'; language: Language };

export type WintroCommand =
  | { kind: 'link'; target: LinkTarget }
  | { kind: 'pick' }
  | { kind: 'status' }
  /** `channelId` is missing when no channel was picked from Slack's list (plain text after notify). */
  | { kind: 'notify'; channelId?: string }
  | { kind: 'cancel'; target?: LinkTarget }
  /** Without a target: which linked system to unlink. */
  | { kind: 'unlink'; target?: LinkTarget }
  | { kind: 'help' }
  /** Without `set`: which language the person reads, where it comes from, and the channel's. */
  | { kind: 'language'; set?: LanguageChoice }
  | { kind: 'bad_language'; input: string; scope: LanguageChoice['scope'] }
  | { kind: 'unknown_system'; input: string; suggestion?: LinkTarget }
  | { kind: 'unknown'; input: string; suggestion?: string };

const SUBCOMMANDS = ['link', 'unlink', 'status', 'cancel', 'notify', 'help', 'language'] as const;

/**
 * Command words stay English; these German ones are understood too (`/wintro verbinden greenhouse`).
 * The help text lists them (`language.help.aliases`).
 */
export const GERMAN_VERBS: Readonly<Record<string, string>> = {
  verbinden: 'link',
  trennen: 'unlink',
  hilfe: 'help',
  abbrechen: 'cancel',
  benachrichtigen: 'notify',
  sprache: 'language',
};

/** The words for each language after `/wintro language`, in English and German. */
const LANGUAGE_WORDS: Readonly<Record<string, Language | 'auto'>> = {
  de: 'de',
  deutsch: 'de',
  german: 'de',
  en: 'en',
  englisch: 'en',
  english: 'en',
  auto: 'auto',
  automatisch: 'auto',
};
const CHANNEL_WORDS = new Set(['channel', 'kanal']);

/** `/wintro language …`: show, choose the person's own language, or the channel's. */
function parseLanguage(rest: string): WintroCommand {
  if (!rest) return { kind: 'language' };
  const [first = '', ...others] = rest.split(' ');
  if (CHANNEL_WORDS.has(first)) {
    const value = others.join(' ');
    if (!value) return { kind: 'language' };
    const language = LANGUAGE_WORDS[value];
    return language && language !== 'auto'
      ? { kind: 'language', set: { scope: 'channel', language } }
      : { kind: 'bad_language', input: value, scope: 'channel' };
  }
  const language = LANGUAGE_WORDS[rest];
  return language
    ? { kind: 'language', set: { scope: 'person', language } }
    : { kind: 'bad_language', input: rest, scope: 'person' };
}

/** A channel picked from Slack's list arrives escaped, e.g. `<#C0123ABCD|hr-systems>`. */
const CHANNEL_MENTION = /<#([CG][A-Z0-9]{2,40})(?:\|[^>]*)?>/;
const MAX_INPUT = 200;

/** Edit distance with transpositions, so "grenhouse" and "greenhosue" both find "greenhouse". */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

function closest<T>(input: string, candidates: { word: string; value: T }[]): T | undefined {
  let best: { distance: number; value: T } | undefined;
  for (const { word, value } of candidates) {
    const distance = editDistance(input, word);
    const allowed = word.length <= 4 ? 1 : 2;
    if (distance <= allowed && (!best || distance < best.distance)) best = { distance, value };
  }
  return best?.value;
}

function resolveTarget(words: string, catalog: Catalog): LinkTarget | undefined {
  for (const system of catalog.systems) {
    if (system.id === words || system.aliases.includes(words)) return { type: 'system', id: system.id };
  }
  for (const family of catalog.families) {
    if (family.id === words || family.aliases.includes(words)) return { type: 'family', id: family.id };
  }
  return undefined;
}

function suggestTarget(words: string, catalog: Catalog): LinkTarget | undefined {
  const candidates: { word: string; value: LinkTarget }[] = [
    ...catalog.systems.flatMap((system) =>
      [system.id, ...system.aliases].map((word) => ({
        word,
        value: { type: 'system', id: system.id } as LinkTarget,
      })),
    ),
    ...catalog.families.flatMap((family) =>
      [family.id, ...family.aliases].map((word) => ({
        word,
        value: { type: 'family', id: family.id } as LinkTarget,
      })),
    ),
  ];
  return closest(words, candidates) ?? closest(words.split(' ')[0] ?? '', candidates);
}

/** The command for the system or family the words name, or which one they may have meant. */
function ofTarget(
  words: string,
  catalog: Catalog,
  command: (target: LinkTarget) => WintroCommand,
): WintroCommand {
  const target = resolveTarget(words, catalog);
  return target
    ? command(target)
    : { kind: 'unknown_system', input: words, suggestion: suggestTarget(words, catalog) };
}

/** Turns the text after `/wintro` into a command. Never throws; anything unclear becomes help. */
export function parseCommand(rawText: string, catalog: Catalog): WintroCommand {
  const text = rawText.normalize('NFKC').slice(0, MAX_INPUT).toLowerCase().replace(/\s+/g, ' ').trim();
  if (!text) return { kind: 'help' };
  const [typedVerb = '', ...restWords] = text.split(' ');
  const verb = GERMAN_VERBS[typedVerb] ?? typedVerb;
  const rest = restWords.join(' ');

  switch (verb) {
    case 'help':
    case '?':
      return { kind: 'help' };
    case 'status':
      return { kind: 'status' };
    case 'language':
      return parseLanguage(rest);
    case 'notify': {
      const channelId = CHANNEL_MENTION.exec(rawText)?.[1];
      return channelId ? { kind: 'notify', channelId } : { kind: 'notify' };
    }
    case 'cancel':
    case 'stop':
      return rest ? ofTarget(rest, catalog, (target) => ({ kind: 'cancel', target })) : { kind: 'cancel' };
    case 'unlink':
    case 'disconnect':
      return rest ? ofTarget(rest, catalog, (target) => ({ kind: 'unlink', target })) : { kind: 'unlink' };
    case 'link':
    case 'connect':
      return rest ? ofTarget(rest, catalog, (target) => ({ kind: 'link', target })) : { kind: 'pick' };
  }

  // "/wintro greenhouse" is a common shortcut for "/wintro link greenhouse".
  const direct = resolveTarget(text, catalog);
  if (direct) return { kind: 'link', target: direct };
  const verbSuggestion = closest(verb, [
    ...SUBCOMMANDS.map((word) => ({ word, value: word as string })),
    ...Object.keys(GERMAN_VERBS).map((word) => ({ word, value: word })),
  ]);
  if (verbSuggestion)
    return { kind: 'unknown', input: text, suggestion: rest ? `${verbSuggestion} ${rest}` : verbSuggestion };
  const target = suggestTarget(text, catalog);
  if (target) return { kind: 'unknown_system', input: text, suggestion: target };
  return { kind: 'unknown', input: text };
}
