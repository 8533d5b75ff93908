import type { Locator, Page } from '@playwright/test';
import type { FixtureSite } from './harness';

/** One composer in a fixture, as a user reaches and sends it. */
export interface ComposerFixture {
  name: string;
  /** Full URL to load. */
  url: string;
  /** Steps after load to reveal the composer (open a dialog…). */
  open?: (page: Page) => Promise<void>;
  editor: (page: Page) => Locator;
  postButton: (page: Page) => Locator;
  /** The keyboard shortcut that posts, where the site has one. */
  submitKey?: 'Control+Enter' | 'Enter';
  /** <textarea> composers are underlined by the overlay, not CSS highlights. */
  textarea?: boolean;
  /** The editor lives in an open shadow root (LinkedIn's `#interop-outlet`). */
  shadow?: boolean;
}

export interface SiteFixture {
  site: FixtureSite;
  primary: ComposerFixture;
  /** Reached by single-page navigation from `navigateFrom`. */
  afterNavigation: ComposerFixture & { navigateFrom: string; navLink: string };
  /** A second kind of composer on the site (comment box, reply). */
  secondary: ComposerFixture;
  /**
   * Every composer surface the site ships today, each on its real editor library; the
   * table-driven composer spec runs the same cases on all of them.
   */
  surfaces: ComposerFixture[];
  unreadableUrl: string;
}

const X_HOME: ComposerFixture = {
  name: 'home composer',
  url: 'https://x.com/home',
  editor: (page) => page.locator('[data-testid="tweetTextarea_0"]'),
  postButton: (page) => page.locator('button[data-testid="tweetButtonInline"]'),
  submitKey: 'Control+Enter',
};
const X_MODAL: ComposerFixture = {
  name: 'compose modal',
  url: 'https://x.com/compose/post',
  editor: (page) => page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]'),
  postButton: (page) => page.locator('button[data-testid="tweetButton"]'),
  submitKey: 'Control+Enter',
};
const X_REPLY: ComposerFixture = {
  name: 'reply',
  url: 'https://x.com/status/1',
  editor: (page) => page.locator('[data-testid="tweetTextarea_0"]'),
  postButton: (page) => page.locator('button[data-testid="tweetButtonInline"]'),
  submitKey: 'Control+Enter',
};
const X_QUOTE: ComposerFixture = {
  name: 'quote post',
  url: 'https://x.com/status/1',
  open: async (page) => page.getByRole('button', { name: 'Quote' }).click(),
  editor: (page) => page.getByRole('dialog', { name: 'Quote post' }).locator('[data-testid="tweetTextarea_0"]'),
  postButton: (page) => page.getByRole('dialog', { name: 'Quote post' }).locator('button[data-testid="tweetButton"]'),
  submitKey: 'Control+Enter',
};

const FB_CREATE_POST: ComposerFixture = {
  name: 'create post dialog',
  url: 'https://www.facebook.com/',
  open: async (page) => page.getByRole('button', { name: "What's on your mind, Sam?" }).click(),
  editor: (page) => page.locator('[role="dialog"] [role="textbox"][data-lexical-editor="true"]'),
  postButton: (page) => page.locator('div[aria-label="Post"][role="button"]'),
};
const FB_GROUP_POST: ComposerFixture = {
  name: 'group composer',
  url: 'https://www.facebook.com/groups/harrowby-parents',
  editor: (page) => page.locator('[role="dialog"] [role="textbox"][data-lexical-editor="true"]'),
  postButton: (page) => page.locator('div[aria-label="Post"][role="button"]'),
};
const FB_COMMENT: ComposerFixture = {
  name: 'comment box',
  url: 'https://www.facebook.com/',
  editor: (page) => page.locator('[role="textbox"][aria-label="Write a comment…"]'),
  postButton: (page) => page.locator('form:has([aria-label="Write a comment…"]) div[aria-label="Comment"][role="button"]'),
  submitKey: 'Enter',
};
const FB_REPLY: ComposerFixture = {
  name: 'reply to a comment',
  url: 'https://www.facebook.com/',
  open: async (page) => page.getByRole('button', { name: 'Reply', exact: true }).click(),
  editor: (page) => page.locator('[role="textbox"][aria-label="Reply to Priya Shah"]'),
  postButton: (page) => page.locator('form:has([aria-label="Reply to Priya Shah"]) div[aria-label="Comment"][role="button"]'),
  submitKey: 'Enter',
};
const FB_PUBLIC_COMMENT: ComposerFixture = {
  name: 'public comment in a group',
  url: 'https://www.facebook.com/groups/harrowby-parents',
  editor: (page) => page.locator('[role="textbox"][aria-label="Write a public comment…"]'),
  postButton: (page) => page.locator('form:has([aria-label="Write a public comment…"]) div[aria-label="Comment"][role="button"]'),
  submitKey: 'Enter',
};

