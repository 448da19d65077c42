/**
 * Routes for the routing rows of the contract (`cases/routing.ts`): literals next to parameters in
 * both declaration orders, methods declared out of order, an explicit HEAD, a non-ASCII literal, and
 * one path declared with a trailing slash and one without, for the trailing-slash modes.
 */
import { Controller, Delete, Get, Head, Options, Param, Post, Put, Res, type ResponseControl } from '@decorumjs/core';

@Controller('routing')
export class RoutingController {
  // The parameter route is declared first: the literal must still win.
  @Get('items/:id')
  item(@Param('id') id: string) {
    return { route: 'item', id };
  }

  @Get('items/latest')
  latest() {
    return { route: 'latest' };
  }

  @Delete('items/:id')
  removeItem(@Param('id') id: string) {
    return { route: 'remove', id };
  }

  @Get('items/:id/parts/:part')
  part(@Param('id') id: string, @Param('part') part: string) {
    return { route: 'part', id, part };
  }

  // `/routing/deep/fixed/end` needs backtracking: the literal `fixed` leads nowhere for `end`.
  @Get('deep/fixed/other')
  deepFixed() {
    return { route: 'fixed' };
  }

  @Get('deep/:a/end')
  deepParam(@Param('a') a: string) {
    return { route: 'param', a };
  }

  @Get('files/:name')
  file(@Param('name') name: string) {
    return { name };
  }

  @Get('café/:name')
  cafe(@Param('name') name: string) {
    return { route: 'café', name };
  }

  // Declared out of order: `Allow` is always GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS.
  @Options('methods') optionsMethods() { return { method: 'OPTIONS' }; }
  @Delete('methods') deleteMethods() { return { method: 'DELETE' }; }
  @Post('methods') postMethods() { return { method: 'POST' }; }
  @Get('methods') getMethods() { return { method: 'GET' }; }
  @Put('only-put') onlyPut() { return { method: 'PUT' }; }

  @Get('probe')
  probe(@Res() res: ResponseControl) {
    res.header('x-answered-by', 'get');
    return { probe: true };
  }

  @Head('probe')
  probeHead(@Res() res: ResponseControl) {
    res.header('x-answered-by', 'head');
    return null;
  }

  @Get('slash/')
  slash() {
    return { form: 'slash' };
  }

  @Get('bare')
  bare() {
    return { form: 'bare' };
  }
}
