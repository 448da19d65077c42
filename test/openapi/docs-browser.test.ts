/**
 * The docs pages in a real headless Chromium: Swagger UI lists the operations and runs a request, ReDoc
 * renders the reference, and every request either page makes stays on the app's own origin (no CDN,
 * no validator badge, no logo, no fonts).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, type HeadlessChromium } from '../browser/headless-chromium.js';
import { app } from '../../apps/quickstart/src/main.js';
import { createPetStore } from './fixtures/pet-store-app.js';


const petStore = createPetStore();
let quickstartUrl = '';
let petStoreUrl = '';
let chromium: HeadlessChromium | undefined;
let browser: BrowserContext;

beforeAll(async () => {
  quickstartUrl = (await app.listen(0, '127.0.0.1')).url;
  petStoreUrl = (await petStore.listen(0, '127.0.0.1')).url;
  chromium = await launchChromium();
  browser = chromium.browser;
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await Promise.all([app.close(), petStore.close()]);
});

/** Opens a page and records every request it makes, from the first one on. */
async function open(url: string): Promise<{ page: Page; requested: string[] }> {
  const page = await browser.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(url);
  return { page, requested };
}

/** Requests that left the page's origin; data: and blob: URLs never leave the page. */
function foreign(requested: readonly string[], origin: string): string[] {
  return requested.filter((url) => !/^(data|blob):/.test(url) && !url.startsWith(`${origin}/`));
}

test('Swagger UI lists the operations and "Try it out" → "Execute" on GET /hello shows the 200 body', async () => {
  const { page, requested } = await open(`${quickstartUrl}/docs`);
  for (const path of ['/hello', '/items/{item_id}', '/items', '/greet']) {
    await page.locator('.opblock-summary-path', { hasText: new RegExp(`^${path.replace(/[{}]/g, '\\$&')}$`) }).first().waitFor();
  }
  const hello = page.locator('#operations-Items-itemsHello');
  await hello.locator('.opblock-summary').click();
  await hello.getByRole('button', { name: 'Try it out' }).click();
  await hello.getByRole('button', { name: 'Execute' }).click();
  const response = hello.locator('.live-responses-table .response').first();
  await response.locator('.response-col_status', { hasText: '200' }).waitFor();
  expect(await response.locator('.response-col_description pre').first().textContent()).toContain('"message": "Hello, world!"');
  expect(requested).toEqual(expect.arrayContaining([`${quickstartUrl}/openapi.json`, `${quickstartUrl}/hello?name=world`]));
  expect(foreign(requested, quickstartUrl)).toEqual([]);
  await page.close();
});

test('Swagger UI offers "Authorize" with the app’s security schemes', async () => {
  const { page, requested } = await open(`${petStoreUrl}/docs`);
  await page.locator('button.authorize').first().click();
  const dialog = page.locator('.dialog-ux .modal-ux');
  for (const scheme of ['APIKeyHeader', 'HTTPBearer', 'OAuth2PasswordBearer']) {
    await dialog.locator('h4', { hasText: scheme }).first().waitFor();
  }
  expect(foreign(requested, petStoreUrl)).toEqual([]);
  await page.close();
});

test('ReDoc renders the operations', async () => {
  const { page, requested } = await open(`${quickstartUrl}/redoc`);
  for (const summary of ['Hello', 'Read Item', 'Create Item', 'Greet']) {
    // ReDoc pads headings with a space for its anchor link.
    await page.locator('h2', { hasText: new RegExp(`^\\s*${summary}\\s*$`) }).first().waitFor();
  }
  expect(requested).toEqual(expect.arrayContaining([`${quickstartUrl}/redoc/redoc.standalone.js`, `${quickstartUrl}/openapi.json`]));
  expect(foreign(requested, quickstartUrl)).toEqual([]);
  await page.close();
});
