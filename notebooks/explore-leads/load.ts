import { createBrowserDatabase } from '../../src/data/adapters/wasm-browser';
import type { Database } from '../../src/data/database';
import { importLeads } from '../../src/data/import-leads';
import leadsUrl from '../../data/sample/leads.csv?url';
import type { Display } from '../lib/cell';
import { fetchBytes } from '../lib/fetch-bytes';
import { table } from '../lib/table';

// The workbench's own path: DuckDB-WASM in a worker, then the import that maps, checks and
// counts every row into the canonical `leads` view.
export default async function load(display: Display): Promise<Database> {
  const db = await createBrowserDatabase();
  const { report } = await importLeads(db, [{ name: 'leads.csv', bytes: await fetchBytes(leadsUrl) }]);
  display(`leads.csv: ${report.rowsRead} rows read, ${report.accepted} accepted, ${report.repaired} repaired, ${report.rejected} rejected; ` +
    `${report.summary.won} won, ${report.summary.lost} lost, ${report.summary.open} open, created ${report.summary.firstCreated} … ${report.summary.lastCreated}.`);
  for (const issue of report.issues) display(`${issue.severity}: ${issue.message}`);
  const sql = `DESCRIBE leads`;
  display(table(await db.query<{ column_name: string; column_type: string }>(sql), { columns: ['column_name', 'column_type'], limit: 40 }));
  return db;
}
