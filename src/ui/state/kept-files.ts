import type { MappingInput } from '../../model/mapping';
import { idbStore } from './idb-store';

/**
 * The user's own files kept in the browser (IndexedDB stores Files as they are), with the mapping
 * they were read with, so a reload brings back the data together with its scenario. Up to a size
 * limit: beyond it only their fingerprint (names, sizes, dates) is kept, and the reload asks for
 * them by name. The files never leave the browser. Storage can be refused (private windows,
 * quota): then only the fingerprint is kept, and failures are reported, never thrown.
 */
export interface KeptFiles {
  /** In load order: the lead table first. */
  names: string[];
  sizes: number[];
  lastModified: number[];
  input: MappingInput;
  /** The files themselves; absent when they were over the limit or storage refused them. */
  files?: File[];
}

/** 200 MB: a year of a large team's leads as CSV, well inside what browsers let a site keep. */
export const MAX_KEPT_BYTES = 200 * 1024 * 1024;

const DB_NAME = 'allot-files';
const STORE = 'files';
const KEY = 'current';

export interface FileKeeper {
  read(): Promise<KeptFiles | null>;
  keep(files: File[], input: MappingInput): Promise<KeptFiles>;
  /** The same files read with another mapping (a re-map): the files stay as they are. */
  remapped(input: MappingInput): Promise<void>;
  clear(): Promise<void>;
}

export function indexedDbFileKeeper(limitBytes: () => number = () => MAX_KEPT_BYTES, factory: IDBFactory | undefined = globalThis.indexedDB): FileKeeper {
  const store = idbStore(DB_NAME, STORE, factory);
  const put = (value: KeptFiles) => store.put(KEY, value);
  const warn = (what: string) => (error: unknown) => console.warn(`Allot: ${what}`, error);
  return {
    read: () => store.get<KeptFiles>(KEY).then((kept) => kept ?? null, (error) => (warn('kept files could not be read')(error), null)),
    async keep(files, input) {
      const fingerprint: KeptFiles = { names: files.map((f) => f.name), sizes: files.map((f) => f.size), lastModified: files.map((f) => f.lastModified), input };
      const total = fingerprint.sizes.reduce((a, b) => a + b, 0);
      const kept = total <= limitBytes() ? { ...fingerprint, files } : fingerprint;
      try {
        await put(kept);
        return kept;
      } catch (error) {
        // Over the quota, say: the fingerprint alone still tells the reload which files to ask for.
        warn('the files could not be kept, only their names')(error);
        await put(fingerprint).catch(warn('not even the file names could be kept'));
        return fingerprint;
      }
    },
    async remapped(input) {
      const kept = await this.read();
      if (kept) await put({ ...kept, input }).catch(warn('the mapping could not be kept'));
    },
    clear: () => store.delete(KEY).catch(warn('kept files could not be cleared')),
  };
}

/** Whether `kept` holds the files a scenario was made for, by name and order. */
export function keptFilesFor(kept: KeptFiles | null, names: string[]): File[] | null {
  if (!kept?.files || kept.names.length !== names.length || kept.names.some((n, i) => n !== names[i])) return null;
  return kept.files;
}

/**
 * The limit a page is opened with: `MAX_KEPT_BYTES`, or less with `?keepFilesMB=<n>` (a test hook:
 * the e2e tests check the fingerprint path without a 200 MB file); it can only lower the limit.
 */
export function keptBytesFrom(search: string): number {
  const asked = Number(new URLSearchParams(search).get('keepFilesMB'));
  return asked >= 0 && new URLSearchParams(search).has('keepFilesMB') ? Math.min(MAX_KEPT_BYTES, asked * 1024 * 1024) : MAX_KEPT_BYTES;
}
