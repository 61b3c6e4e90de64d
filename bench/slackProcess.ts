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

/** A DM's newest message as its person sees it: its ts and the values of its buttons, by action id. */
export interface LatestMessage {
  ts: string;
  buttons: Record<string, string>;
}

const buttonsOf = (blocks: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const block of Array.isArray(blocks) ? blocks : []) {
    for (const element of block?.type === 'actions' ? (block.elements ?? []) : []) {
      if (typeof element?.action_id === 'string' && typeof element.value === 'string')
        out[element.action_id] = element.value;
    }
  }
  return out;
};

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
  /** The newest message posted to each of these DM channels, as last drawn (posted or updated). */
  latest: ({ channels }: { channels: string[] }) => {
    const wanted = new Set(channels);
    const newest = new Map<string, string>();
    const drawn = new Map<string, unknown>();
    for (const call of slack.calls) {
      if (call.response?.ok !== true || !call.channel || !wanted.has(call.channel)) continue;
      if (call.method === 'chat.postMessage') {
        newest.set(call.channel, call.response.ts);
        drawn.set(`${call.channel} ${call.response.ts}`, call.args.blocks);
      } else if (call.method === 'chat.update') {
        // After a reset the post is forgotten; the updates still say which message it is.
        if (!newest.has(call.channel)) newest.set(call.channel, call.args.ts);
        drawn.set(`${call.channel} ${call.args.ts}`, call.args.blocks);
      }
    }
    const out: Record<string, LatestMessage> = {};
    for (const [channel, ts] of newest)
      out[channel] = { ts, buttons: buttonsOf(drawn.get(`${channel} ${ts}`)) };
    return out;
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
