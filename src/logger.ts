import pino, { type DestinationStream, type Logger } from 'pino';

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

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'wintro-linking-bot' },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    destination,
  );
}

export type { Logger };
