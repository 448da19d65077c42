/**
 * The docs endpoints over a real socket: what they answer, with which content types, and that nothing
 * they serve points at another host. The browser test checks the same from the page's side.
 */
import { openApiDocument, type App } from '@decorumjs/decorum';
import { afterEach, describe, expect, test } from 'vitest';
import { createPetStore } from './fixtures/pet-store-app.js';

const running: App[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

async function serve(app: App): Promise<(path: string) => Promise<Response>> {
  running.push(app);
  const { url } = await app.listen(0, '127.0.0.1');
  return (path) => fetch(`${url}${path}`);
}

describe('default docs', () => {
  test('/openapi.json serves the document as JSON', async () => {
    const app = createPetStore();
    const get = await serve(app);
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument(app))));
  });

  test('/docs serves Swagger UI from this server, configured for this document', async () => {
    const get = await serve(createPetStore());
    const page = await get('/docs');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<title>Pet Store - Swagger UI</title>');
    expect(html).toContain('src="/docs/swagger-ui-bundle.js"');
    expect(html).not.toMatch(/https?:\/\//);
    const init = await (await get('/docs/swagger-initializer.js')).text();
    expect(init).toContain('"url":"/openapi.json"');
    expect(init).toContain('"validatorUrl":null');
  });

  test.each([
    ['/docs/swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
    ['/docs/swagger-ui.css', 'text/css; charset=utf-8'],
    ['/docs/favicon-32x32.png', 'image/png'],
    ['/docs/oauth2-redirect.html', 'text/html; charset=utf-8'],
    ['/redoc/redoc.standalone.js', 'text/javascript; charset=utf-8'],
  ])('%s is served from the installed package as %s', async (path, contentType) => {
    const get = await serve(createPetStore());
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(contentType);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(50);
  });

  test('files outside the Swagger UI list are not served', async () => {
    const get = await serve(createPetStore());
    expect((await get('/docs/package.json')).status).toBe(404);
    expect((await get('/docs/..%2Fpackage.json')).status).toBe(404);
    expect((await get('/docs/index.html')).status).toBe(404);
  });

  test('/redoc serves ReDoc, and its bundle no longer loads the Redocly logo from a CDN', async () => {
    const get = await serve(createPetStore());
    const html = await (await get('/redoc')).text();
    expect(html).toContain('<redoc spec-url="/openapi.json"></redoc>');
    expect(html).toContain('src="/redoc/redoc.standalone.js"');
    expect(await (await get('/redoc/redoc.standalone.js')).text()).not.toContain('cdn.redoc.ly');
  });
});

describe('configuring the docs through createApp', () => {
  test('each endpoint can move or be switched off', async () => {
    const get = await serve(createPetStore({ openapi: { openapiUrl: '/api/schema.json', docsUrl: '/api-docs', redocUrl: null } }));
    expect((await get('/api/schema.json')).status).toBe(200);
    expect((await get('/api-docs')).status).toBe(200);
    expect(await (await get('/api-docs/swagger-initializer.js')).text()).toContain('"url":"/api/schema.json"');
    expect((await get('/openapi.json')).status).toBe(404);
    expect((await get('/docs')).status).toBe(404);
    expect((await get('/redoc')).status).toBe(404);
  });

  test('openapi: false serves no docs, and the document can still be built', async () => {
    const app = createPetStore({ openapi: false });
    const get = await serve(app);
    for (const path of ['/openapi.json', '/docs', '/redoc']) expect((await get(path)).status).toBe(404);
    expect(openApiDocument(app).paths['/pets']).toBeDefined();
  });

  test('Swagger UI parameters reach the page', async () => {
    const get = await serve(createPetStore({ openapi: { swaggerUiParameters: { docExpansion: 'none' } } }));
    expect(await (await get('/docs/swagger-initializer.js')).text()).toContain('"docExpansion":"none"');
  });
});
