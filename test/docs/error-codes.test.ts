/**
 * docs/errors.md lists every error code once: a code a catalogue declares is documented there, and a
 * documented code is one some catalogue can throw. The codes are read from the catalogues' entries.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { decorumErrors, middlewareErrors, openApiErrors, securityErrors } from '@decorumjs/decorum';
import { cliErrors } from '@decorumjs/decorum/runner';
import { commandErrors } from '../../packages/cli/src/errors.js';
import { errors as createAppErrors } from '../../packages/create-app/src/errors.js';

const catalogues = { decorumErrors, openApiErrors, middlewareErrors, securityErrors, cliErrors, commandErrors, createAppErrors };

const codesOf = (catalogue: Record<string, { code: string }>) => Object.values(catalogue).map((entry) => entry.code);

test('docs/errors.md lists exactly the codes of the catalogues, each once', () => {
  const documented = [...readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8').matchAll(/^\| `(DECORUM_ERR_[A-Z_]+)` \|/gm)]
    .map((match) => match[1]);
  const declared = new Set(Object.values(catalogues).flatMap(codesOf));
  expect(new Set(documented).size).toBe(documented.length);
  expect([...documented].sort()).toEqual([...declared].sort());
});

test('every code names its package: DECORUM_ERR_ and, outside core, the package or command', () => {
  const prefixes = { openApiErrors: 'DECORUM_ERR_OPENAPI_', cliErrors: 'DECORUM_ERR_CLI_', commandErrors: 'DECORUM_ERR_CLI_',
    createAppErrors: 'DECORUM_ERR_CREATE_APP_' } as Record<string, string | undefined>;
  for (const [name, catalogue] of Object.entries(catalogues)) {
    for (const code of codesOf(catalogue)) expect(code.startsWith(prefixes[name] ?? 'DECORUM_ERR_'), `${name}: ${code}`).toBe(true);
  }
});
