/**
 * The segment × owner aggregate the workbench's later steps start from. No function in src/data
 * provides it yet, so the bench holds its own copy; when src/data gains one, call that instead.
 */
export const SEGMENT_OWNER_AGGREGATE = aggregateOver('leads', 'won');

/** DuckDB's own bare load of the same bytes: every type auto-detected, no checks. */
export function referenceLoad(file: string): string {
  return `CREATE TABLE reference_leads AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`;
}

/** The same GROUP BY on the bare table, whose outcome column still holds the export's spelling. */
export const REFERENCE_AGGREGATE = aggregateOver('reference_leads', 'Won');

function aggregateOver(table: string, won: string): string {
  return `SELECT region, product, owner, count(*)::DOUBLE AS leads,
    count(*) FILTER (WHERE outcome = '${won}')::DOUBLE AS won,
    sum(value) FILTER (WHERE outcome = '${won}')::DOUBLE AS won_value
  FROM ${table} GROUP BY ALL`;
}
