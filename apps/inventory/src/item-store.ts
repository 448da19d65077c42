/** The store is an interface, so it is injected by token and any implementation (or a test fake) fits. */
import { Injectable, InjectionToken } from '@decorumjs/decorum';

export interface Item {
  id: number;
  name: string;
  price: number;
}

export interface ItemStore {
  list(offset: number, limit: number): Item[];
  get(id: number): Item | undefined;
  add(item: Omit<Item, 'id'>): Item;
}

export const ITEM_STORE = new InjectionToken<ItemStore>('ItemStore');

@Injectable()
export class InMemoryItemStore implements ItemStore {
  readonly #items = new Map<number, Item>();
  #nextId = 1;

  list(offset: number, limit: number): Item[] {
    return [...this.#items.values()].slice(offset, offset + limit);
  }

  get(id: number): Item | undefined {
    return this.#items.get(id);
  }

  add(item: Omit<Item, 'id'>): Item {
    const stored = { id: this.#nextId++, ...item };
    this.#items.set(stored.id, stored);
    return stored;
  }
}
