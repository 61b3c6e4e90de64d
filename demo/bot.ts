import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * The real bot, as its own process (`src/main.ts` through tsx), configured only through its
 * environment like any deployment: the demo's Slack stand-in as `SLACK_API_URL`, the sandbox
 * vendors as the vendor bases, a notify channel. It knows nothing of the demo.
 */
export type BotStatus = 'starting' | 'up' | 'down';

export interface BotProcess {
  status(): BotStatus;
  /** Resolves with the bot's `/slack/events` URL once it listens; rejects if it exits first. */
  ready: Promise<string>;
  /** Every line the bot logged. */
  logs: string[];
  stop(): Promise<void>;
}

export interface BotOptions {
  /** Settings for the bot: Slack, vendors, channel, store. */
  env: Record<string, string>;
  /** Each log line as it comes (the terminal, by default nowhere). */
  onLog?: (line: string) => void;
}

const ENTRY = fileURLToPath(new URL('../src/main.ts', import.meta.url));
/** Run from the demo's own folder, so a developer's `.env` cannot change the demo's bot. */
const CWD = fileURLToPath(new URL('.', import.meta.url));
/** What the bot process keeps from the demo's environment; everything else it is told. */
const KEPT = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'SYSTEMROOT'];

/** The store settings: Redis when REDIS_URL is set (with the operator's key, or a throwaway one). */
export function storeEnv(from: NodeJS.ProcessEnv): Record<string, string> {
  if (!from.REDIS_URL) return {};
  return {
    REDIS_URL: from.REDIS_URL,
    WINTRO_ENCRYPTION_KEY: from.WINTRO_ENCRYPTION_KEY || randomBytes(32).toString('base64'),
  };
}

export function startBot({ env, onLog }: BotOptions): BotProcess {
  const kept = Object.fromEntries(
    KEPT.filter((name) => process.env[name]).map((name) => [name, process.env[name] as string]),
  );
  const child: ChildProcess = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), ENTRY], {
    cwd: CWD,
    env: { ...kept, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let status: BotStatus = 'starting';
  const logs: string[] = [];
  let listening: (url: string) => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const ready = new Promise<string>((resolve, reject) => {
    listening = resolve;
    failed = reject;
  });
  const read = (stream: NodeJS.ReadableStream | null) => {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (line) => {
      logs.push(line);
      if (logs.length > 5000) logs.shift();
      onLog?.(line);
      const port = runningPort(line);
      if (port !== undefined) {
        status = 'up';
        listening(`http://127.0.0.1:${port}/slack/events`);
      }
    });
  };
  read(child.stdout);
  read(child.stderr);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      status = 'down';
      failed(new Error(`the bot exited (${code ?? 'signal'}) before it was ready`));
      resolve();
    });
  });
  return {
    status: () => status,
    ready,
    logs,
    async stop() {
      if (status === 'down') return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** The port in the bot's "Wintro bot is running" log line, if this is that line. */
function runningPort(line: string): number | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: unknown; port?: unknown };
    return entry.msg === 'Wintro bot is running' && typeof entry.port === 'number' ? entry.port : undefined;
  } catch {
    return undefined;
  }
}
