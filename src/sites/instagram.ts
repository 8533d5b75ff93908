import type { SiteAdapter } from './types';

/**
 * Instagram: the create-post caption (Lexical contenteditable, older builds a <textarea>,
 * both labelled "Write a caption…" with either ellipsis) shared with a "Share" role=button,
 * and comment boxes sent with a bare Enter or their "Post" button. Evidence: composers.md §1.
 */
export const instagramAdapter: SiteAdapter = {
  id: 'instagram',
  name: 'Instagram',
  version: '2026-12-06',
  hosts: ['www.instagram.com', 'instagram.com'],
  matches: ['*://www.instagram.com/*', '*://instagram.com/*'],
  composers: [
    {
      id: 'caption',
      label: 'caption',
      markerSelectors: ['[aria-label="Write a caption..."]', '[aria-label="Write a caption…"]'],
      postButtonSelectors: [],
      postButtonLabels: ['Share'],
      submitKeys: [],
      attachInputSelectors: [
        // The create-post dialog's "Select from computer" input, kept in the dialog's form.
        '[role="dialog"] form input[type="file"][accept*="image"]',
        '[role="dialog"] input[type="file"][accept*="image"]',
      ],
      attachPreviewSelectors: ['[role="dialog"] img[src^="blob:"]'],
    },
    {
      id: 'comment',
      label: 'comment',
      markerSelectors: ['textarea[aria-label*="comment" i]', '[contenteditable="true"][role="textbox"][aria-label*="comment" i]'],
      // A role=button reading "Post" inside the comment form (composers.md §1, instagramEnter).
      postButtonSelectors: [],
      postButtonLabels: ['Post'],
      submitKeys: ['enter'],
      attachInputSelectors: [],
      attachPreviewSelectors: [],
    },
  ],
  shadowHosts: [],
};
