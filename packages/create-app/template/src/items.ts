import { IsBoolean, IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Get, Int, Param, Post, Query } from '@decorumjs/decorum';

/** A request body: class-validator rules, checked before the handler runs; a failure is a 422. */
export class CreateItem {
  @IsString() name!: string;
  @IsNumber() price!: number;
}

export class Greeting {
  @IsString() name!: string;
  @IsOptional() @IsBoolean() excited?: boolean;
}

@Controller()
export class ItemsController {
  /** GET /hello?name=Ada → {"message":"Hello, Ada!"} */
  @Get('hello')
  hello(@Query('name', { default: 'world' }) name: string) {
    return { message: `Hello, ${name}!` };
  }

  /** GET /items/42?q=hi → {"item_id":42,"q":"hi"}; /items/abc is a 422 at ["path","item_id"]. */
  @Get('items/{item_id}')
  readItem(@Param('item_id', { type: Int }) itemId: number, @Query('q', { type: String, default: null }) q: string | null) {
    return { item_id: itemId, q };
  }

  /** POST /items {"name":"Foo","price":9.5} → {"created":"Foo","price":9.5} */
  @Post('items')
  createItem(@Body() item: CreateItem) {
    return { created: item.name, price: item.price };
  }

  /** POST /greet {"name":"Ada"} → {"message":"Hello, Ada"}; with "excited": true → "Hello, Ada!!!" */
  @Post('greet')
  greet(@Body() greeting: Greeting) {
    return { message: `Hello, ${greeting.name}${greeting.excited ? '!!!' : ''}` };
  }
}
