import { describe, expect, it } from 'vitest';
import { translator } from '../../src/messages/index.js';
import { createCatalog } from '../../src/systems/catalog.js';
import { greenhouseAccount, greenhouseSetup, useE2e } from '../support/e2e.js';
import { answerRequest, askForHelp } from '../support/handover.js';
import { eventually, type Journey, textOf } from '../support/journey.js';
import { notifications, stepCount } from '../support/linking.js';

const ACCOUNT = greenhouseAccount('gh-secret-Deutsch7Ts6Rq5Po4Nm3Lk2');
const { clientId: CLIENT_ID, secret: CLIENT_SECRET, userId: USER_ID } = ACCOUNT;
const GOOD = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, user_id: USER_ID };
const e2e = useE2e({ ...greenhouseSetup(ACCOUNT) });
const de = translator('de');
const en = translator('en');
const STEPS = stepCount('greenhouse');
/** Greenhouse's own words (guide steps, prerequisites) in each language. */
const greenhouseIn = {
  de: createCatalog({}, 'de').system('greenhouse'),
  en: createCatalog({}, 'en').system('greenhouse'),
};

const MUNICH = 'U0MUNICH';
const DUBLIN = 'U0DUBLIN';

async function command(journey: Journey, text: string) {
  const reply = await journey.command(text);
  e2e.acks.push(reply.body);
  return `${reply.body.text}\n${textOf(reply.body.blocks)}`;
}

/** Next by Next through the guide, in the words of `tr`, to the open credentials form. */
async function walkGuide(journey: Journey, tr: typeof de, from = 0) {
  if (from === 0) {
    await journey.waitForMessage((text) => text.includes(tr('ui.flow.prerequisitesIntro', { total: STEPS })));
    await journey.click('flow.begin');
  }
  await journey.waitForMessage((text) => text.includes(tr('ui.flow.progress', { step: 1, total: STEPS })));
  for (let step = 2; step <= STEPS; step++) {
    await journey.click('flow.next');
    await journey.waitForMessage((text) => text.includes(tr('ui.flow.progress', { step, total: STEPS })));
  }
  const before = journey.slack.callsTo('views.open').length;
  await journey.click('flow.credentials');
  return eventually(() => {
    const call = journey.slack.callsTo('views.open')[before];
    if (!call) throw new Error('no credentials form yet');
    return call.args.view as Record<string, any>;
  });
}

/** Submits good credentials; resolves with the form the check ends with. */
async function submitGood(journey: Journey, view: Record<string, any>) {
  const submitted = await journey.submit('V0FORM', view.private_metadata, GOOD);
  e2e.acks.push(submitted.body);
  expect(submitted.body.response_action).toBe('update');
  const done = await journey.slack.waitFor(
    (call) => call.method === 'views.update' && call.args.view_id === 'V0FORM',
    8000,
  );
  return { checking: textOf(submitted.body.view.blocks), done: textOf(done.args.view.blocks) };
}

