import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
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

/** A port nobody listens on right now, for the bot. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const READY_WITHIN_MS = 60_000;

/** Resolves once `GET /healthz` answers, rejects when `gaveUp()` says so or time runs out. */
async function healthy(baseUrl: string, gaveUp: () => boolean): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < READY_WITHIN_MS) {
    if (gaveUp()) throw new Error('the bot stopped before it was ready (its log is above)');
    const answered = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the bot did not answer on ${baseUrl} within ${READY_WITHIN_MS / 1000} seconds`);
}

export async function startBot({ env, onLog }: BotOptions): Promise<BotProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const kept = Object.fromEntries(
    KEPT.filter((name) => process.env[name]).map((name) => [name, process.env[name] as string]),
  );
  const child: ChildProcess = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), ENTRY], {
    cwd: CWD,
    env: { ...kept, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let status: BotStatus = 'starting';
  let exitCode: number | null | undefined;
  const logs: string[] = [];
  const read = (stream: NodeJS.ReadableStream | null) => {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (line) => {
      logs.push(line);
      if (logs.length > 5000) logs.shift();
      onLog?.(line);
    });
  };
  read(child.stdout);
  read(child.stderr);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      status = 'down';
      exitCode = code;
      resolve();
    });
  });
  const ready = healthy(baseUrl, () => status === 'down').then(
    () => {
      status = 'up';
      return `${baseUrl}/slack/events`;
    },
    (error: Error) => {
      throw exitCode === undefined ? error : new Error(`${error.message}; exit code ${exitCode}`);
    },
  );
  ready.catch(() => undefined);
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
