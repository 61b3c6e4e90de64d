import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { reachable } from './support/reachable.js';

const HOST = '127.0.0.1';
const PORT = 6379;

const redisUp = () => reachable(HOST, PORT);

/** The tests' three-node Redis Cluster (127.0.0.1:7001-7003), started by the same script as in CI. */
function startCluster() {
  if (process.env.TEST_REDIS_CLUSTER_URLS) return;
  const script = fileURLToPath(new URL('../.ci/redis-cluster', import.meta.url));
  const started = spawnSync(script, { stdio: 'inherit' });
  if (started.error || started.status !== 0) {
    throw new Error(
      'The tests need a Redis Cluster on 127.0.0.1:7001-7003 and none could be started (.ci/redis-cluster; install redis-server).',
    );
  }
}

/**
 * Integration and end-to-end tests use a real Redis on 127.0.0.1:6379 and a Redis Cluster on
 * 127.0.0.1:7001-7003; each is started if none runs.
 */
export default async function setup() {
  startCluster();
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
