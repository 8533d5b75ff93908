// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PartsInbox, pixelsOf } from '../../src/images/pixels';
import { SITE_ADAPTERS, type SiteAdapter } from '../../src/sites';
import { attachPreviewsIn, findAttachScope, findComposers, isAttachInput } from '../../src/sites/locate';

/**
 * Each site's composer photo input and previews, as the live sites render them
 * (composers.md §1 and §5), with the composer they belong to. The e2e fixtures render the
 * same inputs (tests/fixtures/sites/src/*.jsx) and attach real files through them.
 */
interface AttachExample {
  site: SiteAdapter['id'];
  kind: string;
  html: string;
}

const EXAMPLES: AttachExample[] = [
  {
    site: 'x',
    kind: 'post',
    html: `<div><div contenteditable="true" role="textbox" data-testid="tweetTextarea_0"></div>
      <div data-testid="attachments"><div><img src="blob:https://x.com/1"><button aria-label="Remove media"></button></div></div>
      <div data-testid="toolBar"><input data-testid="fileInput" type="file" accept="image/jpeg,image/png,image/webp,image/gif,video/mp4,video/quicktime" multiple><button data-testid="tweetButtonInline">Post</button></div></div>`,
  },
  {
    site: 'facebook',
    kind: 'post',
    html: `<div role="dialog" aria-label="Create post"><div contenteditable="true" role="textbox" data-lexical-editor="true"><p><br></p></div>
      <div><img src="blob:https://www.facebook.com/1"></div>
      <div aria-label="Photo/video" role="button"></div><input type="file" accept="image/*,image/heif,image/heic,video/*" multiple>
      <div aria-label="Post" role="button">Post</div></div>`,
  },
  {
    site: 'instagram',
    kind: 'caption',
    html: `<div role="dialog" aria-label="Create new post"><form enctype="multipart/form-data" method="POST" role="presentation"><input accept="image/jpeg,image/png,image/heic,image/heif,video/mp4,video/quicktime" multiple type="file"></form>
      <div><img src="blob:https://www.instagram.com/1"></div>
      <div aria-label="Write a caption..." contenteditable="true" role="textbox"><p><br></p></div><div role="button">Share</div></div>`,
  },
  {
    site: 'linkedin',
    kind: 'post',
    html: `<div role="dialog" class="share-creation-state"><div class="share-creation-state__text-editor"><div class="ql-editor" contenteditable="true" role="textbox" aria-label="Text editor for creating content"><p><br></p></div></div>
      <div><img src="blob:https://www.linkedin.com/1"></div>
      <button aria-label="Add media"></button><input id="media-editor-file-selector__file-input" type="file" accept="image/*" multiple><button class="share-actions__primary-action">Post</button></div>`,
  },
];

function adapter(id: SiteAdapter['id']): SiteAdapter {
  const found = SITE_ADAPTERS.find((site) => site.id === id);
  if (!found) throw new Error(id);
  return found;
}

describe('composer photo inputs', () => {
  it('every site has a composer that takes photos, with an example here', () => {
    for (const site of SITE_ADAPTERS) {
      const kinds = site.composers.filter((kind) => kind.attachInputSelectors.length > 0);
      expect(kinds.length, site.id).toBeGreaterThan(0);
      for (const kind of kinds) expect(EXAMPLES.some((example) => example.site === site.id && example.kind === kind.id), `${site.id}/${kind.id}`).toBe(true);
    }
  });

  it('uses no hashed class names in its selectors', () => {
    for (const site of SITE_ADAPTERS) {
      for (const kind of site.composers) {
        for (const selector of [...kind.attachInputSelectors, ...kind.attachPreviewSelectors]) {
          expect(selector, `${site.id}/${kind.id}`).not.toMatch(/\.(x[0-9a-z]{5,}|_[0-9a-f]{4,})\b/);
        }
      }
    }
  });

  for (const example of EXAMPLES) {
    it(`${example.site}/${example.kind}: finds the composer's file input and its previews`, () => {
      document.body.innerHTML = example.html;
      const site = adapter(example.site);
      const [composer] = findComposers(site);
      expect(composer?.kind.id).toBe(example.kind);
      const input = document.querySelector('input[type="file"]');
      expect(input && isAttachInput(site, input)).toBe(true);
      const scope = composer ? findAttachScope(composer.kind, composer.marker) : undefined;
      expect(scope?.contains(input)).toBe(true);
      expect(scope && composer ? attachPreviewsIn(composer.kind, scope).map((img) => img.getAttribute('src')) : []).toEqual([document.querySelector('img')?.getAttribute('src')]);
    });
  }

  it('a file input elsewhere on the page is not a composer input', () => {
    document.body.innerHTML = `<form><input type="file" accept="image/*"></form>`;
    const input = document.querySelector('input')!;
    for (const site of SITE_ADAPTERS) {
      expect(isAttachInput(site, input), site.id).toBe(false);
    }
  });
});

describe('pixels sent for a logo check', () => {
  const rgba = (width: number, height: number, bytes: number) => ({ kind: 'rgba', width, height, base64: Buffer.alloc(bytes).toString('base64') });

  it('accepts RGBA whose size adds up', async () => {
    const image = await pixelsOf(rgba(2, 3, 24), new PartsInbox());
    expect(image && { width: image.width, height: image.height, length: image.data.length }).toEqual({ width: 2, height: 3, length: 24 });
  });

  it('refuses malformed messages', async () => {
    for (const message of [null, 'x', {}, rgba(2, 3, 23), rgba(0, 3, 0), rgba(801, 1, 801 * 4), { kind: 'rgba', width: 1, height: 1, base64: '%%%' }, { kind: 'other', base64: '' }]) {
      expect(await pixelsOf(message, new PartsInbox()), JSON.stringify(message)).toBeNull();
    }
  });

  it('puts a file sent in parts back together, and only a complete one', async () => {
    const inbox = new PartsInbox();
    const part = (upload: string, index: number, text: string) => inbox.receive({ upload, index, base64: Buffer.from(text).toString('base64') });
    expect(part('a', 1, 'world')).toBe(true);
    expect(part('a', 0, 'hello ')).toBe(true);
    expect(await inbox.take('a', 2, 'text/plain')?.text()).toBe('hello world');
    expect(inbox.take('a', 2, 'text/plain')).toBeNull();
    expect(part('b', 0, 'half')).toBe(true);
    expect(inbox.take('b', 2, 'text/plain')).toBeNull();
    expect(inbox.receive({ upload: 'c', index: -1, base64: '' })).toBe(false);
    expect(inbox.receive({ upload: 'c', index: 0, base64: '%%%' })).toBe(false);
  });
});
