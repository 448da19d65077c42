/**
 * The dependency-injection part of the contract app: scopes, a validated dependency parameter, a
 * side-effect auth dependency, and a generator dependency whose cleanup runs after the response.
 */
import {
  BadRequest, Controller, Depends, Get, Header, Injectable, Int, Query, Unauthorized, UseDependencies, dependency,
} from '@decorumjs/core';

let instances = 0;

@Injectable()
export class CounterService {
  readonly id = ++instances;
}

@Injectable({ scope: 'request' })
export class RequestScoped {
  readonly id = ++instances;
}

/** What cleanup steps did, in order: read back through GET /di/cleanup-log. */
export const cleanupLog: string[] = [];

const resource = dependency({
  name: 'resource',
  inject: [Query('tag', { default: 'none' })],
  *use(tag: string) {
    try {
      yield `resource:${tag}`;
      cleanupLog.push(`closed ${tag}`);
    } catch {
      cleanupLog.push(`rolled back ${tag}`);
    }
  },
});

class OwnerError extends Error {}

/** Turns the handler's domain error into a 400 before the response is chosen (FastAPI 0.14x). */
const ownerCheck = dependency({
  name: 'ownerCheck',
  *use() {
    try {
      yield 'checked';
    } catch (error) {
      if (error instanceof OwnerError) throw new BadRequest(`Owner error: ${error.message}`);
      throw error;
    }
  },
});

const pageSize = dependency({
  name: 'pageSize',
  inject: [Query('size', { type: Int, default: 10, le: 50 })],
  use: (size: number) => size,
});

const requireKey = dependency({
  name: 'requireKey',
  inject: [Header('x-key', { optional: true })],
  use: (key: string | undefined) => {
    if (key !== 'let-me-in') throw new Unauthorized('Not authenticated', { 'www-authenticate': 'Key' });
  },
});

@Controller('di')
export class DependencyController {
  constructor(private readonly counter: CounterService) {}

  @Get('scopes')
  scopes(@Depends(RequestScoped) a: RequestScoped, @Depends(RequestScoped) b: RequestScoped) {
    return { singleton: this.counter.id, request: a.id, sharedInRequest: a === b };
  }

  @Get('page')
  page(@Depends(pageSize) size: number) {
    return { size };
  }

  @Get('resource')
  use(@Depends(resource) value: string, @Query('fail', { type: Boolean, default: false }) fail: boolean) {
    if (fail) throw new Error('handler failed');
    return { value };
  }

  @Get('owner')
  owner(@Depends(ownerCheck) _checked: string): never {
    throw new OwnerError('Rick');
  }

  @Get('cleanup-log')
  log() {
    return cleanupLog;
  }

  @Get('guarded')
  @UseDependencies(requireKey)
  guarded() {
    return { ok: true };
  }
}
