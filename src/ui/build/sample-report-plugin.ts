/**
 * The Vite plugin behind `virtual:sample-report` (see sample-report.ts). The pipeline is loaded
 * only when the module is asked for, through tsx, so that the Vite config itself stays small.
 */
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import type { LoadedData } from '../../pipeline/data-session';

export const SAMPLE_REPORT_MODULE = 'virtual:sample-report';
const RESOLVED_ID = `\0${SAMPLE_REPORT_MODULE}`;

export function sampleReportPlugin(samplePath: string): Plugin {
  return {
    name: 'allot-sample-report',
    resolveId: (id) => (id === SAMPLE_REPORT_MODULE ? RESOLVED_ID : null),
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      this.addWatchFile(samplePath);
      const { buildSampleReport } = (await tsImport('./sample-report.ts', import.meta.url)) as { buildSampleReport: (path: string) => Promise<LoadedData> };
      return `export default ${JSON.stringify(await buildSampleReport(samplePath))};`;
    },
  };
}
