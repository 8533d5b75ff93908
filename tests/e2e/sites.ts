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
}

export interface SiteFixture {
  site: FixtureSite;
  primary: ComposerFixture;
  /** Reached by single-page navigation from `navigateFrom`. */
  afterNavigation: ComposerFixture & { navigateFrom: string; navLink: string };
  /** A second kind of composer on the site (comment box, reply). */
  secondary: ComposerFixture;
  unreadableUrl: string;
}

export const SITE_FIXTURES: SiteFixture[] = [
  {
    site: 'x',
    primary: {
      name: 'home composer',
      url: 'https://x.com/home',
      editor: (page) => page.locator('[data-testid="tweetTextarea_0"]'),
      postButton: (page) => page.locator('button[data-testid="tweetButtonInline"]'),
      submitKey: 'Control+Enter',
    },
    afterNavigation: {
      name: 'compose modal',
      url: 'https://x.com/compose/post',
      navigateFrom: 'https://x.com/home',
      navLink: 'Post',
      editor: (page) => page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]'),
      postButton: (page) => page.locator('button[data-testid="tweetButton"]'),
      submitKey: 'Control+Enter',
    },
    secondary: {
      name: 'reply',
      url: 'https://x.com/status/1',
      editor: (page) => page.locator('[data-testid="tweetTextarea_0"]'),
      postButton: (page) => page.locator('button[data-testid="tweetButtonInline"]'),
      submitKey: 'Control+Enter',
    },
    unreadableUrl: 'https://x.com/unreadable',
  },
  {
    site: 'facebook',
    primary: {
      name: 'create post dialog',
      url: 'https://www.facebook.com/',
      open: async (page) => page.getByRole('button', { name: "What's on your mind, Sam?" }).click(),
      editor: (page) => page.locator('[role="dialog"] [role="textbox"][data-lexical-editor="true"]'),
      postButton: (page) => page.locator('div[aria-label="Post"][role="button"]'),
    },
    afterNavigation: {
      name: 'group composer',
      url: 'https://www.facebook.com/groups/harrowby-parents',
      navigateFrom: 'https://www.facebook.com/',
      navLink: 'Group',
      editor: (page) => page.locator('[role="dialog"] [role="textbox"][data-lexical-editor="true"]'),
      postButton: (page) => page.locator('div[aria-label="Post"][role="button"]'),
    },
    secondary: {
      name: 'comment box',
      url: 'https://www.facebook.com/',
      editor: (page) => page.locator('[role="textbox"][aria-label="Write a comment…"]'),
      postButton: (page) => page.locator('div[aria-label="Comment"][role="button"]'),
      submitKey: 'Enter',
    },
    unreadableUrl: 'https://www.facebook.com/unreadable',
  },
  {
    site: 'instagram',
    primary: {
      name: 'caption',
      url: 'https://www.instagram.com/create/details/',
      editor: (page) => page.locator('[aria-label="Write a caption..."][contenteditable="true"]'),
      postButton: (page) => page.getByRole('button', { name: 'Share', exact: true }),
    },
    afterNavigation: {
      name: 'caption after navigation',
      url: 'https://www.instagram.com/create/details/',
      navigateFrom: 'https://www.instagram.com/',
      navLink: 'Create',
      editor: (page) => page.locator('[aria-label="Write a caption..."][contenteditable="true"]'),
      postButton: (page) => page.getByRole('button', { name: 'Share', exact: true }),
    },
    secondary: {
      name: 'comment textarea',
      url: 'https://www.instagram.com/',
      editor: (page) => page.locator('textarea[aria-label*="comment" i]'),
      postButton: (page) => page.locator('form').getByRole('button', { name: 'Post', exact: true }),
      submitKey: 'Enter',
      textarea: true,
    },
    unreadableUrl: 'https://www.instagram.com/unreadable',
  },
  {
    site: 'linkedin',
    primary: {
      name: 'share box',
      url: 'https://www.linkedin.com/sharing/compose/',
      editor: (page) => page.locator('.ql-editor[aria-label="Text editor for creating content"]'),
      postButton: (page) => page.getByRole('button', { name: 'Post', exact: true }),
      submitKey: 'Control+Enter',
    },
    afterNavigation: {
      name: 'share box after navigation',
      url: 'https://www.linkedin.com/sharing/compose/',
      navigateFrom: 'https://www.linkedin.com/feed/',
      navLink: 'Start a post',
      editor: (page) => page.locator('.ql-editor[aria-label="Text editor for creating content"]'),
      postButton: (page) => page.getByRole('button', { name: 'Post', exact: true }),
      submitKey: 'Control+Enter',
    },
    secondary: {
      name: 'comment box',
      url: 'https://www.linkedin.com/feed/',
      editor: (page) => page.locator('.ql-editor[aria-label="Text editor for adding a comment"]'),
      postButton: (page) => page.getByRole('button', { name: 'Comment', exact: true }),
      submitKey: 'Control+Enter',
    },
    unreadableUrl: 'https://www.linkedin.com/unreadable',
  },
];
