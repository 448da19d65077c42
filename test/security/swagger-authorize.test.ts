/**
 * Swagger UI's "Authorize" against a route that enforces its scheme, in a real headless Chromium: the
 * document says how to authenticate, the browser sends the credential, the scheme accepts it.
 */
import { expect, test } from 'vitest';
import { serveInChromium } from '../browser/headless-chromium.js';
import { Controller, Get, Security, createApp, httpBearer, jwtBearer, signJwt, type JwtPayload } from '@decorumjs/decorum';

const SECRET = 'swagger-authorize-secret-32-bytes!';
const claims = jwtBearer({ scheme: httpBearer({ bearerFormat: 'JWT' }), key: SECRET });

@Controller('me')
class MeController {
  @Get() me(@Security(claims, { scopes: ['me'] }) token: JwtPayload) { return { user: token.sub }; }
}

const app = createApp({ logger: false, shutdownSignals: false, controllers: [MeController] });
const served = serveInChromium(app);

test('without Authorize the route answers 401; after Authorize with a token, 200', async () => {
  const page = await served.browser.newPage();
  page.setDefaultTimeout(10_000);
  const sent: Array<string | undefined> = [];
  page.on('request', (request) => {
    if (request.url() === `${served.url}/me`) sent.push(request.headers().authorization);
  });
  await page.goto(`${served.url}/docs`);
  const operation = page.locator('.opblock').first();
  await operation.locator('.opblock-summary').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.getByRole('button', { name: 'Execute' }).click();
  await operation.locator('.live-responses-table .response-col_status', { hasText: '401' }).first().waitFor();

  const token = await signJwt({ sub: 'swagger-user', scope: 'me' }, SECRET, { expiresIn: '5m' });
  await page.locator('button.authorize').first().click();
  const dialog = page.locator('.dialog-ux .modal-ux');
  await dialog.locator('input').first().fill(token);
  await dialog.locator('button.authorize').click();
  await dialog.locator('button.btn-done').click();
  await operation.getByRole('button', { name: 'Execute' }).click();
  await operation.locator('.live-responses-table .response-col_status', { hasText: '200' }).first().waitFor();
  expect(await operation.locator('.live-responses-table .response-col_description pre').first().textContent()).toContain('"user": "swagger-user"');
  expect(sent).toEqual([undefined, `Bearer ${token}`]);
  await page.close();
}, 60_000);
