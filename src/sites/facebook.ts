import type { SiteAdapter } from './types';

/**
 * Facebook: Lexical editors (`data-lexical-editor`), the feed/group composer in a
 * "Create post" dialog posted by a `div[role=button]` labelled "Post", and comment boxes
 * sent with a bare Enter. Evidence: composers.md §1 (snorkel constants, Harper, Mask Network).
 */
export const facebookAdapter: SiteAdapter = {
  id: 'facebook',
  name: 'Facebook',
  version: '2026-12-06',
  // m.facebook.com is a different, server-rendered UI: not supported yet.
  hosts: ['www.facebook.com', 'web.facebook.com', 'facebook.com'],
  matches: ['*://www.facebook.com/*', '*://web.facebook.com/*', '*://facebook.com/*'],
  composers: [
    {
      id: 'comment',
      label: 'comment',
      markerSelectors: [
        '[role="textbox"][aria-label^="Write a comment"]',
        '[role="textbox"][aria-label^="Write a public comment"]',
        '[role="textbox"][aria-label^="Reply to"]',
      ],
      postButtonSelectors: [],
      // Comment and reply boxes alike are sent by "Comment" (composers.md §1).
      postButtonLabels: ['Comment'],
      submitKeys: ['enter'],
      attachInputSelectors: [],
      attachPreviewSelectors: [],
    },
    {
      id: 'post',
      label: 'post',
      markerSelectors: [
        '[role="dialog"] [role="textbox"][data-lexical-editor="true"]',
        '[role="dialog"] [role="textbox"][contenteditable="true"]',
        '[role="dialog"] [role="textbox"][aria-placeholder]',
      ],
      postButtonSelectors: [],
      postButtonLabels: ['Post'],
      submitKeys: [],
      attachInputSelectors: [
        // Behind the dialog's "Photo/video" button (snorkel constants: newPhotoOrVideoPost).
        '[role="dialog"] input[type="file"][accept*="image"]',
      ],
      attachPreviewSelectors: ['[role="dialog"] img[src^="blob:"]'],
    },
  ],
  shadowHosts: [],
};
