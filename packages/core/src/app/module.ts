/**
 * Modules group controllers and providers under a shared prefix, tags and dependencies (FastAPI's
 * `APIRouter` + `include_router`; what a NestJS user calls a module). Modules nest. Providers are
 * registered in the app's one container: a module groups, it does not hide.
 * @example
 * export const itemsModule = defineModule({ prefix: 'v1', tags: ['items'], controllers: [ItemsController], providers: [ItemsService] });
 * createApp({ modules: [itemsModule] });
 */
import type { Provider } from '../di/providers.js';
import type { Class } from '../metadata/records.js';

export interface ModuleOptions {
  prefix?: string;
  tags?: string[];
  controllers?: Class[];
  providers?: Provider[];
  /** Run before every route of the module, for their side effects. */
  dependencies?: unknown[];
  modules?: ModuleDef[];
}

export interface ModuleDef extends Readonly<ModuleOptions> {
  readonly kind: 'module';
}

export function defineModule(options: ModuleOptions): ModuleDef {
  return { kind: 'module', ...options };
}
