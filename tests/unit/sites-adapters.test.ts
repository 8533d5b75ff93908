// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapterForHost, CONTENT_SCRIPT_MATCHES, SITE_ADAPTERS, type SiteAdapter } from '../../src/sites';
import { composerAround, findComposers, findPostButton } from '../../src/sites/locate';

/**
 * Each composer kind's markers, as the live sites render them (composers.md §1), with the post
 * control the adapter must find. The e2e fixtures render the same markers with the real editors.
 */
interface Example {
  site: SiteAdapter['id'];
  kind: string;
  html: string;
  /** The post control's text or aria-label, or null when the composer has none in reach. */
  button: string | null;
  readable?: false;
}

const EXAMPLES: Example[] = [
  {
    site: 'x',
    kind: 'post',
    html: `<div><div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0"><div data-contents="true"></div></div></div>
      <div data-testid="toolBar"><button data-testid="tweetButtonInline">Post</button></div></div>`,
    button: 'Post',
  },
  {
    site: 'x',
    kind: 'post',
    html: `<div role="dialog"><div data-testid="tweetTextarea_0RichTextInputContainer"><div contenteditable="true" role="textbox" data-testid="tweetTextarea_0"></div></div><button data-testid="tweetButton">Post all</button></div>`,
    button: 'Post all',
  },
  {
    site: 'x',
    kind: 'post',
    html: `<main><div data-testid="tweetTextarea_0"><textarea aria-label="Post text"></textarea></div><button data-testid="tweetButtonInline">Reply</button></main>`,
    button: 'Reply',
  },
  {
    site: 'facebook',
    kind: 'post',
    html: `<div role="dialog" aria-label="Create post"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-placeholder="What's on your mind?"><p><br></p></div><div aria-label="Post" role="button" tabindex="0"><span>Post</span></div></div>`,
    button: 'Post',
  },
  {
    site: 'facebook',
    kind: 'comment',
    html: `<form><div contenteditable="true" role="textbox" aria-label="Write a comment…" data-lexical-editor="true"><p><br></p></div><div aria-label="Comment" role="button">➤</div></form>`,
    button: 'Comment',
  },
  {
    site: 'facebook',
    kind: 'post',
    html: `<div role="dialog"><div role="textbox" aria-placeholder="What's on your mind?"></div><div aria-label="Post" role="button">Post</div></div>`,
    button: 'Post',
    readable: false,
  },
  {
    site: 'instagram',
    kind: 'caption',
    html: `<div role="dialog"><div><div role="button">Share</div></div><div aria-label="Write a caption..." contenteditable="true" role="textbox" data-lexical-editor="true"><p><br></p></div></div>`,
    button: 'Share',
  },
  {
    site: 'instagram',
    kind: 'caption',
    html: `<div role="dialog"><div role="button">Share</div><textarea aria-label="Write a caption…"></textarea></div>`,
    button: 'Share',
  },
  {
    site: 'instagram',
    kind: 'comment',
    html: `<form><textarea aria-label="Add a comment…" placeholder="Add a comment…"></textarea><div role="button" tabindex="0">Post</div></form>`,
    button: 'Post',
  },
  {
    site: 'linkedin',
    kind: 'post',
    html: `<div role="dialog"><div class="share-creation-state__text-editor"><div class="ql-container"><div class="ql-editor" contenteditable="true" role="textbox" aria-label="Text editor for creating content"><p><br></p></div></div></div><div><button class="share-actions__primary-action">Post</button></div></div>`,
    button: 'Post',
  },
  {
    site: 'linkedin',
    kind: 'post',
    html: `<div role="dialog"><div contenteditable="true" role="textbox" aria-placeholder="Share your thoughts…"></div><button>Post</button></div>`,
    button: 'Post',
  },
  {
    site: 'linkedin',
    kind: 'comment',
    html: `<form class="comments-comment-box"><div class="comments-comment-texteditor"><div class="ql-editor" contenteditable="true" role="textbox" aria-label="Text editor for adding a comment"><p><br></p></div></div><button class="comments-comment-box__submit-button" type="submit">Comment</button></form>`,
    button: 'Comment',
  },
];

