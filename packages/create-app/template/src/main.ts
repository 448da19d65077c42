// The app: `decorum dev` and `decorum start` import this module and listen (PORT and HOST, default
// 127.0.0.1:8000); tests call it in-process. API docs at /docs (Swagger UI) and /redoc, /openapi.json.
import { createApp } from '@decorumjs/decorum';
import { ItemsController } from './items.js';

export const app = createApp({ title: '{{name}}', version: '0.1.0', controllers: [ItemsController] });
