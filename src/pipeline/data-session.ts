import { sqlName, type Database } from '../data/database';
import { dropSources, mapLeads, readSources, type LeadImport } from '../data/import-leads';
import { leadsPerWeek, type WeeklyLeads } from '../data/lead-aggregates';
import type { RawTable, SourceFile } from '../data/read-table';
import type { MappingInput } from '../model/mapping';
import { scenarioError } from '../model/scenario-errors';

/** A file to load: a picked `File` (read only when its turn comes) or bytes already in memory. */
export type LoadFile = File | SourceFile;

export type LoadPhase =
  | { kind: 'starting' }
  | { kind: 'fetching-sample' }
  /** Reading file `index` of `total` (from 1) from disk into the data engine. */
  | { kind: 'reading'; file: string; bytes: number; index: number; total: number }
  /** Joining, mapping and checking the rows just read (`bytes`: the lead table's file size). */
  | { kind: 'mapping'; file: string; bytes: number; rows: number }
  /**
   * The report so far (counts, row checks, weekly chart) while the column profile and the
   * spelling-variant check still run: the screen shows it at once and fills in the rest.
   */
  | { kind: 'checking'; data: LoadedData }
  | { kind: 'updating' }
  /** A load or re-map failed after it had replaced the leads: the last good load is being put back. */
  | { kind: 'restoring' };

/** A file set as loaded: what the Data step shows, and what later steps start from. */
export interface LoadedData {
  files: string[];
  isSample: boolean;
  /** The mapping as the user gave it (guesses not filled in): edits start from this. */
  input: MappingInput;
  result: LeadImport;
  weekly: WeeklyLeads[];
  /** True for the report so far (phase `checking`): no column profile or spelling variants yet. */
  checking: boolean;
}

interface Current {
  prefix: string;
  /** File sizes in bytes, by file name, for the progress texts. */
  sizes: Map<string, number>;
  raws: RawTable[];
  data: LoadedData;
}

/**
 * Each load reads its files into tables of its own (`loadA_0_0`, `loadA_1_0`, …: one `readSources`
 * call per file, so that only one file's bytes are in memory at a time), so a load that fails
 * leaves the tables of the last good one untouched. Two prefixes take turns: a new load replaces
 * the tables of the load before the current one, so at most two loads are held, whatever the
 * number of loads.
 */
const PREFIXES = ['loadA', 'loadB'] as const;

/** The fields without which an added row is no lead of the history: who got it, when, and how it ended. */
const APPEND_NEEDS = ['lead_id', 'created_at', 'owner', 'outcome', 'closed_at'] as const;

/**
 * The workbench's one database and the files read into it. Work runs one task at a time (the
 * data layer rewrites the shared `leads` view and its helpers), and a task that fails after
 * touching them maps the last good load again, so what the screen shows is always what the
 * database holds. No file's bytes are kept: once read, the data lives in DuckDB only.
 */
export class DataSession {
  #db: Promise<Database> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #current: Current | null = null;

  constructor(private readonly openDatabase: () => Promise<Database>) {}

  get current(): LoadedData | null {
    return this.#current?.data ?? null;
  }

