import { expect, test } from 'vitest';
import { Controller, Depends, Get, Query, createApp, dependency, httpBearer, openApiDocument, type BearerCredentials } from '@decorumjs/decorum';

const bearer = httpBearer({ autoError: false });
const token = dependency({ name: 'token', inject: [Depends(bearer)], use: (c: BearerCredentials | null) => c?.credentials });
const currentUser = dependency({ name: 'currentUser', inject: [Depends(token)], use: (t: string | undefined) => ({ token: t }) });

@Controller('me')
class MeController {
  @Get()
  read(@Depends(currentUser) user: { token?: string }, @Query('verbose', { type: Boolean, optional: true }) _verbose?: boolean) {
    return user;
  }
}

test('an auth dependency used inside another dependency still documents the route as secured', () => {
  const doc = openApiDocument(createApp({ logger: false, controllers: [MeController] }));
  expect(doc.paths?.['/me']?.get?.security).toEqual([{ HTTPBearer: [] }]);
  expect(doc.components?.securitySchemes?.HTTPBearer).toEqual({ type: 'http', scheme: 'bearer' });
});

test('the documented validation status follows the app, whichever createApp built it', () => {
  const doc = openApiDocument(createApp({ logger: false, controllers: [MeController], validation: { status: 400 } }));
  expect(Object.keys(doc.paths?.['/me']?.get?.responses ?? {})).toContain('400');
});
