/**
 * The demo in real Chromium: a person links Greenhouse from `/wintro link greenhouse` to the
 * notice in the channel, and sees a check fail when the sandbox is switched to a missing scope.
 * Every surface is screenshotted and checked for overflow; at the end nothing the bot sent broke
 * Slack's limits and no secret showed on the page, in the bot's logs or in any Slack call.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from '../../demo/demo.js';
import { responseViolations, slackLimitViolations } from '../support/slackLimits.js';
import { launchChromium } from './chromium.js';
import { openConversation, overflowing, screenshotChecked, typeInComposer } from './demoPage.js';

let demo: Demo;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
const pageTexts: string[] = [];

beforeAll(async () => {
  demo = await startDemo({ port: 0, env: { LOG_LEVEL: 'debug' } });
  chromium = await launchChromium();
  context = chromium.context;
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await demo?.stop();
});

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('close', () => expect(errors).toEqual([]));
  await page.goto(demo.url);
  await expect.poll(() => page.getByRole('button', { name: /Alex Admin/ }).count()).toBe(1);
  return page;
}

const dialog = (page: Page) => page.getByRole('dialog');

/** `/wintro link <system>` in #general, then to the DM, where the setup's message has arrived. */
async function startLinking(page: Page, system: string, name: string) {
  await openConversation(page, /# general/);
  const replies = page.getByText(/direct message/);
  const before = await replies.count();
  await typeInComposer(page, `/wintro link ${system}`);
  await expect.poll(() => replies.count()).toBe(before + 1);
  await openConversation(page, /^Wintro/);
  await page
    .getByRole('heading', { name: `Link ${name} to Wintro` })
    .last()
    .waitFor();
}

describe('npm run demo in Chromium', () => {
  it('links Greenhouse from the command to the notice in the channel', async () => {
    const page = await openPage();
    await startLinking(page, 'greenhouse', 'Greenhouse');
    await screenshotChecked(page, '2-prerequisites');
    await openConversation(page, /# general/);
    await screenshotChecked(page, '1-command');
    await openConversation(page, /^Wintro/);
    // The keyboard works: a focused button is pressed with Enter.
    await page.getByRole('button', { name: 'I have it, start the guide' }).last().focus();
    await page.keyboard.press('Enter');
    await page
      .getByText(/Step 1 of \d+/)
      .last()
      .waitFor();
    await screenshotChecked(page, '3-guide-step');
    // Next, step by step, until the guide offers the form.
    const enter = page.getByRole('button', { name: 'Enter credentials' }).last();
    const next = page.getByRole('button', { name: 'Next', exact: true }).last();
    for (let step = 0; step < 12 && (await next.count()) > 0; step++) {
      const before = await page
        .getByText(/Step \d+ of \d+/)
        .last()
        .textContent();
      await next.click();
      await expect
        .poll(() =>
          page
            .getByText(/Step \d+ of \d+/)
            .last()
            .textContent(),
        )
        .not.toBe(before);
    }
    await enter.click();

    await dialog(page).waitFor();
    await expect.poll(() => dialog(page).getByRole('heading').textContent()).toBe('Link Greenhouse');
    await expect(page.getByLabel('Client Secret').count()).resolves.toBe(1);
    await screenshotChecked(page, '4-credentials-form');
    await page.getByRole('button', { name: 'Use demo credentials' }).click();
    await expect.poll(() => page.getByLabel('Greenhouse user id').inputValue()).toBe('4080');
    await dialog(page).getByRole('button', { name: 'Check and link' }).click();
    await dialog(page).getByText('Greenhouse is linked to Wintro.').waitFor({ timeout: 15_000 });
    await screenshotChecked(page, '5-linked');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    await page.getByRole('heading', { name: 'Greenhouse is linked' }).last().waitFor();
    await openConversation(page, /# wintro-links/);
    await page.getByText(/Greenhouse is now linked to Wintro, set up by @Alex Admin/).waitFor();
    // The hand-over reached Wintro's backend: signed, and the credentials opened with Wintro's key.
    const backend = page.getByRole('complementary', { name: 'Sandbox vendors' });
    await backend.getByText('connection.linked · greenhouse').waitFor({ timeout: 15_000 });
    await expect(backend.getByText('signature verified').count()).resolves.toBe(1);
    await screenshotChecked(page, '6-channel-notice');
    pageTexts.push(await page.locator('body').innerText());
    await page.close();
  });

  it('names the missing scope when the sandbox Workable token lacks it', async () => {
    const page = await openPage();
    await page.getByRole('combobox', { name: 'Workable' }).selectOption('missing_scope');
    await expect.poll(() => demo.sandbox.failureOf('workable')).toBe('missing_scope');
    await startLinking(page, 'workable', 'Workable');
    await page.getByRole('button', { name: 'I already have credentials' }).last().click();
    await dialog(page).waitFor();
    await page.getByRole('button', { name: 'Use demo credentials' }).click();
    await dialog(page).getByRole('button', { name: 'Check and link' }).click();
    await dialog(page)
      .getByText(/r_candidates/)
      .first()
      .waitFor({ timeout: 15_000 });
    await expect(dialog(page).getByRole('button', { name: 'Check again' }).count()).resolves.toBe(1);
    await screenshotChecked(page, '7-check-failed');
    pageTexts.push(await page.locator('body').innerText());
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    await page.close();
  });

  it("shows the app's Home and Messages tabs", async () => {
    const page = await openPage();
    await openConversation(page, /^Wintro/);
    await page.getByRole('tab', { name: 'Home' }).click();
    // The bot publishes each person's Home tab: every system with its state.
    await page.getByText(/Your recruiting and HR systems linked to Wintro/).waitFor();
    await page
      .getByText(/Greenhouse.*: linked by/)
      .first()
      .waitFor();
    await expect(page.getByRole('textbox', { name: /^Message / }).isVisible()).resolves.toBe(false);
    await screenshotChecked(page, '8-home');
    await page.getByRole('tab', { name: 'Messages' }).click();
    await page.getByRole('heading', { name: 'Greenhouse is linked' }).last().waitFor();
    await page.close();
  });

  it('fits a narrow window: the DM, the switches under it, and a form', async () => {
    const page = await openPage();
    await page.setViewportSize({ width: 700, height: 700 });
    await openConversation(page, /^Wintro/);
    await page.getByRole('heading', { name: 'Link Workable to Wintro' }).last().waitFor();
    await expect(page.getByRole('combobox', { name: 'Workable' }).isVisible()).resolves.toBe(true);
    await screenshotChecked(page, '9-narrow-dm');
    await page
      .getByRole('button', { name: /^(I already have credentials|Enter credentials|Check again)$/ })
      .last()
      .click();
    await dialog(page).waitFor();
    await screenshotChecked(page, '10-narrow-form');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    await page.close();
  });

  it('the overflow check catches a block wider than its message', async () => {
    const page = await openPage();
    await openConversation(page, /# wintro-links/);
    await page
      .getByText(/is now linked to Wintro/)
      .first()
      .waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page.evaluate(() => {
      const document = (globalThis as any).document;
      const wide = document.createElement('pre');
      wide.style.width = '3000px';
      wide.textContent = 'too wide';
      document.querySelector('.message-main').append(wide);
    });
    expect((await overflowing(page)).join('\n')).toMatch(/too wide/);
    await page.close();
  });

  it('sent nothing past Slack limits and showed no secret anywhere', async () => {
    for (const call of demo.webApi.calls) expect(slackLimitViolations(call), call.method).toEqual([]);
    for (const ack of demo.interactions.acks) expect(responseViolations(ack)).toEqual([]);
    const everywhere = [
      demo.bot.logs.join('\n'),
      JSON.stringify(demo.webApi.calls),
      JSON.stringify(demo.interactions.acks),
      JSON.stringify(demo.interactions.responses),
      ...pageTexts,
    ].join('\n');
    const secrets = [...demo.secrets, ...demo.sandbox.secrets()];
    expect(secrets.length).toBeGreaterThan(5);
    for (const secret of secrets)
      expect(everywhere.includes(secret), `${secret.slice(0, 8)}… leaked`).toBe(false);
  });
});
