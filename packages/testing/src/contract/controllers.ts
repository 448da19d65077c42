/**
 * The app every adapter is tested with: one controller per area of the contract. Routes are small and
 * echo what they received, so each test reads as "this request → this response".
 */
import { FilesController } from './files-controller.js';
import { IsBoolean, IsEmail, IsInt, IsNumber, IsOptional, IsString, Min } from 'class-validator';
import {
  Body, Conflict, Controller, Cookie, Delete, Get, Header, HttpCode, HttpError, HttpResponse, Int, NotFound, Param, Post,
  Put, Query, Req, Res, ResponseHeader, ResponseModel, Validation, type RequestContext, type ResponseControl,
} from '@decorumjs/core';
import { DependencyController } from './di-controller.js';
import { FormsController } from './forms-controller.js';
import { RoutingController } from './routing-controller.js';
import { SecurityController } from './security-controller.js';
import { StreamingController } from './streaming-controller.js';
import { BackgroundController } from './background-controller.js';

export class CreateItem {
  @IsString() name!: string;
  @IsNumber() price!: number;
}

export class Greeting {
  @IsString() name!: string;
  @IsOptional() @IsBoolean() excited?: boolean;
}

export class Tag {
  @IsString() name!: string;
}

export class Page {
  @IsOptional() @IsInt() @Min(1) limit?: number;
  @IsOptional() @IsString() sort?: string;
}

/** A header model (FastAPI's): `x_token` is the `x-token` header. */
export class TokenHeaders {
  @IsString() x_token!: string;
  @IsOptional() @IsInt() x_retries?: number;
}

/** A cookie model. */
export class SessionCookies {
  @IsString() session!: string;
}

export class UserOut {
  @IsString() name!: string;
  @IsEmail() email!: string;
}

/** Thrown by a route and answered by an exception handler the contract app registers. */
export class TeapotError extends Error {
  constructor(readonly tea: string) {
    super(`no ${tea} today`);
  }
}

/** The quickstart's behaviour table, on routes of its own. */
@Controller()
export class QuickstartController {
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

  @Post('greet')
  greet(@Body() greeting: Greeting) {
    return { message: `Hello, ${greeting.name}${greeting.excited ? '!!!' : ''}` };
  }

  @Get('boom')
  boom(): never {
    throw new Error('something broke');
  }
}

@Controller('params')
export class ParamsController {
  @Get('path/:name/:count')
  path(@Param('name') name: string, @Param('count', { type: Int }) count: number) {
    return { name, count };
  }

  @Get('query')
  query(
    @Query('q') q: string,
    @Query('n', { type: Int, default: 1 }) n: number,
    @Query('tag', { type: [String], default: [] }) tags: string[],
    @Query('flag', { type: Boolean, default: false }) flag: boolean,
  ) {
    return { q, n, tags, flag };
  }

  @Get('prototype-names')
  prototypeNames(@Query('toString', { default: 'absent' }) toString: string, @Query('constructor', { default: 'absent' }) ctor: string) {
    return { toString, ctor };
  }

  @Get('page')
  page(@Query() page: Page) {
    return { limit: page.limit ?? null, sort: page.sort ?? null };
  }

  @Get('header-model')
  headerModel(@Header() headers: TokenHeaders, @Cookie() cookies: SessionCookies) {
    return { headers: { ...headers }, cookies: { ...cookies } };
  }

  @Get('header')
  header(@Header('x-token') token: string, @Header('x-trace', { type: String, optional: true }) trace: string | undefined) {
    return { token, trace: trace ?? null };
  }

  @Get('cookie')
  cookie(@Cookie('session') session: string, @Cookie('theme', { default: 'light' }) theme: string) {
    return { session, theme };
  }

  @Post('tags')
  tags(@Body({ type: [Tag] }) tags: Tag[]) {
    return { count: tags.length, names: tags.map((t) => t.name) };
  }

