/** The Decorum app under test: the quickstart's three routes, shared by every Decorum adapter. */
import { IsNumber, IsString } from 'class-validator';
import { Body, Controller, Get, Int, Param, Post, Query } from '@decorumjs/decorum';

export class CreateItem {
  @IsString() name!: string;
  @IsNumber() price!: number;
}

@Controller()
export class ItemsController {
  @Get('hello')
  hello(@Query('name', { default: 'world' }) name: string) {
    return { message: `Hello, ${name}!` };
  }

  @Get('items/:item_id')
  readItem(@Param('item_id', { type: Int }) itemId: number, @Query('q', { type: String, default: null }) q: string | null) {
    return { item_id: itemId, q };
  }

  @Post('items')
  createItem(@Body() item: CreateItem) {
    return { created: item.name, price: item.price };
  }
}
