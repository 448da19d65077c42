import { IsBoolean, IsInt, IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Get, Int, Param, Post, Property, Query, ResponseModel } from '@decorumjs/decorum';

export class CreateItem {
  @IsString() name!: string;
  @IsNumber() price!: number;
}

export class Greeting {
  @IsString() name!: string;
  @IsOptional() @IsBoolean() excited?: boolean;
}

export class Message {
  @IsString() message!: string;
}

export class ItemRead {
  @IsInt() item_id!: number;
  @IsString() @Property({ nullable: true, type: String }) q!: string | null;
}

export class ItemCreated {
  @IsString() created!: string;
  @IsNumber() price!: number;
}

@Controller()
export class ItemsController {
  @Get('hello')
  @ResponseModel(Message)
  hello(@Query('name', { default: 'world' }) name: string): Message {
    return { message: `Hello, ${name}!` };
  }

  @Get('items/:item_id')
  @ResponseModel(ItemRead)
  readItem(@Param('item_id', { type: Int }) itemId: number, @Query('q', { type: String, default: null }) q: string | null): ItemRead {
    return { item_id: itemId, q };
  }

  @Post('items')
  @ResponseModel(ItemCreated)
  createItem(@Body() item: CreateItem): ItemCreated {
    return { created: item.name, price: item.price };
  }

  @Post('greet')
  @ResponseModel(Message)
  greet(@Body() greeting: Greeting): Message {
    return { message: `Hello, ${greeting.name}${greeting.excited ? '!!!' : ''}` };
  }
}
