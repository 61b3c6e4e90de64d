import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where the browser test leaves its screenshots (kept out of git). */
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Types in the open conversation's composer and sends with Enter, as a person does. */
export async function typeInComposer(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: /^Message / });
  await composer.fill(text);
  await composer.press('Enter');
}

export async function openConversation(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name }).click();
}

/** Elements that stick out of the page, or out of the message or modal they belong to. */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Runs in the page; the project compiles without the DOM library.
    const document = (globalThis as any).document;
    type Element = any;
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const describe = (node: Element) =>
      `${node.tagName.toLowerCase()}.${node.className} "${(node.textContent ?? '').trim().slice(0, 40)}"`;
    if (document.documentElement.scrollWidth > width)
      found.push(`page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const node of document.querySelectorAll('body *')) {
      const box = node.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 1) found.push(`${describe(node)} ends at ${Math.round(box.right)} > ${width}`);
      const frame = node.parentElement?.closest('.message, .modal, .demo-helper');
      if (frame && box.right > frame.getBoundingClientRect().right + 1) {
        found.push(`${describe(node)} sticks out of its ${frame.className}`);
      }
    }
    return found;
  });
}

/** A screenshot of the surface, after checking that nothing on it is wider than the page. */
export async function screenshotChecked(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
  expect(await overflowing(page), name).toEqual([]);
}