describe('Greenhouse in German, from the command to the link', () => {
  it('guides a de-DE admin in German; the channel notice is in the workspace language', async () => {
    e2e.slack.setLocale(MUNICH, 'de-DE');
    const admin = e2e.journey(MUNICH);
    expect(await command(admin, 'language channel de')).toContain(
      de('language.set.channel', { language: de('language.name.de') }),
    );
    expect(await command(admin, 'verbinden greenhouse')).toContain(
      de('command.link.continuesInDm', { name: 'Greenhouse' }),
    );
    const view = await walkGuide(admin, de);
    // Every guide step was drawn in Greenhouse's German words.
    const drawn = textOf(admin.latestMessage()?.args.blocks);
    const lastStep = greenhouseIn.de?.steps.at(-1);
    expect(lastStep && drawn.includes(JSON.stringify(lastStep.title).slice(1, -1))).toBe(true);
    expect(lastStep?.title).not.toBe(greenhouseIn.en?.steps.at(-1)?.title);
    expect(view.title.text).toBe(de('ui.credentials.title', { vendor: 'Greenhouse' }));
    expect(view.submit.text).toBe(de('ui.credentials.submit'));
    expect(textOf(view.blocks)).toContain(de('ui.credentials.privacy', { vendor: 'Greenhouse' }));
    const { checking, done } = await submitGood(admin, view);
    expect(checking).toContain(de('ui.credentials.checking', { vendor: 'Greenhouse' }));
    expect(done).toContain(de('ui.credentials.linked', { system: 'Greenhouse' }));
    await admin.waitForMessage((text) => text.includes(de('ui.flow.linkedTitle', { system: 'Greenhouse' })));
    await eventually(() => expect(notifications(admin)).toHaveLength(1));
    expect(notifications(admin)[0]?.args.text).toBe(
      de('ui.linkedNotification.text', { system: 'Greenhouse', user: MUNICH }),
    );
  });

  it('announces a German admin’s link in English while the workspace has not chosen German', async () => {
    e2e.slack.setLocale(MUNICH, 'de-DE');
    const admin = e2e.journey(MUNICH);
    await command(admin, 'link greenhouse');
    await submitGood(admin, await walkGuide(admin, de));
    await eventually(() => expect(notifications(admin)).toHaveLength(1));
    expect(notifications(admin)[0]?.args.text).toBe(
      en('ui.linkedNotification.text', { system: 'Greenhouse', user: MUNICH }),
    );
  });

  it('hands the setup to an en-US colleague in English, who finishes it in English', async () => {
    e2e.slack.setLocale(MUNICH, 'de-DE');
    e2e.slack.setLocale(DUBLIN, 'en-US');
    const admin = e2e.journey(MUNICH);
    await command(admin, 'link greenhouse');
    await admin.waitForMessage((text) => text.includes(de('ui.flow.prerequisitesIntro', { total: STEPS })));
    const { request } = await askForHelp(admin, DUBLIN, 'Kannst du das machen?');
    expect(request.args.text).toBe(en('ui.handover.requestText', { asker: MUNICH, system: 'Greenhouse' }));
    await answerRequest(admin, request, 'handover.take', { helper: DUBLIN });
    const colleague = e2e.journey(DUBLIN);
    const view = await walkGuide(colleague, en, 1);
    const { done } = await submitGood(colleague, view);
    expect(done).toContain(en('ui.credentials.linked', { system: 'Greenhouse' }));
    // The admin's message says in German that the colleague took over; the colleague's, in English.
    const takenOver = de('ui.handover.takenOver', { holder: DUBLIN, system: 'Greenhouse', previous: MUNICH });
    const said = (channel: string, words: string) =>
      e2e.slack.calls.some(
        (call) =>
          ['chat.update', 'chat.postMessage'].includes(call.method) &&
          call.channel === channel &&
          `${call.args.text}${textOf(call.args.blocks)}`.includes(words),
      );
    await eventually(() => expect(said(`D${MUNICH}`, takenOver)).toBe(true));
    expect(said(`D${DUBLIN}`, en('ui.handover.answeredTaken', { system: 'Greenhouse' }))).toBe(true);
  });

  it('redraws the setup in English when the holder chooses English, without asking Slack again', async () => {
    e2e.slack.setLocale(MUNICH, 'de-DE');
    const admin = e2e.journey(MUNICH);
    await command(admin, 'link greenhouse');
    await admin.waitForMessage((text) => text.includes(de('ui.flow.prerequisitesIntro', { total: STEPS })));
    expect(await command(admin, 'language en')).toContain(
      en('language.set.choice', { language: en('language.name.en') }),
    );
    await admin.waitForMessage((text) => text.includes(en('ui.flow.prerequisitesIntro', { total: STEPS })));
    await walkGuide(admin, en);
    expect(e2e.slack.callsTo('users.info').filter((call) => call.args.user === MUNICH)).toHaveLength(1);
  });
});