  /**
   * Runs `task` on the database in turn with the loads and re-maps, so that a read never sees the
   * `leads` view half rewritten; fails when no data was ever loaded.
   */
  read<T>(task: (db: Database) => Promise<T>): Promise<T> {
    return this.#serially(async (db) => {
      if (!this.current) throw scenarioError('no_data', {}, 'No leads are loaded yet: load a file in the Data step.', {});
      return task(db);
    }, () => undefined);
  }

  /** Reads a new file set (the lead table first, then tables to join onto it). */
  load(files: LoadFile[], onPhase: (phase: LoadPhase) => void, options: { isSample?: boolean; input?: MappingInput } = {}): Promise<LoadedData> {
    if (files.length === 0) return Promise.reject(new Error('No file given.'));
    return this.#serially(async (db) => {
      const prefix = PREFIXES.find((p) => p !== this.#current?.prefix)!;
      const sizes = new Map(files.map((f) => [f.name, sizeOf(f)] as const));
      const raws: RawTable[] = [];
      try {
        for (const [i, file] of files.entries()) {
          onPhase({ kind: 'reading', file: file.name, bytes: sizeOf(file), index: i + 1, total: files.length });
          // One file's bytes at a time, dropped as soon as DuckDB has them (it takes the buffer over).
          const source = { name: file.name, bytes: await bytesOf(file) };
          raws.push(...(await readSources(db, [source], { prefix: `${prefix}_${i}` })));
        }
        const lead = raws[0]!;
        onPhase({ kind: 'mapping', file: lead.file, bytes: sizes.get(lead.file) ?? 0, rows: lead.rows });
        const input = options.input ?? {};
        const data = await this.#mapOrRestore(db, raws, input, options.isSample ?? false, undefined, onPhase);
        const replaced = this.#current?.raws ?? [];
        this.#current = { prefix, sizes, raws, data };
        await dropSources(db, replaced);
        return data;
      } catch (error) {
        // A failed load's tables would hold memory until a later load replaced them.
        await dropSources(db, raws).catch(() => undefined);
        throw error;
      }
    }, onPhase);
  }

  /** Maps the files already read again with file `index` as the lead table and the others joined onto it. */
  useAsLeadTable(index: number, onPhase: (phase: LoadPhase) => void): Promise<LoadedData> {
    return this.#serially(async (db) => {
      const current = this.#current;
      if (!current?.raws[index]) throw new Error(`No loaded file number ${index + 1}.`);
      const raws = [current.raws[index]!, ...current.raws.filter((_, i) => i !== index)];
      const lead = raws[0]!;
      onPhase({ kind: 'mapping', file: lead.file, bytes: current.sizes.get(lead.file) ?? 0, rows: lead.rows });
      const data = await this.#mapOrRestore(db, raws, {}, current.data.isSample, undefined, onPhase);
      this.#current = { ...current, raws, data };
      return data;
    }, onPhase);
  }

  /**
   * Reads other files with a mapping of their own, runs `task` on them, then maps the loaded files
   * back as they were: how the export of a rollout is read out beside the history it was planned
   * on, in the one database, without replacing that history.
   */
  readAside<T>(files: LoadFile[], input: MappingInput, task: (db: Database, leads: LeadImport) => Promise<T>, onPhase: (phase: LoadPhase) => void): Promise<T> {
    if (files.length === 0) return Promise.reject(new Error('No file given.'));
    return this.#serially(async (db) => {
      const current = this.#current;
      if (!current) throw scenarioError('no_data', {}, 'No leads are loaded yet: load a file in the Data step.', {});
      const raws: RawTable[] = [];
      try {
        for (const [i, file] of files.entries()) {
          onPhase({ kind: 'reading', file: file.name, bytes: sizeOf(file), index: i + 1, total: files.length });
          raws.push(...(await readSources(db, [{ name: file.name, bytes: await bytesOf(file) }], { prefix: `aside_${i}` })));
        }
        onPhase({ kind: 'mapping', file: raws[0]!.file, bytes: sizeOf(files[0]!), rows: raws[0]!.rows });
        return await task(db, await mapLeads(db, raws, input));
      } finally {
        onPhase({ kind: 'restoring' });
        await mapLeads(db, current.raws, current.data.input, { previous: current.data.result });
        await dropSources(db, raws).catch(() => undefined);
      }
    }, onPhase);
  }

  /**
   * Adds the rows of other files of the lead table's shape to it, and maps the whole again with
   * the loaded mapping: how a rollout's weeks join the history they were planned on. The rows are
   * stacked by column name (UNION ALL BY NAME: a history column the file lacks is empty for its
   * rows, as a rollout's export often has no first touches or values; its other columns are left
   * out); a file lacking a column of the fields
   * that make a lead (APPEND_NEEDS) is refused, naming the columns. The tables joined onto
   * the lead table are copied along, so the result is a load like any other (its file names the
   * history's, the added rows counted in `added`).
   */
  append(files: LoadFile[], onPhase: (phase: LoadPhase) => void): Promise<{ data: LoadedData; added: { files: string[]; rows: number } }> {
    if (files.length === 0) return Promise.reject(new Error('No file given.'));
    return this.#serially(async (db) => {
      const current = this.#current;
      if (!current) throw scenarioError('no_data', {}, 'No leads are loaded yet: load a file in the Data step.', {});
      const prefix = PREFIXES.find((p) => p !== current.prefix)!;
      const read: RawTable[] = [];
      const made: RawTable[] = [];
      try {
        for (const [i, file] of files.entries()) {
          onPhase({ kind: 'reading', file: file.name, bytes: sizeOf(file), index: i + 1, total: files.length });
          read.push(...(await readSources(db, [{ name: file.name, bytes: await bytesOf(file) }], { prefix: `${prefix}_add_${i}` })));
        }
        const [lead, ...joined] = current.raws as [RawTable, ...RawTable[]];
        const fields = current.data.result.mapping.fields;
        const mapped = new Set(APPEND_NEEDS.map((f) => fields[f]).filter((c): c is string => typeof c === 'string' && lead.columns.includes(c)));
        for (const raw of read) {
          const missing = [...mapped].filter((c) => !raw.columns.includes(c));
          if (missing.length) throw scenarioError('columns_differ', { file: raw.file, missing: missing.join(', ') }, `${raw.file} lacks columns of the history (${missing.join(', ')}): it cannot be added to it as one dataset.`, { file: raw.file });
        }
        const union = `${prefix}_0_0`;
        // Only the history's columns: the export's own (its arm) would become attributes of the history.
        const shared = (r: RawTable) => r.columns.filter((c) => lead.columns.includes(c)).map(sqlName).join(', ');
        await db.exec(`CREATE OR REPLACE TABLE ${sqlName(union)} AS SELECT * FROM ${sqlName(lead.table)} ${read.map((r) => `UNION ALL BY NAME SELECT ${shared(r)} FROM ${sqlName(r.table)}`).join(' ')}`);
        const rows = read.reduce((n, r) => n + r.rows, 0);
        made.push({ ...lead, table: union, rows: lead.rows + rows, parseIssues: [...lead.parseIssues, ...read.flatMap((r) => r.parseIssues)], skipped: lead.skipped });
        for (const [i, raw] of joined.entries()) {
          const table = `${prefix}_${i + 1}_0`;
          await db.exec(`CREATE OR REPLACE TABLE ${sqlName(table)} AS SELECT * FROM ${sqlName(raw.table)}`);
          made.push({ ...raw, table, skipped: null });
        }
        onPhase({ kind: 'mapping', file: lead.file, bytes: current.sizes.get(lead.file) ?? 0, rows: lead.rows + rows });
        const data = await this.#mapOrRestore(db, made, current.data.input, current.data.isSample, undefined, onPhase);
        this.#current = { prefix, sizes: current.sizes, raws: made, data };
        await dropSources(db, [...current.raws, ...read]);
        return { data, added: { files: read.map((r) => r.file), rows } };
      } catch (error) {
        await dropSources(db, [...read, ...made]).catch(() => undefined);
        throw error;
      }
    }, onPhase);
  }

  /** Fetches the bundled sample from our own origin and loads it. */
  async loadSample(url: string, name: string, onPhase: (phase: LoadPhase) => void): Promise<LoadedData> {
    onPhase({ kind: 'fetching-sample' });
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${name}: ${response.status} ${response.statusText}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return this.load([{ name, bytes }], onPhase, { isSample: true });
  }

  /** Re-maps the files already read, e.g. after the user picked another column for a field. */
  remap(input: MappingInput, onPhase: (phase: LoadPhase) => void): Promise<LoadedData> {
    return this.#serially(async (db) => {
      const current = this.#current;
      if (!current) throw new Error('No data is loaded yet.');
      onPhase({ kind: 'updating' });
      // Same tables and joins: the data layer reuses the column profile, so an edit is quick.
      const data = await this.#mapOrRestore(db, current.raws, input, current.data.isSample, current.data.result, onPhase);
      this.#current = { ...current, data };
      return data;
    }, onPhase);
  }

  /** Maps `raws`; if that fails, the `leads` view may point at them, so the last good load is mapped back first. */
  async #mapOrRestore(
    db: Database,
    raws: RawTable[],
    input: MappingInput,
    isSample: boolean,
    previous: LeadImport | undefined,
    onPhase: (phase: LoadPhase) => void,
  ): Promise<LoadedData> {
    try {
      const files = raws.map((r) => r.file);
      let weekly: WeeklyLeads[] | undefined;
      const result = await mapLeads(db, raws, input, {
        previous,
        onOverview: async (overview) => {
          weekly = await leadsPerWeek(db);
          onPhase({ kind: 'checking', data: { files, isSample, input, result: overview, weekly, checking: true } });
        },
      });
      return { files, isSample, input, result, weekly: weekly ?? (await leadsPerWeek(db)), checking: false };
    } catch (error) {
      const current = this.#current;
      if (current) {
        onPhase({ kind: 'restoring' });
        try {
          await mapLeads(db, current.raws, current.data.input, { previous: current.data.result });
        } catch (restoreError) {
          console.error('Allot: could not restore the previous data', restoreError);
        }
      }
      throw error;
    }
  }

  #serially<T>(task: (db: Database) => Promise<T>, onPhase: (phase: LoadPhase) => void): Promise<T> {
    const run = async () => {
      if (!this.#db) {
        onPhase({ kind: 'starting' });
        this.#db = this.openDatabase();
        this.#db.catch(() => (this.#db = null));
      }
      return task(await this.#db);
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

function sizeOf(file: LoadFile): number {
  return file instanceof Blob ? file.size : file.bytes.byteLength;
}

async function bytesOf(file: LoadFile): Promise<Uint8Array> {
  return file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file.bytes;
}
