/**
 * The docs pages keep working under securityHeaders()' default Content-Security-Policy, in a real
 * headless Chromium: every violation the page reports fails the test.
 */
import { expect, test } from 'vitest';
import { serveInChromium } from '../browser/headless-chromium.js';
import { securityHeaders } from '@decorumjs/decorum';
import { createPetStore } from './fixtures/pet-store-app.js';


const app = createPetStore({ middleware: [securityHeaders()] });
const served = serveInChromium(app);

async function openWatched(path: string) {
  const page = await served.browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  // Runs in the page, so it is passed as source text (this file is compiled without the DOM types).
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) =>
    console.error('Content Security Policy violation: ' + event.violatedDirective + ' ' + event.blockedURI));`);
  const response = await page.goto(`${served.url}${path}`);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  return { page, violations };
}

test('Swagger UI renders and opens Authorize with no CSP violation', async () => {
  const { page, violations } = await openWatched('/docs');
  await page.locator('.opblock-summary-path', { hasText: /^\/pets\/search$/ }).first().waitFor();
  await page.locator('button.authorize').first().click();
  await page.locator('.dialog-ux .modal-ux h4', { hasText: 'HTTPBearer' }).first().waitFor();
  expect(violations).toEqual([]);
  await page.close();
});

test('ReDoc renders with no CSP violation', async () => {
  const { page, violations } = await openWatched('/redoc');
  await page.locator('h2', { hasText: /Remove a pet/ }).first().waitFor();
  // Give ReDoc's search worker time to start.
  await page.waitForTimeout(300);
  expect(violations).toEqual([]);
  await page.close();
});
