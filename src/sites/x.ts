import type { SiteAdapter } from './types';

/**
 * X (twitter.com): Draft.js composers inside `tweetTextarea_N`; mobile web swaps in a
 * <textarea>. Evidence: ../../../shared/design/composers.md §1 (control-panel-for-twitter
 * script.js, Mask Network selector.ts).
 */
export const xAdapter: SiteAdapter = {
  id: 'x',
  name: 'X',
  version: '2026-12-06',
  hosts: ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
  // The hosts above and no others: not every x.com subdomain (developer., ads., api.) is a composer.
  matches: ['*://x.com/*', '*://www.x.com/*', '*://mobile.x.com/*', '*://twitter.com/*', '*://www.twitter.com/*', '*://mobile.twitter.com/*'],
  composers: [
    {
      // Home timeline box, inline reply, quote and the /compose/post modal share the marker;
      // each thread item is tweetTextarea_0, _1, …
      id: 'post',
      label: 'post',
      markerSelectors: ['[data-testid^="tweetTextarea_"]:not([data-testid$="_label"])'],
      postButtonSelectors: ['button[data-testid="tweetButtonInline"]', 'button[data-testid="tweetButton"]'],
      postButtonLabels: [],
      submitKeys: ['mod+enter'],
      attachInputSelectors: [
        // The toolbar's media input (control-panel-for-twitter script.js line 4727).
        '[data-testid="toolBar"] input[data-testid="fileInput"]',
        'input[data-testid="fileInput"]',
      ],
      attachPreviewSelectors: ['[data-testid="attachments"] img[src^="blob:"]'],
    },
  ],
  shadowHosts: [],
};
