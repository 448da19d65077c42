/**
 * The token-stream example in a real headless Chromium: the page's `EventSource` receives every token,
 * in order, and closes on `done`.
 */
import { expect, test } from 'vitest';
import { serveInChromium } from '../browser/headless-chromium.js';
import { answerFor } from '../../apps/token-stream/src/fake-model.js';
import { createTokenStreamApp } from '../../apps/token-stream/src/main.js';

const { app } = createTokenStreamApp({ delayMs: 5 });
const served = serveInChromium(app);

test('the page shows the whole answer, token by token, then titles itself done', async () => {
  const page = await served.browser.newPage();
  page.setDefaultTimeout(15_000);
  const streams: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${served.url}/chat/stream`)) streams.push(request.url());
  });
  await page.goto(`${served.url}/`);
  // A string, as it runs in the page (this project's TypeScript has no DOM types).
  await page.waitForFunction("document.title === 'done'");
  expect(await page.locator('#answer').textContent()).toBe(answerFor('hi'));
  // Closed on done: the browser does not reconnect to ask again.
  await page.waitForTimeout(200);
  expect(streams).toEqual([`${served.url}/chat/stream?prompt=hi`]);
  await page.close();
}, 60_000);
