/**
 * A tiny request/reply protocol over Node's IPC channel between the benchmark and the processes it
 * starts (the app under test, the fake Slack). Children run TypeScript through the same tsx loader.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Request {
  id: number;
  type: string;
  payload?: unknown;
}

interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

interface Ready {
  ready: true;
  info: unknown;
}

type Handlers = Record<string, (payload: any) => unknown>;

export class ChildHandle<Info> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private exited = false;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly info: Info,
  ) {
    child.on('message', (message: Reply) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error !== undefined) waiter.reject(new Error(`${name}: ${message.error}`));
      else waiter.resolve(message.result);
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      for (const waiter of this.pending.values()) {
        waiter.reject(new Error(`${name} exited (code ${code}, signal ${signal})`));
      }
      this.pending.clear();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Forks `script` and resolves once it has sent its ready message. */
  static start<Info>(
    name: string,
    script: URL,
    env: Record<string, string>,
    options: { execArgv?: string[]; typescript?: boolean } = {},
  ): Promise<ChildHandle<Info>> {
    const extra = options.execArgv ?? [];
    const child = fork(fileURLToPath(script), [], {
      env: { ...process.env, ...env },
      // A TypeScript child gets the tsx loader flags this process was started with; a compiled one runs on plain node.
      execArgv: options.typescript === false ? extra : [...process.execArgv, ...extra],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`${name} exited (code ${code}) before it was ready`));
      child.once('exit', onExit);
      child.once('error', reject);
      const onMessage = (message: Ready) => {
        if (message?.ready !== true) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(new ChildHandle<Info>(name, child, message.info as Info));
      };
      child.on('message', onMessage);
    });
  }

  request<T>(type: string, payload?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} is not running`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, type, payload } satisfies Request);
    });
  }

  /** Asks the child to stop, and kills it (by its pid) if it has not exited after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request('stop').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/** Child side: answers requests with `handlers`; 'stop' runs its handler, replies, then exits. */
export function serve(info: unknown, handlers: Handlers): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('This module runs as a child of bench/run.ts (no IPC channel).');
  process.on('message', (message: Request) => {
    const handler = handlers[message.type];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown request ${message.type}`);
        return handler(message.payload);
      })
      .then(
        (result) => send({ id: message.id, result } satisfies Reply),
        (error: unknown) =>
          send({ id: message.id, error: (error as Error).stack ?? String(error) } satisfies Reply),
      )
      .then(() => {
        if (message.type === 'stop') setTimeout(() => process.exit(0), 50);
      });
  });
  // The benchmark went away: do not linger.
  process.on('disconnect', () => process.exit(0));
  send({ ready: true, info } satisfies Ready);
}
