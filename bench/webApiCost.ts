/**
 * `npx tsx bench/webApiCost.ts`: what one Slack Web API call and one Redis round trip cost the
 * calling process in CPU, measured the way the bot makes them (@slack/web-api WebClient against the
 * fake Slack in its own process; ioredis against the bench database). It backs the fixes proposed
 * in bench/README.md with figures: calls are made one at a time, after a warm-up, and the process
 * CPU time (user + system, every thread) is divided by the number of calls.
 */
import { WebClient } from '@slack/web-api';
import { Redis } from 'ioredis';
import { renderFlowMessage } from '../src/blocks/flowMessage.js';
import type { FlowState } from '../src/flows/state.js';
import { createLogger } from '../src/logger.js';
import { createBullScheduler } from '../src/reminders/scheduler.js';
import { greenhouse } from '../src/systems/greenhouse.js';
import { ChildHandle } from './ipc.js';
import { SETTINGS } from './settings.js';
import type { SlackInfo } from './slackProcess.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 2000);

async function cost(name: string, call: () => Promise<unknown>, reset?: () => Promise<unknown>) {
  for (let i = 0; i < 1000; i++) await call();
  await reset?.();
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) {
    await call();
    if (reset && i % 1000 === 999) await reset();
  }
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  const row = {
    name,
    cpuMicrosPerCall: (used.user + used.system) / CALLS,
    wallMicrosPerCall: (wall * 1000) / CALLS,
  };
  process.stdout.write(
    `${row.cpuMicrosPerCall.toFixed(0).padStart(6)} µs CPU ${row.wallMicrosPerCall.toFixed(0).padStart(6)} µs wall  ${name}\n`,
  );
  return row;
}

async function main() {
  const slack = await ChildHandle.start<SlackInfo>(
    'fake Slack',
    new URL('./slackProcess.ts', import.meta.url),
    {},
  );
  const redis = new Redis(SETTINGS.redisUrl);
  try {
    const client = new WebClient(SETTINGS.botToken, {
      slackApiUrl: slack.info.apiUrl,
      retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 },
    });
    const now = Date.now();
    const state: FlowState = {
      id: 'AbCdEfGhIjKlMnOp',
      teamId: SETTINGS.teamId,
      systemId: 'greenhouse',
      starterId: 'U0ADMIN',
      holderId: 'U0ADMIN',
      phase: 'guide',
      stepIndex: 1,
      attempts: 0,
      version: 3,
      createdAt: now,
      updatedAt: now,
      dm: { channelId: 'DU0ADMIN', ts: '1700000000.000100' },
    };
    const message = renderFlowMessage(state, greenhouse, { withImages: true });
    const blocksJson = JSON.stringify(message.blocks);
    process.stdout.write(
      `flow message: ${message.blocks.length} blocks, ${blocksJson.length} bytes as JSON\n`,
    );
    const reset = () => slack.request('reset');
    const rows = [
      await cost(
        'chat.postMessage, text only (as a first call, to warm the client)',
        () => client.chat.postMessage({ channel: 'U0ADMIN', text: 'warm-up' }),
        reset,
      ),
      await cost('conversations.open', () => client.conversations.open({ users: 'U0ADMIN' }), reset),
      await cost(
        'chat.postMessage, text only (the baseline)',
        () => client.chat.postMessage({ channel: 'U0ADMIN', text: 'Baseline: step 1.' }),
        reset,
      ),
      await cost(
        'chat.postMessage, flow message blocks as objects (the bot)',
        () =>
          client.chat.postMessage({
            channel: 'U0ADMIN',
            text: message.text,
            blocks: message.blocks as never,
          }),
        reset,
      ),
      await cost(
        'chat.postMessage, the same blocks passed as a JSON string',
        () =>
          client.chat.postMessage({ channel: 'U0ADMIN', text: message.text, blocks: blocksJson as never }),
        reset,
      ),
      await cost(
        'chat.update, flow message blocks as objects (the bot)',
        () =>
          client.chat.update({
            channel: 'DU0ADMIN',
            ts: '1700000000.000100',
            text: message.text,
            blocks: message.blocks as never,
          }),
        reset,
      ),
      await cost(
        'chat.update, the same blocks passed as a JSON string',
        () =>
          client.chat.update({
            channel: 'DU0ADMIN',
            ts: '1700000000.000100',
            text: message.text,
            blocks: blocksJson as never,
          }),
        reset,
      ),
      await cost('Redis SET NX EX (one round trip, like the once-guard)', () =>
        redis.set(`${SETTINGS.keyPrefix}:cost:${Math.random()}`, '1', 'EX', 60, 'NX'),
      ),
      await cost('Redis HGET (one round trip)', () => redis.hget(`${SETTINGS.keyPrefix}:cost:none`, 'd')),
    ];
    // The reminder the bot schedules for every new flow: a BullMQ delayed job, with the worker
    // running in the same process as in the bot (adding a job wakes it up).
    const scheduler = createBullScheduler(
      SETTINGS.redisUrl,
      `${SETTINGS.keyPrefix}:cost:{reminders}`,
      createLogger('silent'),
    );
    scheduler.start(async () => undefined);
    let flow = 0;
    rows.push(
      await cost('reminder scheduled (BullMQ delayed job, 24 h, worker running)', () => {
        flow += 1;
        return scheduler.schedule(
          { kind: 'idle', teamId: SETTINGS.teamId, flowId: `flow${flow}`, n: 0 },
          24 * 3600 * 1000,
        );
      }),
    );
    await scheduler.close();
    return rows;
  } finally {
    const keys = await redis.keys(`${SETTINGS.keyPrefix}:cost:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await slack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
