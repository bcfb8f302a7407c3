/**
 * The outcomes a bad input may have, as assertions: a refusal (exit 2, one line that says where),
 * an accepted file whose report accounts for every row, a route that decides or lists every line,
 * and exported files with no live markup.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { expect } from 'vitest';
import { describeRun, internalsIn, type Case, type InspectJson, type IssueExpectation, type Report, type ReportExpectation, type RunResult } from './run';

export function checkCase(c: Case, run: RunResult): void {
  const e = c.expect;
  if ('refuse' in e) {
    expectRefusal(run, e.refuse);
    e.after?.(run);
  } else if ('report' in e) expectReport(run, e.report);
  else {
    expectSuccess(run);
    e.ok(run);
  }
}

/** exit 2, nothing on stdout, one line on stderr that matches `line` and shows no internals. */
export function expectRefusal(run: RunResult, line: RegExp): void {
  const why = describeRun(run);
  expect(run.timedOut, `killed after its timeout\n${why}`).toBe(false);
  expect(run.code, `exit code\n${why}`).toBe(2);
  expect(run.stdout, `stdout of a refusal\n${why}`).toBe('');
  const lines = run.stderr.replace(/\r?\n$/, '').split(/\r?\n/);
  expect(lines.length, `stderr lines\n${why}`).toBe(1);
  expect(internalsIn(run.stderr), `internals shown\n${why}`).toEqual([]);
  expect(lines[0], `the one line\n${why}`).toMatch(line);
}

export function expectSuccess(run: RunResult): void {
  const why = describeRun(run);
  expect(run.timedOut, `killed after its timeout\n${why}`).toBe(false);
  expect(run.code, `exit code\n${why}`).toBe(0);
  expect(internalsIn(run.stderr), `internals on stderr\n${why}`).toEqual([]);
}

export function parseJson<T>(run: RunResult): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document\n${describeRun(run)}`);
  }
}

/**
 * Row accounting of an accepted file: every row read is accepted or rejected, repaired rows are
 * accepted ones, every rejected row is counted under a reason, and the summary holds the accepted.
 */
export function expectAccounting(report: Report, why = ''): void {
  expect(report.rowsRead, `rowsRead = accepted + rejected ${why}`).toBe(report.accepted + report.rejected);
  expect(report.repaired, `repaired ⊆ accepted ${why}`).toBeLessThanOrEqual(report.accepted);
  expect(report.summary.leads, `summary.leads = accepted ${why}`).toBe(report.accepted);
  const lead = report.sources[0]?.file;
  const reasons = report.issues.filter((i) => i.severity === 'rejected' && (i.file === undefined || i.file === lead));
  expect(reasons.reduce((s, i) => s + i.count, 0), `rejected rows counted under their reasons ${why}`).toBe(report.rejected);
  const repairs = report.issues.filter((i) => i.severity === 'repaired');
  expect(repairs.reduce((s, i) => s + i.count, 0), `every repaired row has a counted repair ${why}`).toBeGreaterThanOrEqual(report.repaired);
  for (const n of [report.rowsRead, report.accepted, report.repaired, report.rejected]) expect(Number.isInteger(n) && n >= 0, `counts are whole numbers ${why}`).toBe(true);
}

function matchesIssue(issue: Report['issues'][number], want: IssueExpectation): boolean {
  const codes = want.code === undefined ? null : [want.code].flat();
  return issue.severity === want.severity && (codes === null || codes.includes(issue.code)) && (want.column === undefined || issue.column === want.column);
}

export function expectReport(run: RunResult, want: ReportExpectation): void {
  expectSuccess(run);
  const doc = parseJson<InspectJson>(run);
  const why = `\n${describeRun(run)}`;
  const report = doc.report;
  expect(report, `a quality report${why}`).toBeTruthy();
  expectAccounting(report, why);
  expect(report.rowsRead, `rows read${why}`).toBe(want.rowsRead);
  if (want.accepted !== undefined) expect(report.accepted, `accepted${why}`).toBe(want.accepted);
  if (want.rejected !== undefined) expect(report.rejected, `rejected${why}`).toBe(want.rejected);
  if (want.repaired !== undefined) expect(report.repaired, `repaired${why}`).toBe(want.repaired);
  for (const w of want.issues ?? []) {
    const found = report.issues.filter((i) => matchesIssue(i, w));
    const shown = JSON.stringify(report.issues.map((i) => ({ severity: i.severity, code: i.code, column: i.column, count: i.count, examples: i.examples.map((x) => x.row ?? `line ${x.line}`) })));
    expect(found.length, `an issue ${JSON.stringify(w)} among ${shown}${why}`).toBeGreaterThan(0);
    expect(found.reduce((s, i) => s + i.count, 0), `count of ${JSON.stringify(w)} among ${shown}${why}`).toBe(w.count);
    if (w.rows) expect(found.flatMap((i) => i.examples.map((x) => x.row)).sort(), `rows named by ${JSON.stringify(w)} among ${shown}${why}`).toEqual(expect.arrayContaining(w.rows));
    if (w.lines) expect(found.flatMap((i) => i.examples.map((x) => x.line)), `lines named by ${JSON.stringify(w)} among ${shown}${why}`).toEqual(expect.arrayContaining(w.lines));
  }
  want.more?.(doc);
}

export interface RouteJson {
  leads: { file: string; count: number };
  decisions: Record<string, number>;
  byRule: Array<{ rule: string; method: string; leads: number }>;
  byRep: Array<{ rep: string; name: string; leads: number }>;
  [k: string]: unknown;
}

/** Every object in a JSON document, depth first. */
function objectsIn(value: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) value.forEach((v) => objectsIn(v, out));
  else if (value !== null && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    Object.values(value).forEach((v) => objectsIn(v, out));
  }
  return out;
}

/**
 * `route --json`: every data line of the lead file is decided, or the summary says how many were
 * not and lists them: some object of the summary holds both the number of lines and the number
 * not decided (e.g. `{ rowsRead: 8, rejected: 1 }` or `{ rows: 8, decided: 7, unreadable: 1 }`),
 * and a list of that many entries names each one's line or row. The assignments file, when
 * written, has a line per decision at least.
 */
export function expectRouteAccounts(run: RunResult, lines: number, outFile?: string): RouteJson {
  expectSuccess(run);
  const why = `\n${describeRun(run)}`;
  const doc = parseJson<RouteJson>(run);
  const decided = Object.values(doc.decisions).reduce((s, n) => s + n, 0);
  expect(decided, `decided (${decided}) more than the lines (${lines})${why}`).toBeLessThanOrEqual(lines);
  if (decided < lines) {
    const missing = lines - decided;
    const counted = objectsIn(doc).find((o) => Object.values(o).includes(lines) && Object.values(o).includes(missing));
    expect(counted, `${decided} of ${lines} lines decided, and no count in the summary (${lines} lines, ${missing} not routed) accounts for the rest${why}`).toBeTruthy();
    const listed = arraysIn(doc).find((a) => a.length === missing && a.every((e) => e !== null && typeof e === 'object' && ('line' in e || 'row' in e)));
    expect(listed, `the ${missing} line(s) not routed are listed with their line or row${why}`).toBeTruthy();
  }
  if (outFile) {
    const written = readFileSync(path.join(run.dir, outFile), 'utf8').replace(/\n$/, '').split('\n').length - 1;
    expect(written, `lines of ${outFile} (one per decision)${why}`).toBeGreaterThanOrEqual(decided);
  }
  return doc;
}

function arraysIn(value: unknown, out: unknown[][] = []): unknown[][] {
  if (Array.isArray(value)) {
    out.push(value);
    value.forEach((v) => arraysIn(v, out));
  } else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => arraysIn(v, out));
  return out;
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Markdown with code blocks and code spans taken out: what a renderer would interpret. */
function markdownProse(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[^`]*?\1/g, '');
}

