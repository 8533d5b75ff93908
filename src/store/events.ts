import type { PostCheckDb } from './db';
import { EVENT_RETENTION_MS, EventReportSchema, type LoggedEvent } from './event-record';

export * from './event-record';

export async function pruneEvents(db: PostCheckDb, now: number = Date.now()): Promise<number> {
  return db.events.where('time').below(now - EVENT_RETENTION_MS).delete();
}

/** Records one event after checking its shape; returns false (and stores nothing) when it is malformed. */
export async function recordEvent(db: PostCheckDb, report: unknown, now: number = Date.now()): Promise<boolean> {
  const parsed = EventReportSchema.safeParse(report);
  if (!parsed.success) return false;
  await pruneEvents(db, now);
  await db.events.add({ ...parsed.data, time: now });
  return true;
}

/** Newest first, the last 90 days only. */
export async function listEvents(db: PostCheckDb, now: number = Date.now()): Promise<LoggedEvent[]> {
  await pruneEvents(db, now);
  return db.events.orderBy('time').reverse().toArray();
}

export async function clearEvents(db: PostCheckDb): Promise<void> {
  await db.events.clear();
}
