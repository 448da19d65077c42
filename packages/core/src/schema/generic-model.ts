/**
 * Generic models (`Page<Item>`, pydantic's `Page[Item]`): TypeScript's type parameters are gone at run
 * time, so a generic model is a function that makes a class per type argument. `genericModel` makes one
 * such class per argument list, once, and names it, so every use of `Page(Item)` is the same class and
 * `components/schemas` gets one `ItemPage` beside `UserPage`, never `Page_2`.
 * @example
 * const Page = genericModel((name) => `${name}Page`, <T>(item: DtoType<T>) => {
 *   class Page {
 *     @IsInt() total!: number;
 *     @ValidateNested({ each: true }) @Type(() => item) items!: T[];
 *   }
 *   return Page;
 * });
 * @Get() @ResponseModel(Page(Item)) list() { return { total: 1, items: [item] }; }
 */
import type { Class } from '../metadata/records.js';

/**
 * `build` makes the class for some type arguments (classes, or any values); `name` names it from the
 * arguments' names (a class's name, else `String(arg)`).
 */
export function genericModel<A extends readonly unknown[], C extends Class>(
  name: (...names: string[]) => string, build: (...args: A) => C,
): (...args: A) => C {
  // Type arguments are compared by identity: two classes that share a name still get two models.
  const made: { readonly args: A; readonly cls: C }[] = [];
  return (...args: A): C => {
    const found = made.find((entry) => entry.args.length === args.length && entry.args.every((a, i) => a === args[i]));
    if (found) return found.cls;
    const cls = build(...args);
    Object.defineProperty(cls, 'name', { value: name(...args.map((arg) => (typeof arg === 'function' ? arg.name : String(arg)))) });
    made.push({ args, cls });
    return cls;
  };
}
