/**
 * The chat example in a real headless Chromium: two pages in one room, each a browser `WebSocket`, see
 * each other's messages; a page with a wrong token is refused.
 */
import { expect, test } from 'vitest';
import { serveInChromium } from '../browser/headless-chromium.js';
import { createChatApp } from '../../apps/chat/src/main.js';

const served = serveInChromium(createChatApp());

test('alice and bob, each in their own page, see each other join and talk', async () => {
  const alice = await served.browser.newPage();
  const bob = await served.browser.newPage();
  for (const page of [alice, bob]) page.setDefaultTimeout(15_000);
  // Strings, as they run in the page (this project's TypeScript has no DOM types).
  await alice.goto(`${served.url}/?token=alice-token&room=lobby`);
  await alice.waitForFunction("document.title === 'connected'");
  await bob.goto(`${served.url}/?token=bob-token&room=lobby`);
  await bob.waitForFunction("document.title === 'connected'");
  await alice.waitForFunction("document.querySelector('#log').textContent.includes('bob joined')");

  await alice.fill('#text', 'hello bob');
  await alice.press('#text', 'Enter');
  await bob.waitForFunction("[...document.querySelectorAll('#log li')].some((li) => li.textContent === 'alice: hello bob')");
  await bob.fill('#text', 'hi alice');
  await bob.press('#text', 'Enter');
  await alice.waitForFunction("[...document.querySelectorAll('#log li')].some((li) => li.textContent === 'bob: hi alice')");
  expect(await alice.locator('#log li').allTextContents()).toEqual(['alice joined', 'bob joined', 'alice: hello bob', 'bob: hi alice']);

  await bob.close();
  await alice.waitForFunction("[...document.querySelectorAll('#log li')].some((li) => li.textContent === 'bob left')");
  await alice.close();
}, 60_000);

test('a page with an unknown token is refused before it joins', async () => {
  const page = await served.browser.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${served.url}/?token=mallory-token&room=lobby`);
  // A browser learns only that the handshake failed: 1006, the connection closed abnormally.
  await page.waitForFunction("document.title === 'closed 1006'");
  expect(await page.locator('#log li').count()).toBe(0);
  await page.close();
}, 60_000);
