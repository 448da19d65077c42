/**
 * The record store decorators write into. Keyed by class constructor in a WeakMap, so records live
 * exactly as long as their classes and never touch the global `Reflect` registry.
 */
import type { Class, ClassRecord, MethodRecord } from './records.js';

const records = new WeakMap<object, ClassRecord>();

export function classRecord(target: object): ClassRecord {
  let record = records.get(target);
  if (!record) {
    record = {
      controllerInfo: {},
      controllerDependencies: [],
      controllerExtensions: new Map(),
      controllerGuards: [],
      controllerInterceptors: [],
      controllerPipes: [],
      methods: new Map(),
      ctorParams: [],
    };
    records.set(target, record);
  }
  return record;
}

/** The record of a class, or undefined when no Decorum decorator touched it. */
export function findClassRecord(target: Class): ClassRecord | undefined {
  return records.get(target);
}

/** `target` is what a method or parameter decorator receives: the prototype (or the class for statics). */
export function methodRecord(target: object, propertyKey: string | symbol): MethodRecord {
  const ctor = typeof target === 'function' ? target : (target as { constructor: object }).constructor;
  const methods = classRecord(ctor).methods;
  const key = String(propertyKey);
  let record = methods.get(key);
  if (!record) {
    record = {
      routes: [], params: [], headers: [], responses: [], dependencies: [], extensions: new Map(),
      guards: [], interceptors: [], pipes: [],
    };
    methods.set(key, record);
  }
  return record;
}
