import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { publicKeySetting, type WintroPublicKey } from './connections/publicKey.js';
import { SYSTEM_SETTINGS } from './systems/catalog.js';
import type { SettingValues } from './systems/settings.js';

// zod/mini carries no messages of its own; an operator reads zod's English ones in the startup error.
z.config(en());

const url = (fallback: string) =>
  z
    ._default(z.string().check(z.trim()), fallback)
    .check(z.refine((value) => /^https?:\/\/[^\s/]+/i.test(value), 'must be an http(s) URL'));

const base64Key = z.string().check(
  z.trim(),
  z.refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32, {
    message: 'must be 32 bytes encoded as base64 (generate one with: openssl rand -base64 32)',
  }),
);

const seconds = (fallback: number) =>
  z._default(
    z.coerce.number().check(z.int('must be a whole number of seconds'), z.positive('must be above 0')),
    fallback,
  );

/** A whole number from `min` to `max`; `fallback` when unset. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max)), fallback);

const LOOPBACK_HTTP = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;

const optionalText = z.pipe(
  z.optional(z.string().check(z.trim())),
  z.transform((value: string | undefined) => (value ? value : undefined)),
);

/** Text that is unset or passes `valid`, which otherwise fails with `message`. */
const optionalTextWhere = (valid: (value: string) => boolean, message: string) =>
  optionalText.check(z.refine((value) => value === undefined || valid(value), { message }));

/** A comma-separated setting: its non-empty items, each checked by `item`; none when unset. */
const commaList = (item: z.ZodMiniType<string, string>) =>
  z.pipe(
    z.pipe(
      optionalText,
      z.transform((value: string | undefined) =>
        value
          ? value
              .split(',')
              .map((part) => part.trim())
              .filter(Boolean)
          : [],
      ),
    ),
    z.array(item),
  );

/** Who may link, replace and unlink systems (WINTRO_LINKERS). */
export type Linkers = { kind: 'anyone' } | { kind: 'admins' } | { kind: 'group'; groupId: string };

