/**
 * What can be injected: a class, a string, a symbol, or a typed `InjectionToken` (for interfaces,
 * which have no runtime identity).
 * @example
 * export const ITEM_STORE = new InjectionToken<ItemStore>('ItemStore');
 * constructor(@Inject(ITEM_STORE) private readonly store: ItemStore) {}
 */
import type { Class } from '../metadata/records.js';

export class InjectionToken<T> {
  // Carries T for type inference only.
  declare readonly __type?: T;
  constructor(readonly description: string) {}

  toString(): string {
    return this.description;
  }
}

export type Token<T = unknown> = Class<T> | InjectionToken<T> | string | symbol;

/** singleton: one per app (default). request: one per request, shared within it. transient: one per injection. */
export type Scope = 'singleton' | 'request' | 'transient';

export function tokenName(token: unknown): string {
  if (typeof token === 'function') return token.name || 'anonymous function';
  if (typeof token === 'symbol') return token.description ?? token.toString();
  if (token instanceof InjectionToken) return token.description;
  return String(token);
}
