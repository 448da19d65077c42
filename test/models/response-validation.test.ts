/**
 * A handler's return value is checked against its response model, as FastAPI does: a value that does
 * not fit is a server bug, so the client gets the generic 500 and the log names the route and field.
 * Fields the model does not declare are dropped and fields the handler left out get their defaults.
 */
import { Type } from 'class-transformer';
import { IsDate, IsEmail, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { Controller, Get, HttpResponse, Int, ResponseModel, ResponseValidationError, type Logger } from '@decorumjs/decorum';
import { describe, expect, test } from 'vitest';
import { serve } from '../core/serve.js';

class UserOut {
  @IsString() username!: string;
  @IsEmail() email!: string;
  @IsString() role = 'member';
  @IsOptional() @IsInt() @Min(0) karma?: number;
}

class TeamOut {
  @IsString() name!: string;
  @ValidateNested({ each: true }) @Type(() => UserOut) members!: UserOut[];
}

class EventOut {
  @IsDate() at!: Date;
}

class StampedOut {
  @IsString() name!: string;
  @IsDate() stampedAt = new Date();
}

class Account {
  constructor(readonly first: string, readonly last: string, readonly password: string) {}
  get username() { return `${this.first}.${this.last}`; }
  get email() { return `${this.first}@example.com`; }
}

const alice = { username: 'alice', email: 'alice@example.com' };

@Controller('rv')
class ResponsesController {
  @Get('ok') @ResponseModel(UserOut) ok() { return { ...alice, role: 'admin', password: 'hunter2' }; }
  @Get('default') @ResponseModel(UserOut) withDefault() { return alice; }
  @Get('wrong-type') @ResponseModel(UserOut) wrongType() { return { username: 42, email: 'x@example.com' }; }
  @Get('missing') @ResponseModel(UserOut) missing() { return { username: 'bob' }; }
  @Get('rule') @ResponseModel(UserOut) rule() { return { ...alice, karma: -1 }; }
  @Get('list') @ResponseModel([UserOut]) list() { return [alice, { username: 'carol', email: 'not-an-email' }]; }
  @Get('nested') @ResponseModel(TeamOut) nested() { return { name: 'core', members: [alice, { email: 'dave@example.com' }] }; }
  @Get('nested-ok') @ResponseModel(TeamOut) nestedOk() { return { name: 'core', members: [{ ...alice, password: 'x' }] }; }
  @Get('getters') @ResponseModel(UserOut) getters() { return new Account('erin', 'smith', 'secret'); }
  @Get('date') @ResponseModel(EventOut) date() { return { at: new Date('2025-01-02T03:04:05Z') }; }
  @Get('stamped') @ResponseModel(StampedOut) stamped() { return { name: 'n' }; }
  @Get('null') @ResponseModel(UserOut) none() { return null; }
  @Get('not-a-list') @ResponseModel([UserOut]) notAList() { return alice; }
  @Get('int') @ResponseModel(Int) int() { return 'seven'; }
  @Get('async') @ResponseModel(UserOut) async later() { await Promise.resolve(); return { username: 'zed' }; }
  @Get('raw') @ResponseModel(UserOut) raw() { return HttpResponse.json({ anything: true }); }
}

const logged: Array<{ err?: unknown; route?: string }> = [];
const logger: Logger = { error: (obj) => logged.push(obj as { err?: unknown }), warn() {}, info() {}, debug() {} };
const api = serve({ controllers: [ResponsesController], logger });
const json = async (path: string) => {
  const res = await api.get(path);
  return { status: res.status, body: (await res.json()) as unknown };
};

/** Requests `path`, expects the generic 500, and returns the `ResponseValidationError` that was logged. */
const failure = async (path: string): Promise<ResponseValidationError> => {
  logged.length = 0;
  expect(await json(path)).toEqual({ status: 500, body: { detail: 'Internal Server Error' } });
  const err = logged[0]?.err;
  expect(err).toBeInstanceOf(ResponseValidationError);
  return err as ResponseValidationError;
};
const where = (err: ResponseValidationError) => err.errors.map((e) => `${e.loc.join('.')}:${e.type}`);

describe('a value that fits its model', () => {
  test('is written with undeclared fields dropped', async () => {
    expect(await json('/rv/ok')).toEqual({ status: 200, body: { ...alice, role: 'admin' } });
  });

  test('gets the declared default of a field the handler left out', async () => {
    expect(await json('/rv/default')).toEqual({ status: 200, body: { ...alice, role: 'member' } });
  });

  test('a default computed by its initialiser is computed per response', async () => {
    const before = Date.now();
    const { body } = await json('/rv/stamped');
    expect(Date.parse((body as { stampedAt: string }).stampedAt)).toBeGreaterThanOrEqual(before - 1);
  });

  test('may be a class instance whose fields are getters', async () => {
    expect(await json('/rv/getters')).toEqual({ status: 200, body: { username: 'erin.smith', email: 'erin@example.com', role: 'member' } });
  });

  test('may hold a Date, written as ISO 8601', async () => {
    expect(await json('/rv/date')).toEqual({ status: 200, body: { at: '2025-01-02T03:04:05.000Z' } });
  });

  test('nested and in arrays, filtered at every level', async () => {
    expect(await json('/rv/nested-ok')).toEqual({ status: 200, body: { name: 'core', members: [{ ...alice, role: 'member' }] } });
  });

  test('an HttpResponse is the handler taking over: it is not validated', async () => {
    expect(await json('/rv/raw')).toEqual({ status: 200, body: { anything: true } });
  });
});

describe('a value that does not fit is a logged 500', () => {
  test('{"username": 42} under username: string names the route and the field', async () => {
    const err = await failure('/rv/wrong-type');
    expect(where(err)).toEqual(['response.username:string_type']);
    expect(err.message).toBe('GET /rv/wrong-type (ResponsesController.wrongType): response does not match its model: ' +
      'response.username: Input should be a valid string');
    expect(err.route).toBe('GET /rv/wrong-type (ResponsesController.wrongType)');
  });

  test('a required field the handler left out is missing', async () => {
    expect(where(await failure('/rv/missing'))).toEqual(['response.email:missing']);
  });

  test("a field breaking the model's rules", async () => {
    expect(where(await failure('/rv/rule'))).toEqual(['response.karma:greater_than_equal']);
  });

  test('an array item is named by its index, a nested one by its path', async () => {
    expect((await failure('/rv/list')).errors.map((e) => e.loc)).toEqual([['response', 1, 'email']]);
    expect(where(await failure('/rv/nested'))).toEqual(['response.members.1.username:missing']);
  });

  test('null under a model, one object under a list model, and a string under Int', async () => {
    expect(where(await failure('/rv/null'))).toEqual(['response:model_attributes_type']);
    expect(where(await failure('/rv/not-a-list'))).toEqual(['response:list_type']);
    expect(where(await failure('/rv/int'))).toEqual(['response:int_type']);
  });

  test('an async handler too', async () => {
    expect(where(await failure('/rv/async'))).toEqual(['response.email:missing']);
  });
});
