import type { SiteAdapter } from './types';

/**
 * LinkedIn: Quill (`.ql-editor`) share box and comment boxes through 2026, with the Aug 2026
 * composer's role=textbox + "Share your thoughts" placeholder as the forward-looking marker.
 * Ctrl/Cmd+Enter posts. Evidence: composers.md §1 (Briskine editor-quill1.js, Harper).
 */
export const linkedinAdapter: SiteAdapter = {
  id: 'linkedin',
  name: 'LinkedIn',
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
        '[role="textbox"][contenteditable="true"][aria-placeholder^="Share your thoughts"]',
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
};
