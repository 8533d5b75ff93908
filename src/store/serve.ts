import { browser } from 'wxt/browser';
import { isPostCheckRequest } from '../messaging';
import { getActiveConfig } from '../settings/active';
import type { PostCheckDb } from './db';
import { pruneEvents, recordEvent } from './events';

/** The background's side of `logPostCheckEvent`: records the event when the log is on. Returns the unsubscribe. */
export function serveEventLog(db: PostCheckDb): () => void {
  const listener = (message: unknown, sender: { id?: string }): Promise<boolean> | undefined => {
    if (!isPostCheckRequest(message) || message.type !== 'postcheck:log-event') return undefined;
    // Only PostCheck's own content scripts and pages may write to its log.
    if (sender.id !== browser.runtime.id) return Promise.resolve(false);
    return getActiveConfig().then((config) => (config.eventLog === false ? false : recordEvent(db, message.event)));
  };
  browser.runtime.onMessage.addListener(listener);
  void pruneEvents(db);
  return () => browser.runtime.onMessage.removeListener(listener);
}
