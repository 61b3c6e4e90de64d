/**
 * `npx tsx bench/webApiCost.ts`: what one Slack Web API call and one Redis round trip cost the
 * calling process in CPU, measured the way the bot makes them (@slack/web-api WebClient against the
 * fake Slack in its own process; ioredis against the bench database). It backs the fixes proposed
 * in bench/README.md with figures: calls are made one at a time, after a warm-up, and the process
 * CPU time (user + system, every thread) is divided by the number of calls.
 */
import type { KnownBlock } from '@slack/types';
import { WebClient } from '@slack/web-api';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createFormCall } from '../src/slack/jsonCall.js';
import { createSlackFetch } from '../src/slack/slackFetch.js';
import { Journey } from '../test/support/journey.js';
import { bootServiceBot } from '../test/support/serviceBot.js';
import { ChildHandle } from './ipc.js';
import { SETTINGS } from './settings.js';
import type { SlackInfo } from './slackProcess.js';

/** The blocks pre-serialised: @slack/web-api sends a string argument as it is (an experiment). */
const asIfBlocks = (json: string) => json as unknown as KnownBlock[];

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
    // The bot's own transport (src/slack/slackFetch.ts) next to Node's fetch, the client's default.
    const botClient = new WebClient(SETTINGS.botToken, {
      slackApiUrl: slack.info.apiUrl,
      retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 },
      fetch: createSlackFetch(),
    });
    const formRead = createFormCall(SETTINGS.botToken, {
      slackApiUrl: slack.info.apiUrl,
      retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 },
      fetch: createSlackFetch(),
    });
    const message = await flowMessageAtStep2();
    const blocksJson = JSON.stringify(message.blocks);
    process.stdout.write(
      `flow message: ${message.blocks.length} blocks, ${blocksJson.length} bytes as JSON\n`,
    );
    const reset = () => slack.request('reset');
    const updateAsJson = (through: WebClient) =>
      through.chat.update({
        channel: 'DU0ADMIN',
        ts: '1700000000.000100',
        text: message.text,
        blocks: asIfBlocks(blocksJson),
      });
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
            blocks: message.blocks,
          }),
        reset,
      ),
      await cost(
        'chat.postMessage, the same blocks passed as a JSON string',
        () =>
          client.chat.postMessage({ channel: 'U0ADMIN', text: message.text, blocks: asIfBlocks(blocksJson) }),
        reset,
      ),
      await cost(
        'chat.update, flow message blocks as objects (the bot)',
        () =>
          client.chat.update({
            channel: 'DU0ADMIN',
            ts: '1700000000.000100',
            text: message.text,
            blocks: message.blocks,
          }),
        reset,
      ),
      await cost('chat.update, the same blocks passed as a JSON string', () => updateAsJson(client), reset),
      await cost(
        "chat.update, blocks as a JSON string, through the bot's transport (undici request)",
        () => updateAsJson(botClient),
        reset,
      ),
      await cost(
        "chat.postMessage, text only, through the bot's transport (undici request)",
        () => botClient.chat.postMessage({ channel: 'U0ADMIN', text: 'Baseline: step 1.' }),
        reset,
      ),
      await cost(
        "users.info with the locale, the Web API client on the bot's transport (as the bot asked before)",
        () => botClient.users.info({ user: 'U0ADMIN', include_locale: true }),
        reset,
      ),
      await cost(
        "users.info with the locale, a form body on the bot's transport (src/slack/jsonCall.ts, as the bot asks)",
        () => formRead('users.info', { user: 'U0ADMIN', include_locale: 'true' }),
        reset,
      ),
      await cost('Redis SET NX EX (one round trip, like the once-guard)', () =>
        redis.set(`${SETTINGS.keyPrefix}:cost:${Math.random()}`, '1', 'EX', 60, 'NX'),
      ),
      await cost('Redis HGET (one round trip)', () => redis.hget(`${SETTINGS.keyPrefix}:cost:none`, 'd')),
    ];
    // The reminder the bot schedules for every new flow: a BullMQ delayed job with the bot's job
    // options, and a worker running in the same process as in the bot (adding a job wakes it up).
    const prefix = `${SETTINGS.keyPrefix}:cost:{reminders}`;
    const queue = new Queue('reminders', {
      connection: new Redis(SETTINGS.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0 }),
      prefix,
    });
    const worker = new Worker('reminders', async () => undefined, {
      connection: new Redis(SETTINGS.redisUrl, { maxRetriesPerRequest: null }),
      prefix,
      concurrency: 4,
    });
    let flow = 0;
    rows.push(
      await cost('reminder scheduled (BullMQ delayed job, 24 h, worker running)', () => {
        flow += 1;
        return queue.add(
          'idle',
          { kind: 'idle', teamId: SETTINGS.teamId, flowId: `flow${flow}`, n: 0 },
          {
            delay: 24 * 3600 * 1000,
            removeOnComplete: true,
            removeOnFail: 100,
            attempts: 3,
            backoff: { type: 'fixed', delay: 60_000 },
          },
        );
      }),
    );
    await worker.close();
    await queue.close();
    return rows;
  } finally {
    const keys = await redis.keys(`${SETTINGS.keyPrefix}:cost:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await slack.stop();
  }
}

/**
 * The bot's own DM at the second guide step, as it draws it: the bot runs in this process on its
 * in-process store and fake Slack, a person links Greenhouse and clicks Begin and Next.
 */
async function flowMessageAtStep2(): Promise<{ text: string; blocks: KnownBlock[] }> {
  const bot = await bootServiceBot({
    vendorHttp: { send: async () => ({ ok: false, failure: 'unreachable' }) },
  });
  try {
    const journey = new Journey(bot.slack, bot.sender, SETTINGS.teamId, 'U0ADMIN');
    await journey.command('link greenhouse');
    await journey.waitForMessage((text) => text.includes('Before you start'));
    await journey.click('flow.begin');
    await journey.waitForMessage((text) => text.includes('Step 1 of'));
    await journey.click('flow.next');
    const drawn = await journey.waitForMessage((text) => text.includes('Step 2 of'));
    return { text: String(drawn.args.text ?? ''), blocks: drawn.args.blocks as KnownBlock[] };
  } finally {
    await bot.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
