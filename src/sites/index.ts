import { facebookAdapter } from './facebook';
import { instagramAdapter } from './instagram';
import { linkedinAdapter } from './linkedin';
import type { SiteAdapter } from './types';
import { xAdapter } from './x';

export type { ComposerKind, SiteAdapter, SiteId, SubmitKey } from './types';
export { facebookAdapter, instagramAdapter, linkedinAdapter, xAdapter };

/** Every site PostCheck watches; the content script's `matches` derive from this list. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [facebookAdapter, xAdapter, instagramAdapter, linkedinAdapter];

export const CONTENT_SCRIPT_MATCHES: string[] = SITE_ADAPTERS.flatMap((adapter) => [...adapter.matches]);

export function adapterForHost(hostname: string): SiteAdapter | undefined {
  const host = hostname.toLowerCase();
  return SITE_ADAPTERS.find((adapter) => adapter.hosts.includes(host));
}
