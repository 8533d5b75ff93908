import type { SiteAdapter } from './types';

/**
 * LinkedIn: the Quill (`.ql-editor`) share box and comment boxes, and the Aug 2026 composer
 * (a role=textbox contenteditable with a "Share your thoughts…" placeholder, hashed classes,
 * editor library unconfirmed), found by role, label and placeholder only. Some surfaces render
 * either inside the open `#interop-outlet` shadow root. Ctrl/Cmd+Enter posts.
 * Evidence: composers.md §1 (Briskine editor-quill1.js and its shadow-piercing selectors,
 * Harper, the Aug 2026 automation notes).
 */
export const linkedinAdapter: SiteAdapter = {
  id: 'linkedin',
  name: 'LinkedIn',
  version: '2026-12-06',
  hosts: ['www.linkedin.com', 'linkedin.com'],
  matches: ['*://www.linkedin.com/*', '*://linkedin.com/*'],
  composers: [
    {
      id: 'comment',
      label: 'comment',
      markerSelectors: [
        '[role="textbox"][aria-label^="Text editor for adding a comment"]',
        '[role="textbox"][aria-label*="comment" i][contenteditable="true"]',
      ],
      postButtonSelectors: ['button.comments-comment-box__submit-button'],
      postButtonLabels: ['Comment', 'Reply'],
      submitKeys: ['mod+enter'],
      attachInputSelectors: [],
      attachPreviewSelectors: [],
    },
    {
      id: 'post',
      label: 'post',
      markerSelectors: [
        '[role="textbox"][aria-label="Text editor for creating content"]',
        // The Aug 2026 composer; the prefix match takes "…" and "..." alike.
        '[role="textbox"][contenteditable="true"][aria-placeholder^="Share your thoughts"]',
        '[contenteditable="true"][data-placeholder^="Share your thoughts"]',
      ],
      // LinkedIn's BEM class names are stable words, not hashes; the label comes first.
      postButtonSelectors: ['button.share-actions__primary-action'],
      postButtonLabels: ['Post'],
      submitKeys: ['mod+enter'],
      attachInputSelectors: [
        // The share box's media input behind its "Add media" button.
        '.share-creation-state input[type="file"][accept*="image"]',
        '[role="dialog"] input[type="file"][accept*="image"]',
      ],
      attachPreviewSelectors: ['.share-creation-state img[src^="blob:"]', '[role="dialog"] img[src^="blob:"]'],
    },
  ],
  // The interop shell paints dialogs (the share box among them) from this open shadow root.
  shadowHosts: ['#interop-outlet'],
};
