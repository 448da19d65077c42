/**
 * The security tutorial's Swagger UI in a real headless Chromium: Authorize with the password flow posts
 * the password form to `token`, and Try it out on the scoped route then answers 200 with the user's items.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { app } from '../../apps/security-tutorial/src/main.js';

const CHROMIUM = process.env.DECORUM_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
let url = '';
let profile = '';
let browser: BrowserContext;

beforeAll(async () => {
  url = (await app.listen(0, '127.0.0.1')).url;
  profile = await mkdtemp(join(tmpdir(), 'decorum-chromium-'));
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

test('Authorize → password flow with the items scope, then GET /users/me/items answers 200', async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  const tokenRequests: Array<{ contentType: string | undefined; body: string | null }> = [];
  const itemsAuthorization: Array<string | undefined> = [];
  page.on('request', (request) => {
    if (request.url() === `${url}/token`) tokenRequests.push({ contentType: request.headers()['content-type'], body: request.postData() });
    if (request.url() === `${url}/users/me/items`) itemsAuthorization.push(request.headers().authorization);
  });
  await page.goto(`${url}/docs`);

  await page.locator('button.authorize').first().click();
  const dialog = page.locator('.dialog-ux .modal-ux');
  await dialog.locator('#oauth_username').fill('johndoe');
  await dialog.locator('#oauth_password').fill('secret');
  await dialog.locator('label[for="items-password-checkbox-OAuth2PasswordBearer"]').click();
  await dialog.locator('button.authorize').first().click();
  // Authorized: the dialog offers to log out.
  await dialog.locator('button.logout, button:has-text("Logout")').first().waitFor();
  await dialog.locator('button.btn-done').click();

  expect(tokenRequests).toHaveLength(1);
  expect(tokenRequests[0]!.contentType).toContain('application/x-www-form-urlencoded');
  const sent = new URLSearchParams(tokenRequests[0]!.body ?? '');
  expect([sent.get('grant_type'), sent.get('username'), sent.get('password'), sent.get('scope')]).toEqual(['password', 'johndoe', 'secret', 'items']);

  const operation = page.locator('.opblock-get').filter({ hasText: '/users/me/items' }).first();
  await operation.locator('.opblock-summary').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.getByRole('button', { name: 'Execute' }).click();
  await operation.locator('.live-responses-table .response-col_status', { hasText: '200' }).first().waitFor();
  const body = await operation.locator('.live-responses-table .response-col_description pre').first().textContent();
  expect(JSON.parse(body ?? '')).toEqual([{ item_id: 'Foo', owner: 'johndoe' }]);
  expect(itemsAuthorization).toEqual([expect.stringMatching(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/)]);
  await page.close();
}, 60_000);
