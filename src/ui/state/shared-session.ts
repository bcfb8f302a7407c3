import type { Database } from '../../data/database';
import { DataSession, type LoadedData } from '../data/data-session';

/**
 * The Data step's session, shared with the later steps: they read the loaded leads through
 * `read`, queued with the session's own loads and re-maps so that a read never sees the `leads`
 * view half rewritten, and they hear `data-change` when a load or re-map has finished.
 */
export class SharedDataSession extends DataSession {
  readonly #opened: { db: Promise<Database> | null };
  #queue: Promise<unknown> = Promise.resolve();
  readonly events = new EventTarget();

  constructor(openDatabase: () => Promise<Database>) {
    const opened: { db: Promise<Database> | null } = { db: null };
    super(() => (opened.db = openDatabase()));
    this.#opened = opened;
  }

  /** Runs `task` on the database once the running loads are done; fails when no data was ever loaded. */
  read<T>(task: (db: Database) => Promise<T>): Promise<T> {
    return this.#after(async () => {
      if (!this.#opened.db || !this.current) throw new Error('No data is loaded yet.');
      return task(await this.#opened.db);
    });
  }

  override load(...args: Parameters<DataSession['load']>): Promise<LoadedData> {
    return this.#changing(() => super.load(...args));
  }

  override remap(...args: Parameters<DataSession['remap']>): Promise<LoadedData> {
    return this.#changing(() => super.remap(...args));
  }

  override useAsLeadTable(...args: Parameters<DataSession['useAsLeadTable']>): Promise<LoadedData> {
    return this.#changing(() => super.useAsLeadTable(...args));
  }

  #changing(task: () => Promise<LoadedData>): Promise<LoadedData> {
    const result = this.#after(task);
    // A failed task put the last good load back: nothing changed for the readers.
    result.then(() => this.events.dispatchEvent(new Event('data-change')), () => undefined);
    return result;
  }

  #after<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task, task);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
