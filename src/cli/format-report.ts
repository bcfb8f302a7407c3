import type { Readiness } from '../model/readiness';
import type { Roster } from '../model/roster';
import type { QualityReport } from '../model/quality';
import type { LeadImport } from '../data/import-leads';

const n = (value: number) => value.toLocaleString('en-US');

/** The quality report as a person reads it in a terminal. */
export function formatInspect(result: LeadImport, roster: Roster, readiness: Readiness | null): string {
  const { report, mapping } = result;
  const lines: string[] = [];
  for (const s of report.sources) {
    lines.push(`${s.file}: ${n(s.rows)} rows, ${s.columns.length} columns, ${s.encoding}${s.delimiter ? `, delimiter ${JSON.stringify(s.delimiter)}` : ''}`);
  }
  lines.push('', `Rows read ${n(report.rowsRead)} · accepted ${n(report.accepted)} · repaired ${n(report.repaired)} · rejected ${n(report.rejected)}`);
  lines.push('', 'Mapping:');
  for (const [field, column] of Object.entries(mapping.fields)) lines.push(`  ${field.padEnd(15)} ← ${column}`);
  lines.push(`  attributes      ${result.attributes.join(', ') || '(none)'}`);
  lines.push('', summaryLine(report));
  lines.push('', issuesBlock(report));
  lines.push('', 'Columns:');
  for (const c of report.columns) {
    const range = c.min !== null ? `  ${c.min} … ${c.max}` : '';
    const top = c.type === 'text' ? `  top: ${c.top.slice(0, 3).map((t) => `${t.value} (${n(t.count)})`).join(', ')}` : '';
    lines.push(`  ${c.column} [${c.type}${c.mappedTo ? ` → ${c.mappedTo}` : ''}] nulls ${n(c.nulls)}, distinct ${n(c.distinct)}${range}${top}`);
  }
  lines.push('', `Roster (${roster.origin}): ${roster.reps.length} reps, ${roster.reps.filter((r) => r.active).length} active`);
  for (const note of roster.notes) lines.push(`  ${note}`);
  lines.push('', 'What the data supports:');
  if (!readiness) lines.push('  nothing yet: no column besides the lead fields to tell segments apart (a region, a product, a source).');
  for (const r of readiness ?? []) lines.push(`  ${r.ready ? 'yes' : 'no '}  ${r.capability.padEnd(11)} ${r.message.text}`);
  return lines.join('\n');
}

function summaryLine(report: QualityReport): string {
  const s = report.summary;
  const span = s.firstCreated ? `, created ${s.firstCreated.slice(0, 10)} … ${s.lastCreated?.slice(0, 10)}` : '';
  return `Leads ${n(s.leads)} (won ${n(s.won)}, lost ${n(s.lost)}, open ${n(s.open)}), owners ${n(s.owners)}${span}`;
}

function issuesBlock(report: QualityReport): string {
  if (report.issues.length === 0) return 'Findings: none.';
  return ['Findings:', ...report.issues.map((i) => `  [${i.severity}] ${i.message}`)].join('\n');
}
