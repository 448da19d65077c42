import { buildOpenApi, openApiDocument, type OpenApiDocument, type OperationObject } from '@decorumjs/decorum';
import { describe, expect, test } from 'vitest';
import { asSnapshotJson, expectValidOpenApi } from './expect-valid-openapi.js';
import { createPetStore } from './fixtures/pet-store-app.js';

const document = openApiDocument(createPetStore());
const operation = (path: string, method: 'get' | 'post' | 'delete'): OperationObject => {
  const found = document.paths[path]?.[method];
  if (!found) throw new Error(`no ${method} ${path}`);
  return found;
};
const schemas = document.components?.schemas ?? {};

test('the pet store document matches its reviewed snapshot', async () => {
  await expect(asSnapshotJson(document)).toMatchFileSnapshot('./snapshots/pet-store.openapi.json');
});

test('the pet store document is valid OpenAPI 3.1', async () => {
  await expectValidOpenApi(document);
});

describe('what a reader of the pet store docs sees', () => {
  test('operation ids are unique, and each is its controller and handler name', () => {
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['petsList', 'catalogList', 'petsSearch', 'petsRead', 'petsCreate', 'legacyCreate']));
  });

  test('a whole-query DTO becomes one parameter per property, with headers and cookies beside it', () => {
    const parameters = operation('/pets', 'get').parameters ?? [];
    expect(parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      'query:status:false', 'query:limit:false', 'query:q:false', 'header:x-request-id:false', 'cookie:session:false',
    ]);
    expect(parameters[1]?.schema).toEqual({ type: 'integer', minimum: 1, maximum: 100, default: 20 });
  });

  test('two DTO classes named Item get two components', () => {
    expect(schemas.Item?.properties).toHaveProperty('sku');
    expect(schemas.Item_2?.properties).toHaveProperty('code');
    expect(schemas.Item_2?.title).toBe('Item');
  });

  test('a recursive DTO refers to itself', () => {
    expect(schemas.Category?.properties).toMatchObject({ children: { type: 'array', items: { $ref: '#/components/schemas/Category' } } });
  });

  test('optional, nullable, defaults and @Property land on the schema', () => {
    const pet = schemas.PetIn as { properties: Record<string, unknown>; required: string[] };
    expect(pet.required).not.toContain('status');
    expect(pet.required).not.toContain('nickname');
    expect(pet.properties.status).toMatchObject({ enum: ['available', 'pending', 'sold'], default: 'available' });
    expect(pet.properties.nickname).toEqual({ type: ['string', 'null'], description: 'What the owner calls it' });
    expect(pet.properties.name).toEqual({ type: 'string', minLength: 1, maxLength: 50, description: 'Display name', examples: ['Rex'] });
    expect(pet.properties.chip).toEqual({ type: 'string', description: 'Microchip code, starting with CHIP' });
  });

  test('security from scheme dependencies, direct or through another, with scopes, with the schemes Swagger UI authorizes with', () => {
    expect(operation('/pets', 'post').security).toEqual([{ HTTPBearer: [] }]);
    expect(operation('/legacy/items', 'post').security).toEqual([{ APIKeyHeader: [] }]);
    expect(operation('/pets/{pet_id}', 'delete').security).toEqual([{ OAuth2PasswordBearer: ['pets:write'] }]);
    expect(Object.keys(document.components?.securitySchemes ?? {})).toEqual(['APIKeyHeader', 'HTTPBearer', 'OAuth2PasswordBearer']);
    // The credential header is the scheme's business, not a parameter (OpenAPI: it "SHALL be ignored").
    expect(operation('/pets/{pet_id}', 'delete').parameters?.map((p) => p.name)).toEqual(['pet_id']);
  });

  test('responses: the route status with its model, declared ones, and 422 only where there is input', () => {
    expect(Object.keys(operation('/pets/{pet_id}', 'get').responses)).toEqual(['200', '404', '422']);
    expect(operation('/pets', 'post').responses['201']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/PetOut' });
    expect(operation('/pets/{pet_id}', 'delete').responses['204']).toEqual({ description: 'Successful Response' });
    expect(Object.keys(operation('/catalog/categories', 'get').responses)).toEqual(['200']);
  });

  test('excluded routes and parameters stay out', () => {
    expect(document.paths['/pets/internal/stats']).toBeUndefined();
    expect(operation('/pets/search', 'get').parameters?.map((p) => p.name)).toEqual(['tag', 'priority']);
  });
});

test('the documented validation status follows the app’s validation.status', async () => {
  const app = createPetStore({ validation: { status: 400 } });
  const withStatus: OpenApiDocument = openApiDocument(app);
  expect(Object.keys(withStatus.paths['/pets/{pet_id}']?.get?.responses ?? {})).toEqual(['200', '400', '404']);
  const { url } = await app.listen(0);
  try {
    const res = await fetch(`${url}/pets/abc`);
    expect(res.status).toBe(400);
  } finally {
    await app.close();
  }
});

test('buildOpenApi is a pure function of the route table', () => {
  const app = createPetStore();
  expect(buildOpenApi(app.routes, app.info)).toEqual(buildOpenApi(app.routes, app.info));
  expect(buildOpenApi(app.routes, app.info)).toEqual(openApiDocument(app));
});
