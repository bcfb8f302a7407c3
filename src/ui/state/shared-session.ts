import type { MappingInput } from '../../model/mapping';
import type { LoadedData, LoadFile, LoadPhase } from '../../pipeline/data-session';
import type { EngineClient } from '../engine/engine-client';

/**
 * The loaded leads as the main thread sees them: the files are read, mapped and checked in the
 * engine worker (which holds the database and the pipeline over it); this side keeps what was
 * loaded last, for the Data step to show, and tells the other steps (`data-change`) when a load or
 * re-map has finished. A failed one leaves the last good load in force, here and in the worker.
 */
export class SharedDataSession {
  #current: LoadedData | null = null;
  readonly events = new EventTarget();

  constructor(private readonly engine: EngineClient) {}

  get current(): LoadedData | null {
    return this.#current;
  }

  /** Reads a new file set (the lead table first, then tables to join onto it). */
  load(files: LoadFile[], onPhase: (phase: LoadPhase) => void, options: { isSample?: boolean; input?: MappingInput } = {}): Promise<LoadedData> {
    return this.#changing(this.engine.call('load', { files, ...options }, { onProgress: onPhase }));
  }

  /** Loads the bundled sample, which the worker fetches from our own origin. */
  loadSample(url: string, name: string, onPhase: (phase: LoadPhase) => void): Promise<LoadedData> {
    return this.#changing(this.engine.call('loadSample', { url: new URL(url, location.href).href, name }, { onProgress: onPhase }));
  }

  /** Re-maps the files already read, e.g. after the user picked another column for a field. */
  remap(input: MappingInput, onPhase: (phase: LoadPhase) => void): Promise<LoadedData> {
    return this.#changing(this.engine.call('remap', { input }, { onProgress: onPhase }));
  }

  /** Maps the files already read again with file `index` as the lead table and the others joined onto it. */
  useAsLeadTable(index: number, onPhase: (phase: LoadPhase) => void): Promise<LoadedData> {
    return this.#changing(this.engine.call('useAsLeadTable', { index }, { onProgress: onPhase }));
  }

  /** Adds the rows of files of the lead table's shape (a rollout's export) to the loaded leads, mapped alike. */
  async append(files: LoadFile[], onPhase: (phase: LoadPhase) => void): Promise<{ data: LoadedData; added: { files: string[]; rows: number } }> {
    const appended = await this.engine.call('appendLeads', { files }, { onProgress: onPhase });
    await this.#changing(Promise.resolve(appended.data));
    return appended;
  }

  async #changing(work: Promise<LoadedData>): Promise<LoadedData> {
    const data = await work;
    this.#current = data;
    this.events.dispatchEvent(new Event('data-change'));
    return data;
  }
}