const linkersSetting = z.pipe(
  z
    .pipe(
      z._default(z.string().check(z.trim()), 'anyone'),
      z.transform((value: string) => (value === '' ? 'anyone' : value)),
    )
    .check(
      z.refine((value) => /^(anyone|admins|S[A-Z0-9]{2,40})$/.test(value), {
        message:
          'must be anyone, admins (Slack workspace admins and owners) or a Slack user group id such as S0123ABCD (not a @handle)',
      }),
    ),
  z.transform((value: string): Linkers => {
    if (value === 'anyone' || value === 'admins') return { kind: value };
    return { kind: 'group', groupId: value };
  }),
);

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalTextWhere(
    (value) => value.startsWith('xoxb-'),
    'must be a bot token starting with xoxb-',
  ),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalTextWhere(
    (value) => value.length >= 32,
    'must be at least 32 characters (generate one with: openssl rand -hex 32)',
  ),
  WINTRO_INSTALL_SECRET: optionalTextWhere(
    (value) => value.length >= 32,
    'must be at least 32 characters: it signs the install links Wintro hands out',
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalTextWhere(
    (value) => value.startsWith('xapp-'),
    'must be an app-level token starting with xapp-',
  ),
  SLACK_API_URL: url('https://slack.com/api/'),
  PORT: wholeNumber(0, 65535, 3000),
  REDIS_URL: optionalTextWhere((value) => /^rediss?:\/\//.test(value), 'must be a redis:// or rediss:// URL'),
  REDIS_CLUSTER_URLS: commaList(
    z
      .string()
      .check(
        z.regex(/^redis:\/\/[^\s/:]+:\d{1,5}\/?$/, 'must be comma-separated redis://host:port seed nodes'),
      ),
  ),
  WINTRO_ENCRYPTION_KEY: z.pipe(optionalText, z.optional(base64Key)),
  WINTRO_ENCRYPTION_KEY_PREVIOUS: commaList(base64Key),
  WINTRO_SHUTDOWN_GRACE_MS: wholeNumber(0, 120_000, 10_000),
  WINTRO_NOTIFY_CHANNEL: optionalTextWhere(
    (value) => /^[CGD][A-Z0-9]{2,}$/.test(value),
    'must be a Slack channel id such as C0123ABCD (not a #name)',
  ),
  WINTRO_FLOW_TTL_SECONDS: seconds(14 * 24 * 3600),
  WINTRO_REMINDER_AFTER_SECONDS: seconds(24 * 3600),
  WINTRO_REMINDER_MAX: z._default(
    z.coerce.number().check(z.int(), z.minimum(0, 'must be 0 (off) or more'), z.maximum(10)),
    1,
  ),
  WINTRO_NUDGE_REMINDER_AFTER_SECONDS: seconds(24 * 3600),
  WINTRO_EXPIRY_WARNING_SECONDS: seconds(7 * 24 * 3600),
  WINTRO_REVERIFY_EVERY_SECONDS: z._default(
    z.coerce
      .number()
      .check(
        z.int('must be a whole number of seconds'),
        z.minimum(1, 'must be at least 1 (second)'),
        z.maximum(90 * 24 * 3600, 'must be at most 7776000 (90 days), or breakage goes unnoticed too long'),
      ),
    24 * 3600,
  ),
  WINTRO_SCREENSHOT_BASE_URL: optionalTextWhere(
    (value) => /^https:\/\/[^\s/]+/.test(value),
    'must be an https URL that Slack can fetch images from',
  ),
  WINTRO_VENDOR_TIMEOUT_MS: wholeNumber(100, 60_000, 8000),
  WINTRO_WEBHOOK_URL: optionalTextWhere(
    (value) => /^https:\/\/[^\s/]+/.test(value) || LOOPBACK_HTTP.test(value),
    'must be an https URL (plain http only on localhost)',
  ),
  WINTRO_WEBHOOK_SECRET: optionalTextWhere(
    (value) => /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/.test(value),
    'must be a Standard Webhooks secret: whsec_ followed by at least 24 bytes in base64',
  ),
  WINTRO_CONNECTION_PUBLIC_KEY: z.pipe(optionalText, z.optional(publicKeySetting)),
  WINTRO_WEBHOOK_RETRY_BASE_MS: wholeNumber(1, 3_600_000, 10_000),
  WINTRO_WEBHOOK_RETRY_HOURS: z._default(
    z.coerce.number().check(z.positive('must be above 0'), z.maximum(720)),
    24,
  ),
  METRICS_TOKEN: optionalTextWhere(
    (value) => /^[\x21-\x7e]{16,}$/.test(value),
    'must be at least 16 characters without spaces (generate one with: openssl rand -hex 32)',
  ),
  WINTRO_LINKERS: linkersSetting,
  LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
});

/** The settings every vendor declares for itself (see src/systems/catalog.ts). */
const systemsSchema = z.object(
  Object.fromEntries(SYSTEM_SETTINGS.map((setting) => [setting.name, setting.schema])),
);

