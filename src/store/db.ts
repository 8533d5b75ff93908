import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { PersonEntry } from '../rules/pack/schema';
import type { LoggedEvent } from './event-record';

/** A rule pack as it was loaded on the options page: the record behind the active pack. */
export interface StoredPack {
  key?: number;
  packId: string;
  version: string;
  /** Added in schema version 2 (see the upgrade below). */
  schoolName: string;
  json: unknown;
  loadedAt: number;
  source: 'file' | 'paste';
}

export type NameListKind = 'pupils' | 'staff';

/** The pupil or staff list imported from the school's MIS export. */
export interface StoredNameList {
  kind: NameListKind;
  people: PersonEntry[];
  fileName: string;
  importedAt: number;
}

export const DB_NAME = 'postcheck';

/** Version 1: packs and name lists. */
export function declareVersion1(db: Dexie): void {
  db.version(1).stores({ packs: '++key, packId, loadedAt', nameLists: 'kind' });
}

/**
 * Version 2: the local event log, and packs indexed by school name (the options page lists
 * them by school). Version-1 packs get their `schoolName` from the pack JSON.
 */
export function declareVersion2(db: Dexie): void {
  db.version(2)
    .stores({ packs: '++key, packId, loadedAt, schoolName', nameLists: 'kind', events: '++id, time' })
    .upgrade((tx) =>
      tx
        .table('packs')
        .toCollection()
        .modify((pack: Partial<StoredPack>) => {
          const school = (pack.json as { school?: { name?: unknown } } | null)?.school?.name;
          pack.schoolName = typeof school === 'string' ? school : (pack.packId ?? '');
        }),
    );
}

export class PostCheckDb extends Dexie {
  packs!: EntityTable<StoredPack, 'key'>;
  nameLists!: EntityTable<StoredNameList, 'kind'>;
  events!: EntityTable<LoggedEvent, 'id'>;

  /** `options` lets tests pass fake-indexeddb; the extension uses the browser's IndexedDB. */
  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    declareVersion1(this);
    declareVersion2(this);
  }
}

let shared: PostCheckDb | null = null;

/** One connection per extension context (background, options page). */
export function openPostCheckDb(): PostCheckDb {
  shared ??= new PostCheckDb();
  return shared;
}
