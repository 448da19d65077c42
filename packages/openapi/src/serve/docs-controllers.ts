/**
 * The docs routes, built with core's own decorators like any controller, and left out of the document
 * they serve. Each factory makes a fresh class because paths are configurable per app; asset routes are
 * one `:file` segment checked against a fixed list, so nothing outside it can be read.
 */
import { Controller, ExcludeFromSchema, Get, HttpResponse, NotFound, Param, type Class } from '@decorumjs/core';
import { REDOC_BUNDLE, SWAGGER_UI_FILES, redocBundle, swaggerUiAsset } from './assets.js';
import { redocHtml, swaggerUiHtml, swaggerUiInitializer, type RedocPage, type SwaggerUiPage } from './pages.js';

const HTML = 'text/html; charset=utf-8';

/** `GET <url>`: the document as JSON, built on the first request and kept. */
export function openApiJsonController(url: string, documentJson: () => string): Class {
  @Controller()
  @ExcludeFromSchema()
  class OpenApiJsonController {
    @Get(url)
    openapi(): HttpResponse {
      return new HttpResponse(documentJson(), { contentType: 'application/json' });
    }
  }
  return OpenApiJsonController;
}

/** `GET <docsUrl>`: Swagger UI; `GET <docsUrl>/<file>`: its files and start script. */
export function swaggerUiController(page: SwaggerUiPage): Class {
  const html = swaggerUiHtml(page);
  const initializer = swaggerUiInitializer(page);

  @Controller(page.docsUrl)
  @ExcludeFromSchema()
  class SwaggerUiController {
    @Get()
    page(): HttpResponse {
      return new HttpResponse(html, { contentType: HTML });
    }

    @Get(':file')
    file(@Param('file', { type: String }) file: string): HttpResponse | Promise<HttpResponse> {
      if (file === 'swagger-initializer.js') return new HttpResponse(initializer, { contentType: 'text/javascript; charset=utf-8' });
      if (!SWAGGER_UI_FILES.has(file)) throw new NotFound();
      return swaggerUiAsset(file);
    }
  }
  return SwaggerUiController;
}

/** `GET <redocUrl>`: ReDoc; `GET <redocUrl>/redoc.standalone.js`: its bundle. */
export function redocController(page: RedocPage): Class {
  const html = redocHtml(page);

  @Controller(page.redocUrl)
  @ExcludeFromSchema()
  class RedocController {
    @Get()
    page(): HttpResponse {
      return new HttpResponse(html, { contentType: HTML });
    }

    @Get(REDOC_BUNDLE)
    bundle(): Promise<HttpResponse> {
      return redocBundle();
    }
  }
  return RedocController;
}
