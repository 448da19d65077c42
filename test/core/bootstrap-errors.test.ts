// Developer mistakes stop the app at bootstrap with a stable code and a message that names the
// handler (or DTO property) and the fix. Nothing listens after such a failure.
import { Type } from 'class-transformer';
import { IsArray, IsString, ValidateNested } from 'class-validator';
import { describe, expect, test } from 'vitest';
import {
  Body, Controller, DecorumError, Get, Header, Int, Param, Post, Query, ResponseModel, createApp, type Class,
} from '@decorumjs/decorum';

async function bootstrapError(...controllers: Class[]): Promise<DecorumError> {
  const app = createApp({ controllers, logger: false });
  const error: unknown = await app.listen(0).then(() => undefined, (e: unknown) => e);
  if (app.address) await app.close();
  expect(app.address).toBeUndefined();
  expect(error).toBeInstanceOf(DecorumError);
  return error as DecorumError;
}

@Controller('dup') class FirstController { @Get(':id') read(@Param('id') id: string) { return id; } }
@Controller('dup') class SecondController { @Get(':name') byName(@Param('name') name: string) { return name; } }

@Controller('p') class NotInPathController { @Get('items') read(@Param('item_id') id: string) { return id; } }

@Controller('u') class UndecoratedController {
  @Get('x') read(@Query('q') q: string, limit: number) { return { q, limit }; }
}

@Controller('t') class UnionController { @Get('x') read(@Query('q') q: string | null) { return q; } }
@Controller('t') class ObjectTypeController { @Get('x') read(@Query('q', { type: Object }) q: unknown) { return q; } }

class Filters { @IsString() q!: string; }
@Controller('t') class NamedDtoController { @Get('x') read(@Query('filters') filters: Filters) { return filters; } }

@Controller('s') class NestedListController { @Get('x') read(@Query('grid', { type: [[Int]] }) grid: number[][]) { return grid; } }
@Controller('s') class DtoSpecController { @Get('x') read(@Query('filters', { type: Filters }) filters: Filters) { return filters; } }
@Controller('s') class DtoListHeaderController { @Get('x') read(@Header('x-filters', { type: [Filters] }) f: Filters[]) { return f; } }

class NoValidators { name!: string; }
@Controller('d') class NoValidatorsController { @Post('x') create(@Body() body: NoValidators) { return body; } }

class Address { @IsString() city!: string; }
class ListWithoutType { @IsArray() @ValidateNested({ each: true }) addresses!: Address[]; }
@Controller('d') class ListWithoutTypeController { @Post('x') create(@Body() body: ListWithoutType) { return body; } }

class OneWithoutType { @ValidateNested() address!: Address; }
@Controller('d') class OneWithoutTypeController { @Post('x') create(@Body() body: OneWithoutType) { return body; } }

class Wrapper { @ValidateNested() @Type(() => NoValidators) inner!: NoValidators; }
@Controller('d') class NestedNoValidatorsController { @Post('x') create(@Body() body: Wrapper) { return body; } }

@Controller('d') class ResponseModelController { @Get('x') @ResponseModel(NoValidators) read() { return {}; } }

@Controller('bad') class BadPathController { @Get('a:b') read() { return 1; } }
@Controller('bad') class RepeatedParamController {
  @Get(':id/sub/:id') read(@Param('id') id: string) { return id; }
}

class NotAController { @Get('x') read() { return 1; } }


describe('routes', () => {
  test('a duplicate route names both handlers', async () => {
    const error = await bootstrapError(FirstController, SecondController);
    expect(error.code).toBe('DECORUM_ERR_ROUTE_DUPLICATE');
    expect(error.message).toContain('FirstController.read');
    expect(error.message).toContain('SecondController.byName');
    expect(error.message).toContain('GET /dup/:name');
  });

  test('a path parameter that is not in the path', async () => {
    const error = await bootstrapError(NotInPathController);
    expect(error.code).toBe('DECORUM_ERR_PARAM_NOT_IN_PATH');
    expect(error.message).toContain('NotInPathController.read');
    expect(error.message).toContain('"item_id"');
  });

  test('an unsupported path segment, and a parameter named twice', async () => {
    const segment = await bootstrapError(BadPathController);
    expect(segment.code).toBe('DECORUM_ERR_ROUTE_PATH');
    expect(segment.message).toContain('BadPathController.read');
    const repeated = await bootstrapError(RepeatedParamController);
    expect(repeated.code).toBe('DECORUM_ERR_ROUTE_PATH');
    expect(repeated.message).toContain('RepeatedParamController.read');
  });

  test('a class without @Controller', async () => {
    const error = await bootstrapError(NotAController);
    expect(error.code).toBe('DECORUM_ERR_CONTROLLER_INVALID');
    expect(error.message).toContain('NotAController');
  });
});

