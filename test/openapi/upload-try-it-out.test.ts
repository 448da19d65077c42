/**
 * Swagger UI's "Try it out" on a multipart route, in a real headless Chromium: the document's
 * `multipart/form-data` body with a `format: binary` field renders a file picker, and the upload the
 * browser sends is parsed by the server into the field and the file.
 */
import { expect, test } from 'vitest';
import { serveInChromium } from '../browser/headless-chromium.js';
import { app } from '../../apps/uploads/src/main.js';

const served = serveInChromium(app);

test('POST /avatars: fill username, pick a file, Execute; the page shows the 200 with the file', async () => {
  const page = await served.browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${served.url}/docs`);
  const operation = page.locator('.opblock-post', { has: page.locator('.opblock-summary-path', { hasText: /^\/avatars$/ }) });
  await operation.locator('.opblock-summary').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();

  const body = operation.locator('.opblock-section-request-body');
  await body.locator('tr', { hasText: 'username' }).locator('input[type="text"], input:not([type])').first().fill('ada');
  const buffer = Buffer.alloc(321, 0x89);
  await body.locator('input[type="file"]').setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer });

  const sent = page.waitForResponse((res) => res.url() === `${served.url}/avatars` && res.request().method() === 'POST');
  await operation.getByRole('button', { name: 'Execute' }).click();
  const response = await sent;
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ username: 'ada', filename: 'a.png', contentType: 'image/png', size: 321 });
  expect(response.request().headers()['content-type']).toMatch(/^multipart\/form-data; boundary=/);

  // What the user sees: the live response, its status and body.
  await operation.locator('.live-responses-table .response-col_status', { hasText: '200' }).first().waitFor();
  const shown = await operation.locator('.live-responses-table .response-col_description pre').first().textContent();
  expect(shown).toContain('"filename": "a.png"');
  expect(shown).toContain('"size": 321');
  await page.close();
}, 60_000);
