// Non-JSON responses in the OpenAPI document: a FileResponse return type is binary octets, @Produces names
// the media type (text as a string, other types binary, JSON types keep the model), and a static folder
// mounted as middleware is not in the document.
import { expect, test } from 'vitest';
import { Controller, FileResponse, Get, HttpResponse, Produces, createApp, openApiDocument, staticFiles } from '@decorumjs/decorum';
import { expectValidOpenApi } from './expect-valid-openapi.js';

@Controller()
class DownloadsController {
  @Get('file') file(): FileResponse { return new FileResponse('report.bin'); }

  @Get('pdf') @Produces('application/pdf') pdf(): FileResponse { return new FileResponse('report.pdf'); }

  @Get('page') @Produces('text/html; charset=utf-8') page(): HttpResponse { return new HttpResponse('<p>hi</p>', { contentType: 'text/html; charset=utf-8' }); }

  @Get('data') data() { return { ok: true }; }
}

const app = createApp({ logger: false, controllers: [DownloadsController] });
app.use(staticFiles('/static', { root: '.' }));
const doc = openApiDocument(app);
const ok = (path: string) => doc.paths?.[path]?.get?.responses?.['200'];

test('file responses, text and other media types are documented as what they are', async () => {
  expect(ok('/file')).toEqual({ description: 'Successful Response', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } });
  expect(ok('/pdf')).toEqual({ description: 'Successful Response', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } });
  expect(ok('/page')).toEqual({ description: 'Successful Response', content: { 'text/html; charset=utf-8': { schema: { type: 'string' } } } });
  expect(ok('/data')).toEqual({ description: 'Successful Response', content: { 'application/json': { schema: {} } } });
  expect(Object.keys(doc.paths ?? {}).some((path) => path.startsWith('/static'))).toBe(false);
  await expectValidOpenApi(doc);
});
