/**
 * Child process: the test suite's fake Slack Web API on loopback, in a process of its own so the
 * work of answering the apps' Web API calls is neither in the app's process (its RSS, its event
 * loop) nor in the load generator's (its latency timer).
 *
 * The fake records every call in memory; the benchmark reads counts and samples, then calls
 * `reset` after every run so nothing grows without bound.
 */
import { startFakeSlack } from '../test/support/fakeSlack.js';
import { serve } from './ipc.js';

export interface SlackInfo {
  apiUrl: string;
  baseUrl: string;
}

export type CallCounts = Record<string, number>;

const slack = await startFakeSlack();

// Counted incrementally: the call log can hold tens of thousands of entries during a run.
let cursor = 0;
let counts: CallCounts = {};
const count = (): CallCounts => {
  const calls = slack.calls;
  for (; cursor < calls.length; cursor++) {
    const method = calls[cursor]?.method ?? '?';
    counts[method] = (counts[method] ?? 0) + 1;
  }
  return { ...counts };
};

serve({ apiUrl: slack.apiUrl, baseUrl: slack.baseUrl } satisfies SlackInfo, {
  counts: () => count(),
  /** Arguments of up to `limit` calls of `method`, spread evenly over the recorded ones. */
  sample: ({ method, limit }: { method: string; limit: number }) => {
    const calls = slack.calls.filter((call) => call.method === method);
    const step = Math.max(1, Math.floor(calls.length / Math.max(1, limit)));
    const picked = [];
    for (let i = 0; i < calls.length && picked.length < limit; i += step) picked.push(calls[i]?.args);
    return picked;
  },
  cpu: () => process.cpuUsage(),
  rss: () => process.memoryUsage.rss(),
  reset: () => {
    slack.reset();
    cursor = 0;
    counts = {};
    return true;
  },
  stop: async () => {
    await slack.close();
    return true;
  },
});
