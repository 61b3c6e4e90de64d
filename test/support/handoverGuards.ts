/** The secret scan, extended to the hand-over: what Wintro's receiver saw and what waits in the outbox. */
import { expect } from 'vitest';
import { dumpRedis } from './bot.js';
import { expectNoneOf } from './guards.js';
import type { WebhookReceiver } from './webhookReceiver.js';

/** Secrets of Wintro's side that must never reach the bot's output: the webhook secret and the private key. */
export const wintroSecrets = (receiver: WebhookReceiver): string[] => [
  receiver.secret,
  receiver.secret.slice('whsec_'.length),
  ...['d', 'p', 'q', 'dp', 'dq', 'qi']
    .map((member) => receiver.keys.privateJwk[member as keyof typeof receiver.keys.privateJwk])
    .filter((value): value is string => typeof value === 'string'),
];

/** No credential in plaintext, and none of Wintro's secrets, crossed the wire to the receiver. */
export function expectReceiverTrafficClean(receiver: WebhookReceiver, credentials: string[]): void {
  expectNoneOf([receiver.traffic()], [...credentials, ...wintroSecrets(receiver)]);
}

/** What waits in Redis (the outbox among it) holds the event's JWE and never a credential in plaintext. */
export async function expectOutboxSealed(keyPrefix: string, credentials: string[]): Promise<string> {
  const dump = await dumpRedis(keyPrefix);
  expect(dump).toContain(':outbox');
  expectNoneOf([dump], credentials);
  return dump;
}
