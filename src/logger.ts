import pino, { type DestinationStream, type Logger } from 'pino';

const CENSOR = '[redacted]';

const SECRET_KEYS = [
  'token',
  'accessToken',
  'access_token',
  'clientSecret',
  'client_secret',
  'secret',
  'password',
  'authorization',
  'Authorization',
  'credentials',
  'values',
];

// Nothing should log a secret on purpose; this is the net under that rule, a few levels deep.
const redactPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

/**
 * Keys whose value is a secret, at any depth, compared without case, '-' or '_':
 * tokens of every kind, secrets, passwords, API keys, Authorization and Cookie headers, stored
 * credentials, and Slack view state `values` (what an admin typed into the credentials form).
 */
const SECRET_KEY =
  /(?:token|tokens|secret|secrets|password|passwd|apikey|authorization|cookie|credential|credentials|privatekey|signature)$/;
const EXACT_SECRET_KEYS = new Set(['values', 'auth']);

export function isSecretKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[-_\s]/g, '');
  return EXACT_SECRET_KEYS.has(normalized) || SECRET_KEY.test(normalized);
}

/** Secrets that travel inside text: Authorization values, Slack tokens, token query parameters. */
const SECRET_TEXT: [RegExp, string][] = [
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${CENSOR}`],
  [/\bx(?:ox[abposer]|app)-[A-Za-z0-9-]+/g, CENSOR],
  [
    /\b((?:access_token|refresh_token|id_token|token|client_secret|api_key|apikey|password)=)[^&\s"']+/gi,
    `$1${CENSOR}`,
  ],
];

export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of SECRET_TEXT) result = result.replace(pattern, replacement);
  return result;
}

const MAX_DEPTH = 12;

/**
 * A copy of a log argument with every secret key censored and every string scrubbed, at any depth,
 * in arrays too, through Error objects (their message, stack, cause and own fields such as an HTTP
 * client's `config.headers`), without following cycles.
 */
export function sanitize(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => sanitize(item, depth + 1, seen));
    if (value instanceof Error) return sanitizeError(value, depth, seen);
    if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    if (value instanceof Map) return sanitize(Object.fromEntries(value), depth, seen);
    if (value instanceof Set) return sanitize([...value], depth, seen);
    if (value instanceof Date) return value;
    if (value instanceof URL) return redactText(value.toString());
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      copy[key] = isSecretKey(key) ? CENSOR : sanitize(inner, depth + 1, seen);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}

/** An Error of the same class (so pino's err serializer still names it), scrubbed. */
function sanitizeError(error: Error, depth: number, seen: WeakSet<object>): Error {
  const copy = Object.create(Object.getPrototypeOf(error)) as Error & Record<string, unknown>;
  const hidden = (value: unknown) => ({ value, enumerable: false, writable: true, configurable: true });
  Object.defineProperty(copy, 'message', hidden(redactText(String(error.message ?? ''))));
  Object.defineProperty(copy, 'stack', hidden(redactText(String(error.stack ?? ''))));
  if (error.name !== copy.name) Object.defineProperty(copy, 'name', hidden(error.name));
  if ('cause' in error) Object.defineProperty(copy, 'cause', hidden(sanitize(error.cause, depth + 1, seen)));
  for (const [key, inner] of Object.entries(error)) {
    copy[key] = isSecretKey(key) ? CENSOR : sanitize(inner, depth + 1, seen);
  }
  return copy;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'wintro-linking-bot' },
      redact: { paths: redactPaths, censor: CENSOR },
      formatters: { bindings: (bindings) => sanitize(bindings) as Record<string, unknown> },
      hooks: {
        // Every argument, the message included, is scrubbed before pino sees it; the redact paths
        // above stay as a second net.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (first instanceof Error) {
            // Keep pino's own shape for logger.error(err): { err: {...}, msg: err.message }.
            const err = sanitizeError(first, 0, new WeakSet());
            const next = rest.length > 0 ? rest.map((arg) => sanitize(arg)) : [err.message];
            return method.apply(this, [{ err }, ...next] as Parameters<typeof method>);
          }
          return method.apply(this, args.map((arg) => sanitize(arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export type { Logger };
