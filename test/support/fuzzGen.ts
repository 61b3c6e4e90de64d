/**
 * The seeded randomness of the fuzz test: a small PRNG (mulberry32), and the junk it draws from —
 * strings that have broken parsers, renderers and Redis keys before, values of the wrong type, and
 * ids that look like Slack's most of the time.
 */

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Gen {
  private readonly random: () => number;
  constructor(seed: number) {
    this.random = mulberry32(seed);
  }
  int(max: number) {
    return Math.floor(this.random() * max);
  }
  chance(p: number) {
    return this.random() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

export const KB100 = 100 * 1024;

/** Strings that have broken parsers, renderers and Redis keys before. */
const ODD_STRINGS: readonly (() => string)[] = [
  () => '',
  () => ' ',
  () => '\n\r\t',
  () => '\u202Egreenhouse', // RTL override
  () => 'link \u202Ekcab\u202C greenhouse',
  () => 'green\u200Bhouse', // zero-width space
  () => '\u200B\u200C\u200D\u2060\uFEFF',
  () => '\uD800', // lone high surrogate
  () => 'x\uDFFF\uD800y', // reversed pair
  () => 'a\u0000b', // NUL
  () => '\u0000',
  () => '\u0007\u001b[31mred\u001b[0m',
  () => '𝕏𝕐𝕫 😀👩‍👩‍👧‍👦',
  () => 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  () => '<!channel> <!here> <@U0ADMIN>',
  () => '*bold* _it_ ~st~ `code` ```block```',
  () => `$${'{'}jndi:ldap://127.0.0.1:1/a}`, // a log4j-style lookup, built so no linter takes it for a template
  () => "'; DROP TABLE flows; --",
  () => '../../../etc/passwd',
  () => 'wintro:{T0ACME}:flow:*',
  () => '%00%2e%2e%2f',
  () => '{"flowId":"x","seq":1}',
  () => 'null',
  () => '[]',
  () => 'undefined',
  () => 'NaN',
  () => '-1',
  () => '1e999',
  () => 'AbCdEf123456.99999999999',
  () => 'AbCdEf123456.-1',
  () => 'x'.repeat(3001),
];

/** 100 KB values: a small share of every pick, so each run has plenty without drowning the machine. */
const HUGE_STRINGS: readonly (() => string)[] = [
  () => 'A'.repeat(KB100),
  () => '\u202E'.repeat(KB100 / 2),
  () => '𝕏'.repeat(KB100 / 4),
  () => '\u0000'.repeat(KB100),
  () => 'link greenhouse '.repeat(KB100 / 16),
];

/** An odd string; one pick in twenty is 100 KB. */
export const oddString = (g: Gen) => (g.chance(0.05) ? g.pick(HUGE_STRINGS) : g.pick(ODD_STRINGS))();

const WRONG_TYPES: readonly (() => unknown)[] = [
  () => 0,
  () => -1,
  () => 1.5,
  () => 1e308,
  () => true,
  () => false,
  () => null,
  () => [],
  () => ['a', 'b'],
  () => [null],
  () => ({}),
  () => ({ id: 'T0ACME' }),
  () => [[[[[]]]]],
  () => deepArray(2000),
];

export function deepArray(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

export const COMMAND_TEXTS = [
  'link greenhouse',
  'link personio',
  'link personio employees',
  'link recruitee',
  'link workable',
  'link',
  'link grenhouse',
  'status',
  'cancel',
  'cancel greenhouse',
  'help',
  'stauts',
  '',
];
export const OUR_ACTIONS = [
  'flow.begin',
  'flow.next',
  'flow.back',
  'flow.credentials',
  'flow.cancel',
  'flow.help',
  'flow.resume',
  'flow.variant:personio-recruiting',
  'flow.variant:zzz',
  'flow.unknown',
  'flow.',
  'pick.system:system:greenhouse',
  'pick.system:family:personio',
  'pick.system:zzz',
  'handover.take',
  'handover.granted',
  'handover.decline',
  'handover.unknown',
  `flow.${'n'.repeat(300)}`,
  'flow.next\u0000',
  'flow.\u202Enext',
];
export const OUR_CALLBACKS = ['credentials.submit', 'handover.ask', 'handover.decline'];
export const TEAMS = ['T0FUZZ', 'T0ACME'];
export const USERS = ['U0FUZZ1', 'U0FUZZ2', 'U0ADMIN'];

/** A Slack-looking id most of the time, junk otherwise. */
export function maybeId(g: Gen, pool: readonly string[]): unknown {
  if (g.chance(0.6)) return g.pick(pool);
  if (g.chance(0.5)) return oddString(g);
  return g.pick(WRONG_TYPES)();
}

export function junk(g: Gen): unknown {
  return g.chance(0.6) ? oddString(g) : g.pick(WRONG_TYPES)();
}

export function triggerId(g: Gen, n: number) {
  return g.chance(0.8) ? `${1_700_000_000_000 + n}.4744562912.${n.toString(16).padStart(32, '0')}` : junk(g);
}