/**
 * What of the hostile names (fixtures.ts HOSTILE) a reader's viewer would run or follow in an
 * exported file: an <img> or <script> tag, or the markdown link or image, in the prose of a README
 * or .md (code spans and blocks show text as it is, so they are left out); the tags in .html; a
 * formula at the start of a CSV cell; an element they smuggled into an XML file, or XML they broke.
 * Each finding is a short excerpt.
 */
export function liveMarkup(file: string, text: string): string[] {
  const found: string[] = [];
  const name = path.basename(file);
  const excerpt = (source: string, m: RegExpMatchArray) => `${name}: ${JSON.stringify(source.slice(Math.max(0, m.index! - 20), m.index! + 40))}`;
  const ext = path.extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown' || /^readme/i.test(name)) {
    const prose = markdownProse(text);
    const live = /<\/?(?:img|script)\b|<https?:\/\/(?:evil|e\/)|(?<!\\)!?\[x(?<!\\)\]\((?:http:\/\/evil|http:\/\/e\/x\.png)\)/gi;
    for (const m of prose.matchAll(live)) found.push(excerpt(prose, m));
  }
  if (ext === '.html' || ext === '.htm') {
    for (const m of text.matchAll(/<\/?(?:img|script)\b|\sonerror\s*=|href\s*=\s*["']?http:\/\/evil/gi)) found.push(excerpt(text, m));
  }
  if (ext === '.csv') {
    for (const m of text.matchAll(/(?:^|,)"?[=+@]HYPERLINK/gim)) found.push(excerpt(text, m));
  }
  if (ext === '.xml') {
    const errors: string[] = [];
    try {
      const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(String(message))) }).parseFromString(text, 'text/xml');
      for (const tag of ['img', 'script']) if (doc.getElementsByTagName(tag).length) found.push(`${name}: a <${tag}> element`);
    } catch (error) {
      errors.push((error as Error).message);
    }
    if (errors.length) found.push(`${name}: not well-formed XML (${errors[0]})`);
  }
  return found;
}

/** Every human-readable file under the folder (README, .md, .html, .csv, .xml) is free of live markup. */
export function expectNoLiveMarkup(run: RunResult, folder: string): string[] {
  const files = filesUnder(path.join(run.dir, folder));
  const found = files.flatMap((f) => liveMarkup(f, readFileSync(f, 'utf8')));
  expect(found, `live markup in ${folder}\n${describeRun(run)}`).toEqual([]);
  return files;
}
