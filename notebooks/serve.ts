import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

/**
 * `npm run notebooks`: the Vite dev server (with the project's vite.config.ts), and the address of
 * the notebooks' table of contents, which Vite's own banner (the workbench's address) leaves out.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const server = await createServer({ root, configFile: `${root}vite.config.ts` });
await server.listen();
const origin = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.server.port}/`;
const pages = readdirSync(`${root}notebooks`).filter((f) => f.endsWith('.html') && f !== 'index.html');
console.log(`\n  Allot notebooks: ${origin}notebooks/index.html`);
for (const page of pages) console.log(`    ${origin}notebooks/${page}`);
console.log('\n  Ctrl+C stops the server.\n');
