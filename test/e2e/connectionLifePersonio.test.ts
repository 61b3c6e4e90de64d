/**
 * Replacing one kind of a vendor's credentials: `/wintro link personio` asks which kind, and a kind
 * that is linked already asks to confirm its replacement before anything is set up.
 */
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e.js';
import { type FakePersonio, startFakePersonio } from '../support/fakePersonio.js';
import { buttonsOf, type Journey, textOf } from '../support/journey.js';
import { checkCredentials, walkGuide } from '../support/linking.js';

const COMPANY_ID = '271828';
const ACCESS_TOKEN = 'rk-Life-Token-1a2b3c4d5e6f7g8h9i0j';

let personio: FakePersonio;
const e2e = useE2e({
  vendors: async () => {
    personio = await startFakePersonio();
    return { personio };
  },
  reset: () => {
    personio.requests.length = 0;
    personio.mode = { kind: 'normal' };
    personio.companies.clear();
    personio.companies.set(COMPANY_ID, ACCESS_TOKEN);
  },
  env: () => ({ PERSONIO_API_URL: personio.url }),
  secrets: () => [ACCESS_TOKEN, ...personio.issuedTokens],
});
const { acks } = e2e;
const GOOD = { company_id: COMPANY_ID, access_token: ACCESS_TOKEN };

async function linkRecruiting(journey: Journey) {
  await journey.command('link personio recruiting');
  const form = await walkGuide(journey, 'personio-recruiting', 'Marketplace Integration');
  expect((await checkCredentials(journey, form, GOOD, acks)).resultText).toContain('is linked');
}

describe('replacing one kind of Personio credentials', () => {
  it('choosing a kind that is linked asks first; confirmed, the new setup replaces it', async () => {
    await linkRecruiting(e2e.journey('U0ADMIN'));
    const other = e2e.journey('U0OTHER');
    await other.command('link personio');
    await other.waitForMessage((text) => text.includes('flow.variant:personio-recruiting'));
    await other.click('flow.variant:personio-recruiting');
    const question = await e2e.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.args.channel === 'U0OTHER' &&
        /already linked/.test(call.args.text),
    );
    expect(textOf(question.args.blocks)).toContain('<@U0ADMIN>');
    const confirm = buttonsOf(question.args.blocks).find(
      (button) => button.action_id === 'connection.replace',
    );
    const confirmed = await other.sender.blockAction({
      teamId: other.teamId,
      userId: 'U0OTHER',
      actionId: 'connection.replace',
      value: confirm?.value,
      channelId: other.dmChannel,
    });
    expect(confirmed.status).toBe(200);
    const form = await walkGuide(other, 'personio-recruiting', 'Marketplace Integration');
    expect((await checkCredentials(other, form, GOOD, acks)).resultText).toContain('is linked');
    const told = await e2e.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.args.channel === 'U0ADMIN' &&
        /replaced/.test(call.args.text),
    );
    expect(told.args.text).toContain('<@U0OTHER> replaced the Personio (recruiting) connection');
  });
});
