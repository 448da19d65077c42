import { expect, test } from 'vitest';
import { Controller, Depends, Get, Header, createApp, dependency, httpBearer, openApiDocument } from '@decorumjs/decorum';

const bearer = httpBearer();
const token = Object.assign(
  dependency({ name: 'token', inject: [Header('authorization', { optional: true })], use: (h: string | undefined) => h }),
  { securityScheme: bearer },
);
const currentUser = dependency({ name: 'currentUser', inject: [Depends(token)], use: (t: string | undefined) => ({ token: t }) });

@Controller('me')
class MeController {
  @Get()
  read(@Depends(currentUser) user: { token?: string }) {
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