const IG_CAPTION: ComposerFixture = {
  name: 'caption',
  url: 'https://www.instagram.com/create/details/',
  editor: (page) => page.locator('[aria-label="Write a caption..."][contenteditable="true"]'),
  postButton: (page) => page.getByRole('button', { name: 'Share', exact: true }),
};
const IG_CAPTION_TEXTAREA: ComposerFixture = {
  name: 'caption textarea (older builds)',
  url: 'https://www.instagram.com/create/textarea/',
  editor: (page) => page.locator('textarea[aria-label="Write a caption…"]'),
  postButton: (page) => page.getByRole('button', { name: 'Share', exact: true }),
  textarea: true,
};
const IG_COMMENT: ComposerFixture = {
  name: 'comment textarea',
  url: 'https://www.instagram.com/',
  editor: (page) => page.locator('textarea[aria-label*="comment" i]'),
  postButton: (page) => page.locator('form').getByRole('button', { name: 'Post', exact: true }),
  submitKey: 'Enter',
  textarea: true,
};
const IG_POST_COMMENT: ComposerFixture = {
  name: 'comment on a post page',
  url: 'https://www.instagram.com/p/harrowby1/',
  editor: (page) => page.locator('[role="textbox"][contenteditable="true"][aria-label="Add a comment…"]'),
  postButton: (page) => page.locator('form').getByRole('button', { name: 'Post', exact: true }),
  submitKey: 'Enter',
};

