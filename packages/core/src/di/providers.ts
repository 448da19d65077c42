/**
 * Provider declarations, as NestJS spells them: a class, or `{ provide, useClass | useValue |
 * useFactory | useExisting }`. Normalised once into a `ProviderDef`.
 */
import { decorumErrors } from '../errors.js';
import { findClassRecord } from '../metadata/store.js';
import type { Class } from '../metadata/records.js';
import { tokenName, type Scope, type Token } from './tokens.js';

export type Provider<T = unknown> =
  | Class<T>
  | { provide: Token<T>; useClass: Class<T>; scope?: Scope }
  | { provide: Token<T>; useValue: T }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- factory arguments are typed by `inject`
  | { provide: Token<T>; useFactory: (...deps: any[]) => T | Promise<T>; inject?: Token[]; scope?: Scope }
  | { provide: Token<T>; useExisting: Token<T> };

export type ProviderDef =
  | { kind: 'class'; token: Token; cls: Class; scope: Scope }
  | { kind: 'value'; token: Token; value: unknown; scope: 'singleton' }
  | { kind: 'factory'; token: Token; factory: (...deps: unknown[]) => unknown; inject: readonly Token[]; scope: Scope }
  | { kind: 'alias'; token: Token; target: Token; scope: 'singleton' };

export function toProviderDef(provider: Provider): ProviderDef {
  if (typeof provider === 'function') return { kind: 'class', token: provider, cls: provider, scope: classScope(provider) };
  if (typeof provider !== 'object' || provider === null || !('provide' in provider)) {
    throw decorumErrors.providerInvalid(String(provider));
  }
  const token = provider.provide;
  if ('useClass' in provider) return { kind: 'class', token, cls: provider.useClass, scope: provider.scope ?? classScope(provider.useClass) };
  if ('useValue' in provider) return { kind: 'value', token, value: provider.useValue, scope: 'singleton' };
  if ('useFactory' in provider) {
    return { kind: 'factory', token, factory: provider.useFactory, inject: provider.inject ?? [], scope: provider.scope ?? 'singleton' };
  }
  if ('useExisting' in provider) return { kind: 'alias', token, target: provider.useExisting, scope: 'singleton' };
  throw decorumErrors.providerWithoutUse(tokenName(token));
}

/** The scope `@Injectable({ scope })` gave a class; singleton by default. */
export function classScope(cls: Class): Scope {
  return findClassRecord(cls)?.injectable?.scope ?? 'singleton';
}

export function isInjectable(cls: unknown): cls is Class {
  return typeof cls === 'function' && findClassRecord(cls as Class)?.injectable !== undefined;
}
