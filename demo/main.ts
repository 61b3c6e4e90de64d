import { startDemo } from './demo.js';

/**
 * `npm run demo`: a small Slack on http://localhost:3000 (PORT overrides) with the real bot and
 * sandbox vendors behind it. Ctrl-C stops both.
 */
const port = Number(process.env.PORT ?? 3000);
const out = (line: string) => process.stdout.write(`${line}\n`);

startDemo({ port, onLog: (line) => out(`bot │ ${line}`) }).then(
  (demo) => {
    out('');
    out(`Wintro demo: open ${demo.url}`);
    out('Type /wintro link greenhouse in #general, then follow the Wintro DM.');
    out(
      process.env.REDIS_URL
        ? `Store: Redis at ${process.env.REDIS_URL}`
        : 'Store: in-process (set REDIS_URL to use Redis)',
    );
    out('');
    const stop = () => {
      demo.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    process.stderr.write(`The demo could not start: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
