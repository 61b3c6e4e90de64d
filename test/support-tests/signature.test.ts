import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { encodeForm, newTriggerId, signature } from '../support/slackRequests.js';

// Slack's documented example ("Verifying requests from Slack").
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = 1531420618;
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar' +
  '&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
  '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
  '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const EXPECTED = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

describe('signature', () => {
  it("matches Slack's documented test vector", () => {
    expect(signature(SECRET, TIMESTAMP, BODY)).toBe(EXPECTED);
  });

  it('is accepted by Bolt’s own verifier', () => {
    const now = Date.now();
    const ts = Math.floor(now / 1000);
    const body = 'payload=%7B%7D';
    expect(() =>
      verifySlackRequest({
        signingSecret: SECRET,
        body,
        headers: { 'x-slack-signature': signature(SECRET, ts, body), 'x-slack-request-timestamp': ts },
        nowMilliseconds: now,
      }),
    ).not.toThrow();
    expect(() =>
      verifySlackRequest({
        signingSecret: 'other',
        body,
        headers: { 'x-slack-signature': signature(SECRET, ts, body), 'x-slack-request-timestamp': ts },
        nowMilliseconds: now,
      }),
    ).toThrow(/signature mismatch/);
  });

  it('encodeForm reproduces the byte-exact body Slack signed', () => {
    const fields: [string, string][] = [
      ['token', 'xyzz0WbapA4vBCDEFasx0q6G'],
      ['team_id', 'T1DC2JH3J'],
      ['team_domain', 'testteamnow'],
      ['channel_id', 'G8PSS9T3V'],
      ['channel_name', 'foobar'],
      ['user_id', 'U2CERLKJA'],
      ['user_name', 'roadrunner'],
      ['command', '/webhook-collect'],
      ['text', ''],
      ['response_url', 'https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN'],
      ['trigger_id', '398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c'],
    ];
    expect(encodeForm(fields)).toBe(BODY);
    expect(encodeForm({ text: 'link workday now' })).toBe('text=link+workday+now');
  });

  it('generates unique trigger ids in Slack’s shape', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newTriggerId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^\d+\.\d+\.[0-9a-f]{32}$/);
  });
});
