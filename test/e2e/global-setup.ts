import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { freePort } from '../support/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the preview server the e2e tests open, e.g. `http://127.0.0.1:41234`. */
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Serves the built workbench with `vite preview` on a free local port. `npm test` builds dist/
 * first; when dist/ is missing (a run of the e2e project alone) it is built here.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(`${root}/dist/index.html`)) {
    const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('e2e: `vite build` failed; see its output above.');
  }
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  project.provide('baseUrl', baseUrl);
  process.env.ALLOT_E2E_URL = baseUrl;
  return async () => {
    await server.close();
  };
}
