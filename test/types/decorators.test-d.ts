/**
 * Type tests of the decorators an app writes (checked by `tsc -p tsconfig.typecheck.json`, never run):
 * what compiles, and with `@ts-expect-error`, what must not. An unused `@ts-expect-error` fails the check,
 * so each "must not compile" line proves the compiler still rejects it.
 */
import { IsInt, IsString } from 'class-validator';
import { expectTypeOf } from 'vitest';
import {
  ApiResponse, Body, Controller, Cookie, Delete, Deprecated, Get, Header, HttpCode, Int, Param, ParseIntPipe, Post, Property,
  Query, Req, Res, ResponseHeader, ResponseModel, Summary, Tags, UseGuards, type RequestContext, type ResponseControl,
  type TypeSpec,
} from '@decorumjs/decorum';

class Item {
  @IsString() @Property({ description: 'Display name', example: 'Hammer' }) name!: string;
  @IsInt() @Property({ type: Int }) stock!: number;
}

enum Colour { Red = 'red', Blue = 'blue' }

@Controller('items', { tags: ['items'] })
@UseGuards((ctx) => ctx.headers['x-token'] !== undefined)
export class ItemsController {
  @Get()
  @Summary('List items') @Tags('items')
  @ResponseModel([Item])
  list(
    @Query('tag', { type: [String] }) tags: string[],
    @Query('limit', { type: Int, default: 10, ge: 1, le: 100 }) limit: Int,
    @Query('colour', { type: Colour, optional: true }) colour: Colour | undefined,
    @Header('user-agent', { optional: true }) agent: string | undefined,
    @Cookie('session', { default: null }) session: string | null,
  ) {
    return { tags, limit, colour, agent, session };
  }

  @Get('{item_id}')
  read(@Param('item_id', ParseIntPipe) id: number, @Req() ctx: RequestContext, @Res() res: ResponseControl) {
    res.status(200).header('x-read', '1');
    expectTypeOf(ctx.cookies.session).toEqualTypeOf<string | undefined>();
    return { id, path: ctx.path };
  }

  @Post()
  @HttpCode(201) @ResponseHeader('x-created', 'yes') @ApiResponse(409, { description: 'Exists', type: Item })
  create(@Body() item: Item, @Body('note', { optional: true, maxLength: 20 }) note: string | undefined) {
    return { item, note };
  }

  @Delete('{item_id}') @Deprecated()
  remove(@Param('item_id', { type: Int }, ParseIntPipe) id: number) {
    return id;
  }
}

// The type a spec can say: scalars, Int, enums (objects or literal lists), DTO classes, one level of array.
expectTypeOf<typeof Int>().toMatchTypeOf<TypeSpec>();
expectTypeOf<[typeof Item]>().toMatchTypeOf<TypeSpec>();
expectTypeOf<readonly ['a', 'b']>().toMatchTypeOf<TypeSpec>();
expectTypeOf<typeof Colour>().toMatchTypeOf<TypeSpec>();
// `Int` is also the type of an integer parameter.
expectTypeOf<Int>().toEqualTypeOf<number>();

export class Mistakes {
  // @ts-expect-error a misspelt option is not silently ignored
  @Get('a') a(@Query('q', { defualt: 1 }) q: number) { return q; }
  // @ts-expect-error bounds are numbers
  @Get('b') b(@Query('q', { ge: '1' }) q: number) { return q; }
  // @ts-expect-error a parameter's name is a string
  @Get('c') c(@Param(42) id: number) { return id; }
  // @ts-expect-error a type spec is a constructor, Int, an enum or a DTO, not a type name
  @Get('d') d(@Query('q', { type: 'int' }) q: number) { return q; }
  // @ts-expect-error a route decorator takes a path string
  @Get(['e']) e() { return 1; }
  // @ts-expect-error a status code is a number
  @Post('f') @HttpCode('201') f() { return 1; }
}

// @ts-expect-error a route decorator goes on a method, not a class
@Get('x') export class RouteOnClass {}

export class ControllerOnMethod {
  // @ts-expect-error @Controller goes on a class, not a method
  @Controller('x') method() { return 1; }
}

// @ts-expect-error a controller's prefix is a string
@Controller(1) export class NumericPrefix {}
