import type { Database } from '../../data/database';
import { mapLeads, readSources, type LeadImport } from '../../data/import-leads';
import { leadsPerWeek, type WeeklyLeads } from '../../data/lead-aggregates';
import type { RawTable, SourceFile } from '../../data/read-table';
import type { MappingInput } from '../../model/mapping';

export type LoadPhase =
  | { kind: 'starting' }
  | { kind: 'fetching-sample' }
  | { kind: 'reading'; file: string; index: number; total: number }
  | { kind: 'mapping' }
  | { kind: 'updating' };

/** A file set as loaded: what the Data step shows, and what later steps start from. */
export interface LoadedData {
  files: string[];
  isSample: boolean;
  /** The mapping as the user gave it (guesses not filled in): edits start from this. */
  input: MappingInput;
  result: LeadImport;
  weekly: WeeklyLeads[];
}

interface Current {
  files: SourceFile[];
  isSample: boolean;
  raws: RawTable[];
  data: LoadedData;
}

/**
 * The workbench's one database and the files read into it. Work runs one task at a time (the
 * data layer rewrites shared tables), and a task that fails puts back the tables of the last
 * good load, so what the screen shows is always what the database holds.
 */
export class DataSession {
  #db: Promise<Database> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #current: Current | null = null;

  constructor(private readonly openDatabase: () => Promise<Database>) {}

  get current(): LoadedData | null {
    return this.#current?.data ?? null;
  }

  /** Reads a new file set (the lead table first, then tables to join onto it). */
  load(files: SourceFile[], onPhase: (phase: LoadPhase) => void, options: { isSample?: boolean; input?: MappingInput } = {}): Promise<LoadedData> {
    return this.#serially(async (db) => {
      // The data layer may empty the buffers it reads (DuckDB-WASM does): keep our own copies.
      const kept = files.map(copyFile);
      const raws = await readSources(db, files.map(copyFile), (_step, done, total) => {
        if (done < total) onPhase({ kind: 'reading', file: kept[done]!.name, index: done + 1, total });
      });
      onPhase({ kind: 'mapping' });
      const input = options.input ?? {};
      const data = await this.#build(db, kept, options.isSample ?? false, input, raws);
      this.#current = { files: kept, isSample: data.isSample, raws, data };
      return data;
    }, onPhase, true);
  }

  /** Reads the current files again with file `index` as the lead table and the others joined onto it. */
  useAsLeadTable(index: number, onPhase: (phase: LoadPhase) => void): Promise<LoadedData> {
    const current = this.#current;
    if (!current?.files[index]) return Promise.reject(new Error(`No loaded file number ${index + 1}.`));
    const others = current.files.filter((_, i) => i !== index);
    return this.load([current.files[index]!, ...others], onPhase, { isSample: current.isSample });
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
      const data = await this.#build(db, current.files, current.isSample, input, current.raws);
      this.#current = { ...current, data };
      return data;
    }, onPhase, false);
  }

  async #build(db: Database, files: SourceFile[], isSample: boolean, input: MappingInput, raws: RawTable[]): Promise<LoadedData> {
    const result = await mapLeads(db, raws, input);
    const weekly = await leadsPerWeek(db);
    return { files: files.map((f) => f.name), isSample, input, result, weekly };
  }

  #serially<T>(task: (db: Database) => Promise<T>, onPhase: (phase: LoadPhase) => void, rereads: boolean): Promise<T> {
    const run = async () => {
      if (!this.#db) {
        onPhase({ kind: 'starting' });
        this.#db = this.openDatabase();
        this.#db.catch(() => (this.#db = null));
      }
      const db = await this.#db;
      try {
        return await task(db);
      } catch (error) {
        await this.#restore(db, rereads);
        throw error;
      }
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Rebuilds the tables of the last good load, which a failed read or mapping may have overwritten. */
  async #restore(db: Database, rereads: boolean): Promise<void> {
    const current = this.#current;
    if (!current) return;
    try {
      const raws = rereads ? await readSources(db, current.files.map(copyFile)) : current.raws;
      await mapLeads(db, raws, current.data.input);
      this.#current = { ...current, raws };
    } catch (error) {
      console.error('Allot: could not restore the previous data', error);
    }
  }
}

function copyFile(file: SourceFile): SourceFile {
  return { name: file.name, bytes: file.bytes.slice() };
}
