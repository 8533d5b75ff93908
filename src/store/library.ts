import type { PersonEntry } from '../rules/pack/schema';
import type { NameListKind, PostCheckDb, StoredNameList, StoredPack } from './db';

/** How many earlier packs to keep, so a school can see what was loaded before. */
export const PACK_HISTORY = 10;

export async function savePack(db: PostCheckDb, pack: { id: string; version: string; school: { name: string } }, json: unknown, source: StoredPack['source'], now: number = Date.now()): Promise<void> {
  await db.transaction('rw', db.packs, async () => {
    await db.packs.add({ packId: pack.id, version: pack.version, schoolName: pack.school.name, json, loadedAt: now, source });
    const old = await db.packs.orderBy('loadedAt').reverse().offset(PACK_HISTORY).primaryKeys();
    await db.packs.bulkDelete(old);
  });
}

export async function saveNameList(db: PostCheckDb, kind: NameListKind, people: PersonEntry[], fileName: string, now: number = Date.now()): Promise<void> {
  await db.nameLists.put({ kind, people, fileName, importedAt: now });
}

export async function getNameList(db: PostCheckDb, kind: NameListKind): Promise<StoredNameList | undefined> {
  return db.nameLists.get(kind);
}

/** The packs loaded on this computer, newest first. */
export async function listPacks(db: PostCheckDb): Promise<StoredPack[]> {
  return db.packs.orderBy('loadedAt').reverse().toArray();
}