const LI_SHARE: ComposerFixture = {
  name: 'share box',
  url: 'https://www.linkedin.com/sharing/compose/',
  editor: (page) => page.locator('.ql-editor[aria-label="Text editor for creating content"]'),
  postButton: (page) => page.getByRole('button', { name: 'Post', exact: true }),
  submitKey: 'Control+Enter',
};
const LI_COMMENT: ComposerFixture = {
  name: 'comment box',
  url: 'https://www.linkedin.com/feed/',
  editor: (page) => page.locator('.ql-editor[aria-label="Text editor for adding a comment"]'),
  postButton: (page) => page.getByRole('button', { name: 'Comment', exact: true }),
  submitKey: 'Control+Enter',
};
const LI_NEW_SHARE: ComposerFixture = {
  name: 'new composer share dialog',
  url: 'https://www.linkedin.com/new-composer/feed/',
  open: async (page) => page.getByRole('button', { name: 'Start a post', exact: true }).click(),
  editor: (page) => page.locator('[role="dialog"] [role="textbox"][aria-placeholder^="Share your thoughts"]'),
  postButton: (page) => page.getByRole('dialog').getByRole('button', { name: 'Post', exact: true }),
  submitKey: 'Control+Enter',
};
const LI_NEW_COMMENT: ComposerFixture = {
  name: 'new composer comment box',
  url: 'https://www.linkedin.com/new-composer/feed/',
  editor: (page) => page.locator('article > form [role="textbox"][aria-label="Text editor for adding a comment"]'),
  postButton: (page) => page.getByRole('button', { name: 'Comment', exact: true }),
  submitKey: 'Control+Enter',
};
const LI_NEW_REPLY: ComposerFixture = {
  name: 'new composer reply to a comment',
  url: 'https://www.linkedin.com/new-composer/feed/',
  open: async (page) => page.getByRole('button', { name: 'Reply', exact: true }).click(),
  editor: (page) => page.locator('._6e2f0a [role="textbox"][aria-label="Text editor for adding a comment"]'),
  postButton: (page) => page.locator('._6e2f0a').getByRole('button', { name: 'Reply', exact: true }),
  submitKey: 'Control+Enter',
};
const LI_INTEROP_SHARE: ComposerFixture = {
  name: 'share dialog in the #interop-outlet shadow root (ProseMirror)',
  url: 'https://www.linkedin.com/interop/feed/',
  open: async (page) => page.getByRole('button', { name: 'Start a post', exact: true }).click(),
  editor: (page) => page.locator('#interop-outlet').locator('[role="dialog"] [role="textbox"][data-placeholder^="Share your thoughts"]'),
  postButton: (page) => page.locator('#interop-outlet').getByRole('dialog').getByRole('button', { name: 'Post', exact: true }),
  submitKey: 'Control+Enter',
  shadow: true,
};
const LI_INTEROP_COMMENT: ComposerFixture = {
  name: 'comment box in the #interop-outlet shadow root (ProseMirror)',
  url: 'https://www.linkedin.com/interop/feed/',
  editor: (page) => page.locator('#interop-outlet').locator('article > form [role="textbox"][aria-label="Text editor for adding a comment"]'),
  postButton: (page) => page.locator('#interop-outlet').getByRole('button', { name: 'Comment', exact: true }),
  submitKey: 'Control+Enter',
  shadow: true,
};

export const SITE_FIXTURES: SiteFixture[] = [
  {
    site: 'x',
    primary: X_HOME,
    afterNavigation: { ...X_MODAL, navigateFrom: 'https://x.com/home', navLink: 'Post' },
    secondary: X_REPLY,
    surfaces: [X_HOME, X_MODAL, X_REPLY, X_QUOTE],
    unreadableUrl: 'https://x.com/unreadable',
  },
  {
    site: 'facebook',
    primary: FB_CREATE_POST,
    afterNavigation: { ...FB_GROUP_POST, navigateFrom: 'https://www.facebook.com/', navLink: 'Group' },
    secondary: FB_COMMENT,
    surfaces: [FB_CREATE_POST, FB_GROUP_POST, FB_COMMENT, FB_REPLY, FB_PUBLIC_COMMENT],
    unreadableUrl: 'https://www.facebook.com/unreadable',
  },
  {
    site: 'instagram',
    primary: IG_CAPTION,
    afterNavigation: { ...IG_CAPTION, name: 'caption after navigation', navigateFrom: 'https://www.instagram.com/', navLink: 'Create' },
    secondary: IG_COMMENT,
    surfaces: [IG_CAPTION, IG_CAPTION_TEXTAREA, IG_COMMENT, IG_POST_COMMENT],
    unreadableUrl: 'https://www.instagram.com/unreadable',
  },
  {
    site: 'linkedin',
    primary: LI_SHARE,
    afterNavigation: { ...LI_SHARE, name: 'share box after navigation', navigateFrom: 'https://www.linkedin.com/feed/', navLink: 'Start a post' },
    secondary: LI_COMMENT,
    surfaces: [LI_SHARE, LI_COMMENT, LI_NEW_SHARE, LI_NEW_COMMENT, LI_NEW_REPLY, LI_INTEROP_SHARE, LI_INTEROP_COMMENT],
    unreadableUrl: 'https://www.linkedin.com/unreadable',
  },
];