function adapter(id: SiteAdapter['id']): SiteAdapter {
  const found = SITE_ADAPTERS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no adapter ${id}`);
  return found;
}

describe('site adapters', () => {
  it('serves every host it lists, and its match patterns cover those hosts', () => {
    for (const site of SITE_ADAPTERS) {
      for (const host of site.hosts) {
        expect(adapterForHost(host)?.id).toBe(site.id);
        const covered = CONTENT_SCRIPT_MATCHES.some((pattern) => {
          const hostPattern = pattern.replace(/^\*:\/\//, '').replace(/\/\*$/, '');
          return hostPattern === host || (hostPattern.startsWith('*.') && host.endsWith(hostPattern.slice(1)));
        });
        expect(covered, `${host} in matches`).toBe(true);
      }
    }
    expect(adapterForHost('example.com')).toBeUndefined();
  });

  it('has an example for every composer kind of every site', () => {
    for (const site of SITE_ADAPTERS) {
      for (const kind of site.composers) {
        expect(EXAMPLES.some((example) => example.site === site.id && example.kind === kind.id), `${site.id}/${kind.id}`).toBe(true);
      }
    }
  });

  it('uses no hashed class names in its selectors', () => {
    for (const site of SITE_ADAPTERS) {
      for (const kind of site.composers) {
        for (const selector of [...kind.markerSelectors, ...kind.postButtonSelectors]) {
          // Meta's atomic classes look like x1lliihq; LinkedIn's hashed ones like _3a9f.
          expect(selector, `${site.id}/${kind.id}`).not.toMatch(/\.(x[0-9a-z]{5,}|_[0-9a-f]{4,})\b/);
        }
      }
    }
  });

  it('has a dated version, and LinkedIn names its shadow host', () => {
    for (const site of SITE_ADAPTERS) expect(site.version, site.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(adapter('linkedin').shadowHosts).toContain('#interop-outlet');
  });

  it('linkedin: finds composers inside the open #interop-outlet shadow root, with the post button there', () => {
    document.body.innerHTML = `<div id="app"><div role="button" aria-label="Start a post">Start a post</div></div><div id="interop-outlet"></div>`;
    const host = document.getElementById('interop-outlet')!;
    const shadow = host.attachShadow({ mode: 'open' });
    expect(findComposers(adapter('linkedin'))).toHaveLength(0);
    shadow.innerHTML = `<div role="dialog" aria-label="Create post"><div contenteditable="true" role="textbox" data-placeholder="Share your thoughts…"><p><br></p></div><div><button class="_8d3e5f">Post</button></div></div>
      <form><div contenteditable="true" role="textbox" aria-label="Text editor for adding a comment"><p><br></p></div><button>Comment</button></form>`;
    const found = findComposers(adapter('linkedin'));
    expect(found.map((composer) => composer.kind.id).sort()).toEqual(['comment', 'post']);
    for (const composer of found) {
      expect(composer.marker.getRootNode()).toBe(shadow);
      expect(composer.editable).toBe(composer.marker);
      const button = findPostButton(composer.kind, composer.marker);
      expect(button?.getRootNode()).toBe(shadow);
      expect(button?.textContent).toBe(composer.kind.id === 'post' ? 'Post' : 'Comment');
    }
    // The focus target inside the root leads back to its composer.
    const editable = shadow.querySelector<HTMLElement>('[data-placeholder]')!;
    expect(composerAround(adapter('linkedin'), editable)?.kind.id).toBe('post');
  });

  it('linkedin: a closed shadow root hides its composers (out of every content script\'s reach)', () => {
    document.body.innerHTML = `<div id="interop-outlet"></div>`;
    const shadow = document.getElementById('interop-outlet')!.attachShadow({ mode: 'closed' });
    shadow.innerHTML = `<div role="dialog"><div contenteditable="true" role="textbox" aria-placeholder="Share your thoughts…"></div><button>Post</button></div>`;
    expect(findComposers(adapter('linkedin'))).toHaveLength(0);
  });

  for (const [index, example] of EXAMPLES.entries()) {
    it(`${example.site}/${example.kind} #${index}: finds the composer and its post control`, () => {
      document.body.innerHTML = example.html;
      const found = findComposers(adapter(example.site));
      expect(found).toHaveLength(1);
      const [composer] = found;
      expect(composer?.kind.id).toBe(example.kind);
      if (example.readable === false) expect(composer?.editable).toBeNull();
      else expect(composer?.editable?.matches('textarea, [contenteditable="true"]')).toBe(true);
      const button = composer ? findPostButton(composer.kind, composer.marker) : undefined;
      if (example.button === null) expect(button).toBeUndefined();
      else expect((button?.getAttribute('aria-label') ?? button?.textContent)?.trim()).toBe(example.button);
    });
  }
});
