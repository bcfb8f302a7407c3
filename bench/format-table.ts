import type { BenchReport } from './report';

/** The report as aligned text for a person reading the terminal. */
export function formatReport(name: string, report: BenchReport, notes: string[] = []): string {
  const header = ['runtime', 'rows', 'stage', 'seconds', 'rows/s'];
  const body = report.results.map((r) => [
    r.runtime,
    r.rows.toLocaleString('en-US'),
    r.stage,
    r.seconds.toFixed(3),
    r.rowsPerSecond === null ? '' : r.rowsPerSecond.toLocaleString('en-US'),
  ]);
  const lines = [`== ${name} (${report.date}) ==`, ...alignColumns([header, ...body], [false, true, false, true, true])];
  if (Object.keys(report.ratios).length) lines.push('', 'ratios:', ...flatten(report.ratios).map(([k, v]) => `  ${k}: ${v}`));
  if (report.targets.length) {
    lines.push('', 'targets:');
    for (const t of report.targets) {
      const unit = t.unit ?? 's';
      const took = t.seconds === null ? 'not measured' : `${t.seconds.toFixed(2)} ${unit}`;
      lines.push(`  [${t.seconds === null ? ' -- ' : t.met ? 'MET ' : 'MISS'}] ${t.name}: ${took} (limit ${t.limit} ${unit})`);
    }
  }
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}

function alignColumns(rows: string[][], right: boolean[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || typeof value !== 'object') return [[prefix, String(value)]];
  return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix} ${k}` : k));
}
