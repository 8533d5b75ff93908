import { browser } from 'wxt/browser';
import { getActiveConfig, type ActiveConfig } from './settings/active';

/**
 * Messages between PostCheck's contexts, typed once here so neither side handles `any`.
 * Content scripts read the active config straight from storage.local (cheaper than waking
 * the service worker on every page load); this request is for contexts that cannot, and for
 * the managed-policy merge the settings issue will put behind it.
 */
export type PostCheckRequest = { type: 'postcheck:get-active-config' };

export interface PostCheckResponses {
  'postcheck:get-active-config': ActiveConfig;
}

function isPostCheckRequest(message: unknown): message is PostCheckRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'postcheck:get-active-config';
}

export function requestActiveConfig(): Promise<PostCheckResponses['postcheck:get-active-config']> {
  const request: PostCheckRequest = { type: 'postcheck:get-active-config' };
  return browser.runtime.sendMessage(request) as Promise<ActiveConfig>;
}

/** Registers the background's answers; returns the unsubscribe. */
export function serveActiveConfig(): () => void {
  const listener = (message: unknown): Promise<ActiveConfig> | undefined => {
    if (!isPostCheckRequest(message)) return undefined;
    return getActiveConfig();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
