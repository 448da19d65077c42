import { IsNumber, IsPositive, IsString, Length } from 'class-validator';
import {
  Body, Controller, Depends, Get, HttpCode, Inject, Injectable, Int, NotFound, Param, Post, UseDependencies,
} from '@decorumjs/decorum';
import { Database, Transaction, transaction } from './database.js';
import { pagination, requireToken, type Page } from './dependencies.js';
import { ITEM_STORE, type Item, type ItemStore } from './item-store.js';

export class NewItem {
  @IsString() @Length(1, 80) name!: string;
  @IsNumber() @IsPositive() price!: number;
}

@Injectable()
export class ItemsService {
  constructor(@Inject(ITEM_STORE) private readonly store: ItemStore) {}

  list(page: Page): Item[] {
    return this.store.list(page.offset, page.limit);
  }

  find(id: number): Item {
    const item = this.store.get(id);
    if (!item) throw new NotFound(`Item ${id} not found`);
    return item;
  }

  add(item: NewItem, tx: Transaction): Item {
    const stored = this.store.add({ name: item.name, price: item.price });
    tx.write(`add ${stored.id}`);
    return stored;
  }
}

@Controller('items')
export class ItemsController {
  constructor(
    private readonly items: ItemsService,
    private readonly db: Database,
  ) {}

  @Get()
  list(@Depends(pagination) page: Page) {
    return this.items.list(page);
  }

  @Get(':id')
  read(@Param('id', { type: Int }) id: number) {
    return this.items.find(id);
  }

  @Post()
  @HttpCode(201)
  @UseDependencies(requireToken)
  create(@Body() item: NewItem, @Depends(transaction) tx: Transaction) {
    if (item.name === 'fail') throw new Error('refusing to store an item called "fail"');
    return this.items.add(item, tx);
  }

  /** What happened to each transaction: shows cleanup running after the response. */
  @Get('/audit/transactions')
  audit() {
    return this.db.transactions.map((tx) => ({ id: tx.id, state: tx.state, writes: tx.writes }));
  }
}
