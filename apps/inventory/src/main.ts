import { createApp, defineModule } from '@decorumjs/decorum';
import { Database } from './database.js';
import { InMemoryItemStore, ITEM_STORE } from './item-store.js';
import { ItemsController, ItemsService } from './items.js';

export const inventoryModule = defineModule({
  prefix: 'v1',
  tags: ['inventory'],
  controllers: [ItemsController],
  providers: [ItemsService, Database, { provide: ITEM_STORE, useClass: InMemoryItemStore }],
});

/** A fresh app each call, so tests can override providers on their own instance. */
export function createInventoryApp() {
  return createApp({ title: 'Inventory', version: '1.0.0', modules: [inventoryModule] });
}

export const app = createInventoryApp();
