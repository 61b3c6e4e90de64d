import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../support/bot.js';
import { captureStream } from '../support/captureLogs.js';
import { type FakeSlack, startFakeSlack } from '../support/fakeSlack.js';
import { expectNoSecretLeaks, expectWithinSlackLimits } from '../support/guards.js';

let slack: FakeSlack;

beforeAll(async () => {
  slack = await startFakeSlack();
});

afterAll(async () => {
  await slack.close();
});

const botLogging = (text: string, metricsText = '') => {
  const logs = captureStream();
  logs.stream.write(text);
  const metrics = { exposition: async () => ({ contentType: 'text/plain', text: metricsText }) };
  return { keyPrefix: 'wintro-guards-test-none', logs, bot: { metrics } } as unknown as RunningBot;
};

describe('the end-to-end guards', () => {
  it('catch a secret in the logs, and pass when it is not there', async () => {
    await expect(
      expectNoSecretLeaks({ bots: [botLogging('token=s3cret-marker')], slack, secrets: ['s3cret-marker'] }),
    ).rejects.toThrow(/leaked/);
    await expectNoSecretLeaks({ bots: [botLogging('nothing here')], slack, secrets: ['s3cret-marker'] });
  });

  it('catch a secret in what /metrics serves', async () => {
    const leaking = botLogging('nothing here', 'wintro_checks_total{outcome="metrics-marker"} 1');
    await expect(
      expectNoSecretLeaks({ bots: [leaking], slack, secrets: ['metrics-marker'] }),
    ).rejects.toThrow(/leaked/);
  });

  it('catch a secret in an acknowledgement', async () => {
    await expect(
      expectNoSecretLeaks({ bots: [], slack, secrets: ['ack-marker'], acks: [{ text: 'ack-marker' }] }),
    ).rejects.toThrow(/leaked/);
  });

  it('catch a message that breaks Slack limits', () => {
    expect(() =>
      expectWithinSlackLimits(slack, [{ response_action: 'update', view: { type: 'modal' } }]),
    ).toThrow();
  });
});
