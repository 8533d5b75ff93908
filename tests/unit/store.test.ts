import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { declareVersion1, PostCheckDb } from '../../src/store/db';
import { clearEvents, EVENT_RETENTION_MS, listEvents, recordEvent } from '../../src/store/events';
import { savePack } from '../../src/store/library';

function freshFactory() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

const DAY = 24 * 60 * 60 * 1000;
const report = { site: 'facebook', category: 'pupil', ruleId: 'pupil-name', severity: 'block', action: 'edited' } as const;

describe('store migration', () => {
  it('upgrades a version-1 database to version 2 keeping its packs and name lists', async () => {
    const factory = freshFactory();
    const v1 = new Dexie('postcheck', factory);
    declareVersion1(v1);
    await v1.table('packs').add({ packId: 'testbourne', version: '3', json: { school: { name: 'Testbourne Community School' } }, loadedAt: 1, source: 'file' });
    await v1.table('nameLists').put({ kind: 'pupils', people: ['Grace Hetherington'], fileName: 'pupils.csv', importedAt: 1 });
    v1.close();

    const db = new PostCheckDb('postcheck', factory);
    await db.open();
    expect(db.verno).toBe(2);
    const [pack] = await db.packs.where('schoolName').equals('Testbourne Community School').toArray();
    expect(pack?.packId).toBe('testbourne');
    expect((await db.nameLists.get('pupils'))?.people).toEqual(['Grace Hetherington']);
    expect(await db.events.count()).toBe(0);
    db.close();
  });

  it('keeps the last ten packs loaded', async () => {
    const db = new PostCheckDb('postcheck', freshFactory());
    for (let i = 0; i < 12; i++) await savePack(db, { id: `p${i}`, version: '1', school: { name: 'S' } }, {}, 'file', i);
    const kept = await db.packs.orderBy('loadedAt').toArray();
    expect(kept.map((p) => p.packId)).toEqual(['p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11']);
    db.close();
  });
});

describe('event log', () => {
  it('stores only the allowed fields, refusing reports that carry text', async () => {
    const db = new PostCheckDb('postcheck', freshFactory());
    expect(await recordEvent(db, report, 1000)).toBe(true);
    expect(await recordEvent(db, { ...report, excerpt: 'Grace Hetherington' }, 1000)).toBe(false);
    expect(await recordEvent(db, { ...report, ruleId: 'Grace Hetherington won' }, 1000)).toBe(false);
    expect(await recordEvent(db, { ...report, action: 'shared' }, 1000)).toBe(false);
    const events = await listEvents(db, 1000);
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0]!).sort()).toEqual(['action', 'category', 'id', 'ruleId', 'severity', 'site', 'time']);
    db.close();
  });

  it('drops entries older than 90 days and clears in one go', async () => {
    const db = new PostCheckDb('postcheck', freshFactory());
    const now = 200 * DAY;
    await recordEvent(db, report, now - EVENT_RETENTION_MS - DAY);
    await recordEvent(db, { ...report, action: 'posted-anyway' }, now - 89 * DAY);
    await recordEvent(db, { ...report, action: 'ignored-once' }, now - DAY);
    expect((await listEvents(db, now)).map((e) => e.action)).toEqual(['ignored-once', 'posted-anyway']);
    await clearEvents(db);
    expect(await listEvents(db, now)).toEqual([]);
    db.close();
  });
});
