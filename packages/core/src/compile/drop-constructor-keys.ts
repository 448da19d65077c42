/**
 * class-transformer guesses a nested object's class from `value.constructor` when no `@Type` says it, so an
 * own `constructor` key from the client (`{"price":{"constructor":"text"}}`, which JSON and our query parser
 * both allow) is taken for a class: it crashes `plainToInstance` (a 500) or, with an object, is `new`ed.
 * It never copies a `constructor` key onto the result either, so dropping those keys before the transform
 * changes nothing but the crash. Copy-on-write: an input without such keys is returned as it is.
 */
export function dropConstructorKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const next = dropConstructorKeys(item);
      if (next !== item) (copy ??= value.slice())[i] = next;
    });
    return copy ?? value;
  }
  const source = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined = Object.hasOwn(source, 'constructor') ? shallowCopy(source) : undefined;
  for (const key of Object.keys(source)) {
    if (key === 'constructor') continue;
    const next = dropConstructorKeys(source[key]);
    if (next !== source[key]) (copy ??= shallowCopy(source))[key] = next;
  }
  return copy ?? value;
}

/** The same own keys except `constructor`, on the same prototype (null-prototype query objects stay so). */
function shallowCopy(source: Record<string, unknown>): Record<string, unknown> {
  const copy = Object.create(Object.getPrototypeOf(source) as object | null) as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (key !== 'constructor') Object.defineProperty(copy, key, { value: source[key], enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
