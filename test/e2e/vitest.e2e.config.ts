import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * End-to-end tests: the built workbench (dist/) served by `vite preview`, driven by Chromium
 * through playwright-core. One file at a time: each starts its own browser and DuckDB-WASM.
 * Run alone with `npx vitest run --config test/e2e/vitest.e2e.config.ts`.
 */
export default defineProject({
  root,
  test: {
    name: 'e2e',
    root,
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: [fileURLToPath(new URL('./global-setup.ts', import.meta.url))],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
