/**
 * The security tutorial's Swagger UI in a real headless Chromium: Authorize with the password flow posts
 * the password form to `token`, and Try it out on the scoped route then answers 200 with the user's items.
 */
import { expect, test } from 'vitest';
import { serveInChromium } from '../browser/headless-chromium.js';
import { app } from '../../apps/security-tutorial/src/main.js';

const served = serveInChromium(app);

test('Authorize → password flow with the items scope, then GET /users/me/items answers 200', async () => {
  const page = await served.browser.newPage();
  page.setDefaultTimeout(15_000);
  const tokenRequests: Array<{ contentType: string | undefined; body: string | null }> = [];
  const itemsAuthorization: Array<string | undefined> = [];
  page.on('request', (request) => {
    if (request.url() === `${served.url}/token`) tokenRequests.push({ contentType: request.headers()['content-type'], body: request.postData() });
    if (request.url() === `${served.url}/users/me/items`) itemsAuthorization.push(request.headers().authorization);
  });
  await page.goto(`${served.url}/docs`);

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
