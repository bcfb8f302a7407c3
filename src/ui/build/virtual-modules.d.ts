declare module 'virtual:sample-report' {
  import type { LoadedData } from '../../pipeline/data-session';
  /** The bundled sample's Data report, computed at build time (src/ui/build/sample-report.ts). */
  const report: LoadedData;
  export default report;
}
