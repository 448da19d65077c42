// Tests run TypeScript through SWC so decorator metadata exists (esbuild, vitest's default, drops it).
// Workspace packages resolve to their sources through the `decorum-source` export condition.
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const conditions = ['decorum-source', 'import', 'module', 'node', 'default'];
// Vitest also hands the SSR conditions to node as `--conditions` for external packages; `import` there makes
// node's `require` load a dual package's ESM build (Express's router then gets `is-promise` as a namespace).
const serverConditions = ['decorum-source', 'module', 'node', 'development|production'];

export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        target: 'es2022',
        keepClassNames: true,
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      },
    }),
  ],
  resolve: { conditions },
  ssr: { resolve: { conditions: serverConditions, externalConditions: ['decorum-source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    env: { DECORUM_LOG_LEVEL: 'silent' },
    pool: 'forks',
  },
});