/** Set together, they turn on multi-workspace mode (OAuth installs). */
const OAUTH_SETTINGS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** Rules across variables, checked on the raw environment so they are reported with every other problem. */
function crossFieldProblems(env: NodeJS.ProcessEnv): string[] {
  const set = (name: string) => Boolean(env[name]?.trim());
  const problems: string[] = [];
  const oauth = OAUTH_SETTINGS.filter(set);
  const multiWorkspace = oauth.length === OAUTH_SETTINGS.length;
  if (oauth.length > 0 && !multiWorkspace) {
    const missing = OAUTH_SETTINGS.filter((name) => !set(name)).join(', ');
    problems.push(`${missing} must be set too: multi-workspace mode needs ${OAUTH_SETTINGS.join(', ')}`);
  }
  if (multiWorkspace && set('SLACK_BOT_TOKEN')) {
    problems.push(
      'SLACK_BOT_TOKEN must be unset in multi-workspace mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set): each workspace is served with the token of its own installation',
    );
  }
  if (multiWorkspace && set('SLACK_APP_TOKEN')) {
    problems.push(
      'SLACK_APP_TOKEN must be unset in multi-workspace mode: a distributed app runs in HTTP mode (Socket Mode is for developing in one workspace)',
    );
  }
  if (set('REDIS_URL') && set('REDIS_CLUSTER_URLS')) {
    problems.push(
      'REDIS_URL and REDIS_CLUSTER_URLS must not both be set: one Redis, or the seed nodes of a Cluster',
    );
  }
  if (multiWorkspace && !set('WINTRO_INSTALL_SECRET')) {
    problems.push('WINTRO_INSTALL_SECRET is required in multi-workspace mode (it signs the install links)');
  }
  if (oauth.length === 0 && !set('SLACK_BOT_TOKEN')) {
    problems.push(
      'SLACK_BOT_TOKEN is required (the bot token, xoxb-…), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for multi-workspace mode',
    );
  }
  if (!set('SLACK_APP_TOKEN') && !set('SLACK_SIGNING_SECRET')) {
    problems.push(
      'SLACK_SIGNING_SECRET is required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  if (set('REDIS_CLUSTER_URLS') && !set('WINTRO_ENCRYPTION_KEY')) {
    problems.push(
      'WINTRO_ENCRYPTION_KEY is required when REDIS_CLUSTER_URLS is set (stored credentials must survive restarts)',
    );
  }
  if (set('REDIS_URL') && !set('WINTRO_ENCRYPTION_KEY')) {
    problems.push(
      'WINTRO_ENCRYPTION_KEY is required when REDIS_URL is set (stored credentials must survive restarts)',
    );
  }
  if (set('WINTRO_WEBHOOK_URL')) {
    for (const name of ['WINTRO_WEBHOOK_SECRET', 'WINTRO_CONNECTION_PUBLIC_KEY']) {
      if (!set(name)) problems.push(`${name} is required when WINTRO_WEBHOOK_URL is set`);
    }
  }
  // Greenhouse partner OAuth: the client comes as a pair, and Greenhouse must be able to send the
  // browser back to the bot.
  const partner = ['GREENHOUSE_OAUTH_CLIENT_ID', 'GREENHOUSE_OAUTH_CLIENT_SECRET'];
  if (partner.some(set) && !partner.every(set)) {
    problems.push(
      `${partner.filter((name) => !set(name)).join(', ')} must be set too: Greenhouse partner OAuth needs both`,
    );
  }
  if (partner.every(set) && !set('WINTRO_PUBLIC_URL')) {
    problems.push(
      'WINTRO_PUBLIC_URL is required with GREENHOUSE_OAUTH_CLIENT_ID (the bot’s external base URL; Greenhouse sends the browser back to <it>/oauth/greenhouse/callback)',
    );
  }
  return problems;
}

export interface Config {
  slack: {
    /** Single-workspace mode: the one bot token. */
    botToken?: string;
    /** Multi-workspace mode: the app's OAuth credentials and the secret of Wintro's install links. */
    oauth?: { clientId: string; clientSecret: string; stateSecret: string; installSecret: string };
    signingSecret?: string;
    appToken?: string;
    apiUrl: string;
  };
  port: number;
  redisUrl?: string;
  /** REDIS_CLUSTER_URLS: seed nodes of a Redis Cluster, used instead of REDIS_URL. */
  redisClusterNodes?: { host: string; port: number }[];
  encryptionKey?: Buffer;
  /** Keys that sealed older connections: they still open them, nothing new is sealed with them. */
  previousEncryptionKeys: Buffer[];
  shutdownGraceMs: number;
  notifyChannel?: string;
  screenshotBaseUrl?: string;
  flowTtlSeconds: number;
  reminders: { idleMs: number; maxReminders: number; nudgeMs: number; expiryWarningMs: number };
  /** WINTRO_REVERIFY_EVERY_SECONDS, in ms: how often every linked connection is checked again. */
  reverifyEveryMs: number;
  vendorTimeoutMs: number;
  /** Where linked connections are handed to Wintro; unset = they stay here only. */
  wintroWebhook?: WintroWebhookSettings;
  /** The vendors' own settings by variable name, checked: what `createCatalog` builds the systems from. */
  systems: SettingValues;
  /** METRICS_TOKEN: when set, `GET /metrics` requires it as a bearer token. */
  metricsToken?: string;
  /** WINTRO_LINKERS: who may link, replace and unlink systems. */
  linkers: Linkers;
  logLevel: string;
}

export interface WintroWebhookSettings {
  url: string;
  /** Standard Webhooks secret (`whsec_…`). */
  secret: string;
  publicKey: WintroPublicKey;
  retryBaseMs: number;
  retryWindowMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the whole environment at once so an operator sees every problem in one message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const systems = systemsSchema.safeParse(env);
  const problems = [
    ...[parsed, systems].flatMap((result) =>
      result.success
        ? []
        : result.error.issues.map((issue) => {
            const name = String(issue.path[0] ?? 'environment');
            const message =
              issue.code === 'invalid_type' && env[name] === undefined ? 'is required' : issue.message;
            return `${name} ${message}`;
          }),
    ),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || !systems.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      oauth:
        e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET && e.WINTRO_INSTALL_SECRET
          ? {
              clientId: e.SLACK_CLIENT_ID,
              clientSecret: e.SLACK_CLIENT_SECRET,
              stateSecret: e.SLACK_STATE_SECRET,
              installSecret: e.WINTRO_INSTALL_SECRET,
            }
          : undefined,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
    },
    port: e.PORT,
    redisUrl: e.REDIS_URL,
    ...(e.REDIS_CLUSTER_URLS.length
      ? {
          redisClusterNodes: e.REDIS_CLUSTER_URLS.map((seed) => {
            const { hostname, port } = new URL(seed);
            return { host: hostname, port: Number(port) };
          }),
        }
      : {}),
    encryptionKey: e.WINTRO_ENCRYPTION_KEY ? Buffer.from(e.WINTRO_ENCRYPTION_KEY, 'base64') : undefined,
    previousEncryptionKeys: e.WINTRO_ENCRYPTION_KEY_PREVIOUS.map((key) => Buffer.from(key, 'base64')),
    shutdownGraceMs: e.WINTRO_SHUTDOWN_GRACE_MS,
    notifyChannel: e.WINTRO_NOTIFY_CHANNEL,
    screenshotBaseUrl: e.WINTRO_SCREENSHOT_BASE_URL,
    flowTtlSeconds: e.WINTRO_FLOW_TTL_SECONDS,
    reminders: {
      idleMs: e.WINTRO_REMINDER_AFTER_SECONDS * 1000,
      maxReminders: e.WINTRO_REMINDER_MAX,
      nudgeMs: e.WINTRO_NUDGE_REMINDER_AFTER_SECONDS * 1000,
      expiryWarningMs: e.WINTRO_EXPIRY_WARNING_SECONDS * 1000,
    },
    reverifyEveryMs: e.WINTRO_REVERIFY_EVERY_SECONDS * 1000,
    vendorTimeoutMs: e.WINTRO_VENDOR_TIMEOUT_MS,
    ...(e.WINTRO_WEBHOOK_URL && e.WINTRO_WEBHOOK_SECRET && e.WINTRO_CONNECTION_PUBLIC_KEY
      ? {
          wintroWebhook: {
            url: e.WINTRO_WEBHOOK_URL,
            secret: e.WINTRO_WEBHOOK_SECRET,
            publicKey: e.WINTRO_CONNECTION_PUBLIC_KEY,
            retryBaseMs: e.WINTRO_WEBHOOK_RETRY_BASE_MS,
            retryWindowMs: Math.round(e.WINTRO_WEBHOOK_RETRY_HOURS * 3600 * 1000),
          },
        }
      : {}),
    systems: systems.data,
    metricsToken: e.METRICS_TOKEN,
    linkers: e.WINTRO_LINKERS,
    logLevel: e.LOG_LEVEL,
  };
}
