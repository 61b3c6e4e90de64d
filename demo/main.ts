import { startDemo } from './demo.js';
import { DEMO_WORDS, fill } from './words.js';

/**
 * `npm run demo`: a small Slack on http://localhost:3000 (PORT overrides) with the real bot and
 * sandbox vendors behind it. Ctrl-C stops both.
 */
const port = Number(process.env.PORT ?? 3000);
const out = (line: string) => process.stdout.write(`${line}\n`);

startDemo({ port, onLog: (line) => out(`bot │ ${line}`) }).then(
  (demo) => {
    out('');
    out(fill(DEMO_WORDS.terminal.open, { url: demo.url }));
    out(DEMO_WORDS.terminal.firstStep);
    out(process.env.REDIS_URL ? DEMO_WORDS.terminal.redis : DEMO_WORDS.terminal.inProcess);
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
  (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? fill(DEMO_WORDS.terminal.portInUse, { port: String(port) })
        : fill(DEMO_WORDS.terminal.failed, { reason: error.message });
    process.stderr.write(`${reason}\n`);
    process.exit(1);
  },
);
