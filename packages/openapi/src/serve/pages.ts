/**
 * The HTML of the docs pages and Swagger UI's start script. Pages load only same-origin files and hold
 * no inline script, so they also work under a `script-src 'self'` Content Security Policy.
 */

export interface SwaggerUiPage {
  readonly title: string;
  /** Where the page itself is served (`/docs`); its files live under it. */
  readonly docsUrl: string;
  readonly openapiUrl: string;
  /** Extra Swagger UI configuration (`{ docExpansion: 'none' }`), JSON values only. */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

export function swaggerUiHtml(page: SwaggerUiPage): string {
  const file = (name: string) => escapeHtml(joinUrl(page.docsUrl, name));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} - Swagger UI</title>
<link rel="stylesheet" type="text/css" href="${file('swagger-ui.css')}">
<link rel="icon" type="image/png" href="${file('favicon-32x32.png')}" sizes="32x32">
<link rel="icon" type="image/png" href="${file('favicon-16x16.png')}" sizes="16x16">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${file('swagger-ui-bundle.js')}" charset="utf-8"></script>
<script src="${file('swagger-initializer.js')}" charset="utf-8"></script>
</body>
</html>
`;
}

/**
 * Swagger UI's configuration as a script. `validatorUrl: null` matters: by default Swagger UI sends the
 * document to validator.swagger.io to draw a badge, which is a request to another host.
 */
export function swaggerUiInitializer(page: SwaggerUiPage): string {
  const config = {
    url: page.openapiUrl,
    dom_id: '#swagger-ui',
    layout: 'BaseLayout',
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    validatorUrl: null,
    ...page.parameters,
  };
  const redirect = joinUrl(page.docsUrl, 'oauth2-redirect.html');
  return `window.ui = SwaggerUIBundle(Object.assign(${JSON.stringify(config)}, {
  oauth2RedirectUrl: window.location.origin + ${JSON.stringify(redirect)},
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
}));
`;
}

export interface RedocPage {
  readonly title: string;
  /** Where the page itself is served (`/redoc`); the bundle lives under it. */
  readonly redocUrl: string;
  readonly openapiUrl: string;
  /** A favicon to show, when Swagger UI's files are served too. */
  readonly faviconUrl?: string;
}

export function redocHtml(page: RedocPage): string {
  const favicon = page.faviconUrl ? `\n<link rel="icon" type="image/png" href="${escapeHtml(page.faviconUrl)}">` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} - ReDoc</title>${favicon}
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<redoc spec-url="${escapeHtml(page.openapiUrl)}"></redoc>
<script src="${escapeHtml(joinUrl(page.redocUrl, 'redoc.standalone.js'))}" charset="utf-8"></script>
</body>
</html>
`;
}

/** `joinUrl('/docs', 'x.css')` → `/docs/x.css`; `joinUrl('/', 'x.css')` → `/x.css`. */
export function joinUrl(base: string, name: string): string {
  return `${base.replace(/\/+$/, '')}/${name}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