describe('parameters', () => {
  test('an undecorated parameter', async () => {
    const error = await bootstrapError(UndecoratedController);
    expect(error.code).toBe('DECORUM_ERR_PARAM_UNDECORATED');
    expect(error.message).toContain('UndecoratedController.read');
    expect(error.message).toContain('parameter #2');
  });

  test.each([
    ['a union type', UnionController, 'UnionController.read'],
    ['Object as the type', ObjectTypeController, 'ObjectTypeController.read'],
    ['a DTO as a single query value', NamedDtoController, 'NamedDtoController.read'],
  ])('%s', async (_, controller, where) => {
    const error = await bootstrapError(controller);
    expect(error.code).toBe('DECORUM_ERR_PARAM_TYPE');
    expect(error.message).toContain(where);
  });

  test.each([
    ['a list of lists', NestedListController, 'NestedListController.read', 'array of array of integer', 'query'],
    ['a DTO named in { type }', DtoSpecController, 'DtoSpecController.read', 'Filters', 'query'],
    ['a list of DTOs', DtoListHeaderController, 'DtoListHeaderController.read', 'array of Filters', 'header'],
  ])('%s cannot come from a string value: a bootstrap error with the fix', async (_, controller, where, type, source) => {
    const error = await bootstrapError(controller);
    expect(error.code).toBe('DECORUM_ERR_PARAM_TYPE');
    expect(error.message).toContain(`${where}(`);
    expect(error.message).toContain(`declared as ${type}, but a ${source} value is a string`);
    expect(error.fix).toContain('{ type: [Int] }');
    expect(error.message.endsWith(error.fix)).toBe(true);
  });

  test('missing type metadata (a build that drops it)', async () => {
    class Plain {
      read(q: string) { return q; }
    }
    Controller('m')(Plain);
    Get('x')(Plain.prototype, 'read', Object.getOwnPropertyDescriptor(Plain.prototype, 'read')!);
    Query('q')(Plain.prototype, 'read', 0);
    const error = await bootstrapError(Plain);
    expect(error.code).toBe('DECORUM_ERR_METADATA_MISSING');
    expect(error.message).toContain('Plain.read');
    expect(error.message).toContain('emitDecoratorMetadata');
  });
});

describe('DTOs', () => {
  test('a DTO without validators names the DTO and the handler', async () => {
    const error = await bootstrapError(NoValidatorsController);
    expect(error.code).toBe('DECORUM_ERR_DTO_INVALID');
    expect(error.message).toContain('NoValidators');
    expect(error.message).toContain('NoValidatorsController.create');
  });

  test('a nested list without @Type', async () => {
    const error = await bootstrapError(ListWithoutTypeController);
    expect(error.code).toBe('DECORUM_ERR_DTO_INVALID');
    expect(error.message).toContain('ListWithoutType.addresses');
    expect(error.message).toContain('@Type(() => Item)');
    expect(error.message).toContain('ListWithoutTypeController.create');
  });

  test('a nested object without @Type', async () => {
    const error = await bootstrapError(OneWithoutTypeController);
    expect(error.code).toBe('DECORUM_ERR_DTO_INVALID');
    expect(error.message).toContain('OneWithoutType.address');
    expect(error.message).toContain('OneWithoutTypeController.create');
  });

  test('a nested DTO without validators', async () => {
    const error = await bootstrapError(NestedNoValidatorsController);
    expect(error.code).toBe('DECORUM_ERR_DTO_INVALID');
    expect(error.message).toContain('NoValidators');
    expect(error.message).toContain('NestedNoValidatorsController.create');
  });

  test('a response model without validators', async () => {
    const error = await bootstrapError(ResponseModelController);
    expect(error.code).toBe('DECORUM_ERR_DTO_INVALID');
    expect(error.message).toContain('ResponseModelController.read');
  });
});