  @Post('lax')
  @Validation({ mode: 'lax' })
  lax(@Body() item: CreateItem) {
    return { name: item.name, price: item.price };
  }

  @Put('embedded/:id')
  embedded(@Param('id', { type: Int }) id: number, @Body('item') item: CreateItem, @Body('importance', { type: Int }) importance: number) {
    return { id, item: { name: item.name, price: item.price }, importance };
  }

  @Get('request')
  request(@Req() ctx: RequestContext) {
    return { method: ctx.method, path: ctx.path, query: { ...ctx.query } };
  }
}

@Controller('responses')
export class ResponsesController {
  @Post('created')
  @HttpCode(201)
  created() {
    return { created: true };
  }

  @Delete('gone')
  @HttpCode(204)
  gone(): void {}

  @Get('header')
  @ResponseHeader('x-served-by', 'decorum')
  header() {
    return { ok: true };
  }

  @Get('control')
  control(@Res() res: ResponseControl) {
    res.status(202).header('X-Custom', 'yes').cookie('session', 'abc123');
    return { accepted: true };
  }

  @Get('cookies')
  cookies(@Res() res: ResponseControl) {
    res.cookie('a', '1').cookie('b', '2', { httpOnly: false }).clearCookie('old');
    return { ok: true };
  }

  @Get('model')
  @ResponseModel(UserOut)
  model() {
    return { name: 'Ada', email: 'ada@example.com', password: 'hunter2' };
  }

  @Get('models')
  @ResponseModel([UserOut])
  models() {
    return [{ name: 'Ada', email: 'ada@example.com', password: 'x' }, { name: 'Alan', email: 'alan@example.com', admin: true }];
  }

  @Get('model-mismatch')
  @ResponseModel(UserOut)
  modelMismatch() {
    return { name: 42, email: 'ada@example.com' };
  }

  @Get('encoded')
  encoded() {
    return { tags: new Set(['a', 'b']), id: 2n ** 64n, at: new Date(0), bytes: new Uint8Array([0, 1, 2, 255]) };
  }

  @Get('text')
  text() {
    return new HttpResponse('pong', { contentType: 'text/plain; charset=utf-8' });
  }

  @Get('bytes')
  bytes() {
    return new HttpResponse(new Uint8Array([0, 1, 2, 255]), { contentType: 'application/octet-stream' });
  }

  @Get('json-lines')
  @ResponseModel(UserOut)
  async *jsonLines() {
    yield { name: 'ada', email: 'ada@example.com', password: 'never sent' };
    await new Promise((resolve) => setTimeout(resolve, 5));
    yield { name: 'bob', email: 'bob@example.com' };
  }

  @Get('stream')
  stream() {
    async function* parts() {
      yield 'one,';
      yield new TextEncoder().encode('two,');
      yield 'three';
    }
    return new HttpResponse(parts(), { contentType: 'text/plain; charset=utf-8' });
  }

  @Get('redirect')
  redirect() {
    return HttpResponse.redirect('/hello');
  }

  @Get('unicode')
  unicode() {
    return { text: 'héllo wörld ✓' };
  }
}

@Controller('errors')
export class ErrorsController {
  @Get('not-found')
  notFound(): never {
    throw new NotFound('Item not found');
  }

  @Get('unauthorized')
  unauthorized(): never {
    throw new HttpError(401, 'Not authenticated', { 'www-authenticate': 'Bearer' });
  }

  @Get('conflict')
  conflict(): never {
    throw new Conflict({ code: 'duplicate', id: 7 });
  }

  @Get('teapot')
  teapot(): never {
    throw new TeapotError('earl grey');
  }

  @Get('async-boom')
  async asyncBoom(): Promise<never> {
    await Promise.resolve();
    throw new TypeError('async failure');
  }
}

export const CONTRACT_CONTROLLERS = [
  QuickstartController, ParamsController, ResponsesController, ErrorsController, DependencyController, RoutingController,
  SecurityController, FormsController, StreamingController, BackgroundController, FilesController,
];
