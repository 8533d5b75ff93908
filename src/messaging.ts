import { browser } from 'wxt/browser';
// Types only: content scripts import this module, and the settings code (zod) must stay out
// of content.js (bench/e2e.ts measures its size and evaluation time).
import type { ActiveConfig } from './settings/active';
import type { SiteId } from './settings/schema';
import type { Finding } from './rules/types';
import type { EventAction, EventReport } from './store/events';

/**
 * Messages between PostCheck's contexts, typed once here so neither side handles `any`.
 * Content scripts ask the background for the active config, so that the settings code (zod
 * schemas, managed-policy merge) is evaluated once in the service worker, not on every page.
 * The event log lives in the extension's IndexedDB, which content scripts cannot open, so
 * they report events to the background with `logPostCheckEvent`.
 */
export type PostCheckRequest =
  | { type: 'postcheck:get-active-config' }
  | { type: 'postcheck:log-event'; event: EventReport }
  /** Popup → the active tab's content script: which site is this? (PostCheck has no `tabs` permission to read the URL.) */
  | { type: 'postcheck:which-site' }
  /** Content script → background: one part of an attached file, sent ahead of its check. */
  | { type: 'postcheck:image-part'; part: ImagePart }
  /** Content script → background: is the school's logo in this image, or are people? (src/images/check-service.ts) */
  | { type: 'postcheck:check-image'; image: ImageForCheck };

/**
 * An attached image for the logo check: the file's own bytes, sent ahead in parts and decoded
 * in the service worker; or, for a file too big to send, RGBA pixels the content script
 * decoded and downscaled to at most MAX_IMAGE_SIDE (base64: messaging carries JSON only).
 */
export type ImageForCheck = { kind: 'parts'; upload: string; count: number; type: string } | { kind: 'rgba'; width: number; height: number; base64: string };

/**
 * A slice of an attached file, base64. Sent one message at a time so that no single task on
 * the page serialises a whole photo (one 14.5 MB file in one message held the page's thread
 * for 120–190 ms).
 */
export interface ImagePart {
  upload: string;
  index: number;
  base64: string;
}

export interface PostCheckResponses {
  'postcheck:get-active-config': ActiveConfig;
  /** false when the log is off or the report was malformed (nothing stored). */
  'postcheck:log-event': boolean;
  'postcheck:which-site': SiteId;
  /** `logo` and `photos` findings; empty when the pack checks neither or the image could not be read. */
  'postcheck:check-image': Finding[];
  /** false when the part was refused (too many, too big, malformed). */
  'postcheck:image-part': boolean;
}

const REQUEST_TYPES: ReadonlySet<string> = new Set<PostCheckRequest['type']>(['postcheck:get-active-config', 'postcheck:log-event', 'postcheck:which-site', 'postcheck:check-image', 'postcheck:image-part']);

export function isPostCheckRequest(message: unknown): message is PostCheckRequest {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && REQUEST_TYPES.has(type);
}

export function requestActiveConfig(): Promise<PostCheckResponses['postcheck:get-active-config']> {
  const request: PostCheckRequest = { type: 'postcheck:get-active-config' };
  return browser.runtime.sendMessage(request) as Promise<ActiveConfig>;
}

/**
 * Records what the user did with one finding in the local event log (if the log is on). Holds
 * no post text and no names: only the site, the finding's category, rule id and severity, and
 * the action. Never throws: logging must not break posting.
 */
export async function logPostCheckEvent(event: EventReport): Promise<boolean> {
  const request: PostCheckRequest = { type: 'postcheck:log-event', event };
  try {
    return (await browser.runtime.sendMessage(request)) === true;
  } catch {
    return false;
  }
}

/**
 * One log entry per finding the user acted on: "Go back and edit" (`edited`), "Post anyway"
 * (`posted-anyway`), "Ignore once" (`ignored-once`). Takes only the fields the log keeps, so
 * neither the excerpt nor the message (which may hold a name) can reach it. Fire and forget.
 */
export function logFindingEvents(site: SiteId, findings: readonly Pick<Finding, 'category' | 'ruleId' | 'severity'>[], action: EventAction): void {
  for (const { category, ruleId, severity } of findings) void logPostCheckEvent({ site, category, ruleId, severity, action });
}

/**
 * Asks the background to look for the school's logo in an image. The ~80 ms match runs in the
 * service worker, never on the page's main thread, so typing is never held up by it.
 */
export async function requestImageCheck(image: ImageForCheck): Promise<Finding[]> {
  const request: PostCheckRequest = { type: 'postcheck:check-image', image };
  const findings: unknown = await browser.runtime.sendMessage(request);
  return Array.isArray(findings) ? (findings as Finding[]) : [];
}

export async function sendImagePart(part: ImagePart): Promise<boolean> {
  const request: PostCheckRequest = { type: 'postcheck:image-part', part };
  return (await browser.runtime.sendMessage(request)) === true;
}

/** Registers the background's answers to image parts and image checks; returns the unsubscribe. */
export function serveImageCheck(receivePart: (part: unknown) => boolean, check: (image: unknown) => Promise<Finding[]>): () => void {
  const listener = (message: unknown): Promise<Finding[] | boolean> | undefined => {
    if (!isPostCheckRequest(message)) return undefined;
    if (message.type === 'postcheck:image-part') return Promise.resolve(receivePart(message.part));
    if (message.type !== 'postcheck:check-image') return undefined;
    return check(message.image);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Registers the background's answer to config requests; returns the unsubscribe. */
export function serveActiveConfig(getActiveConfig: () => Promise<ActiveConfig>): () => void {
  const listener = (message: unknown): Promise<ActiveConfig> | undefined => {
    if (!isPostCheckRequest(message) || message.type !== 'postcheck:get-active-config') return undefined;
    return getActiveConfig();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** The content script's answer to the popup's "which site is this?"; returns the unsubscribe. */
export function answerWhichSite(site: SiteId): () => void {
  const listener = (message: unknown): Promise<SiteId> | undefined => {
    if (!isPostCheckRequest(message) || message.type !== 'postcheck:which-site') return undefined;
    return Promise.resolve(site);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Asks a tab's content script which site it is on; null when no PostCheck content script answers (not one of the four sites). */
export async function askTabForSite(tabId: number): Promise<SiteId | null> {
  const request: PostCheckRequest = { type: 'postcheck:which-site' };
  try {
    const site: unknown = await browser.tabs.sendMessage(tabId, request);
    return typeof site === 'string' ? (site as SiteId) : null;
  } catch {
    return null;
  }
}
