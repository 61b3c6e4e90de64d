import { spawnSync } from 'node:child_process';
import { reachable } from './support/reachable.js';

const HOST = '127.0.0.1';
const PORT = 6379;

const redisUp = () => reachable(HOST, PORT);

/** Integration and end-to-end tests use a real Redis on 127.0.0.1:6379; start one if none runs. */
export default async function setup() {
  if (process.env.TEST_REDIS_URL || (await redisUp())) return;
  const started = spawnSync(
    'redis-server',
    ['--daemonize', 'yes', '--bind', HOST, '--port', String(PORT), '--save', '', '--appendonly', 'no'],
    { stdio: 'inherit' },
  );
  if (started.error || started.status !== 0) {
    throw new Error(
      `The tests need Redis on ${HOST}:${PORT} and none is running; redis-server could not be started (install it: apt-get install redis-server).`,
    );
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await redisUp()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server started but ${HOST}:${PORT} does not answer`);
}
