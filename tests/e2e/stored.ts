import type { Page } from '@playwright/test';

/** Everything PostCheck keeps in the browser, read from one of its own pages. */
export interface StoredByPostCheck {
  areas: Record<'local' | 'sync' | 'session', Record<string, unknown>>;
  /** Every IndexedDB database of the extension's origin, every object store, every record. */
  databases: { name: string; stores: Record<string, unknown[]> }[];
}

/**
 * Reads storage.local, storage.sync, storage.session and every IndexedDB database and object
 * store the extension's origin holds. `page` must be an extension page (options or popup): the
 * content script runs in the site's origin and sees none of this. Opening an existing database
 * without a version never creates or upgrades it.
 */
export function readEverythingStored(page: Page): Promise<StoredByPostCheck> {
  return page.evaluate(async () => {
    type Area = { get(): Promise<Record<string, unknown>> };
    const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync' | 'session', Area> } }).chrome.storage;
    const [local, sync, session] = await Promise.all([api.local.get(), api.sync.get(), api.session.get()]);
    const databases: { name: string; stores: Record<string, unknown[]> }[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores: Record<string, unknown[]> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        stores[store] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
      }
      db.close();
      databases.push({ name, stores });
    }
    return { areas: { local, sync, session }, databases };
  });
}
