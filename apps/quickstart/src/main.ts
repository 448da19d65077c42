import { createApp } from '@decorumjs/decorum';
import { ItemsController } from './items.js';

export const app = createApp({ title: 'Quickstart', version: '1.0.0', controllers: [ItemsController] });
