import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sampleReportPlugin } from './src/ui/build/sample-report-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The workbench, and every analysts' notebook page (notebooks/*.html), built to dist/notebooks/. */
const pages = ['index.html', ...readdirSync(`${root}notebooks`).filter((f) => f.endsWith('.html')).map((f) => `notebooks/${f}`)];

export default defineConfig({
  base: './',
  build: { target: 'es2022', outDir: 'dist', chunkSizeWarningLimit: 2000, rolldownOptions: { input: pages.map((p) => `${root}${p}`) } },
  plugins: [sampleReportPlugin(`${root}data/sample/leads.csv`)],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  preview: { port: 4173, strictPort: false },
});
