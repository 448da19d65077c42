// Lint: typescript-eslint's recommended rules without type information (fast: no type-checker run; `tsc`
// already checks types). `any` is an error in runtime code; tests may use it where a fixture needs it.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const tests = ['test/**', 'apps/*/test/**', '**/*.test.ts', '**/*.test-d.ts'];

export default defineConfig(
  globalIgnores(['**/dist/', '**/node_modules/', 'coverage/', '.decorum/']),
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // A leading underscore marks a parameter kept for its position or its decorator (`_target`, `@Cookie() _session`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: tests, rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
