// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rangeForSpan, readContentEditable } from '../../src/content/read-text';
import { placeCard } from '../../src/ui/card/placement';

function editor(html: string): HTMLElement {
  document.body.innerHTML = `<div contenteditable="true" id="editor">${html}</div>`;
  return document.getElementById('editor')!;
}

describe('reading composer text', () => {
  it('reads Draft.js blocks as lines, skipping its empty-line <br data-text>', () => {
    const root = editor(
      '<div data-contents="true">' +
        '<div data-block="true"><div><span data-offset-key="a"><span data-text="true">Well done </span></span><span data-offset-key="b"><span data-text="true">@Grace</span></span></div></div>' +
        '<div data-block="true"><div><span><br data-text="true"></span></div></div>' +
        '<div data-block="true"><div><span><span data-text="true">#sportsday 🏅</span></span></div></div>' +
        '</div>',
    );
    expect(readContentEditable(root).text).toBe('Well done @Grace\n#sportsday 🏅');
  });

  it('reads Lexical and Quill paragraphs and soft line breaks', () => {
    const root = editor('<p><span data-lexical-text="true">First line</span><br><span data-lexical-text="true">soft break</span></p><p><br></p><p><span>Second para</span></p>');
    expect(readContentEditable(root).text).toBe('First line\nsoft break\nSecond para');
  });

  it('reads emoji drawn as images through their alt text', () => {
    const root = editor('<p>Go team <img alt="🎉" src="data:,"> now</p>');
    expect(readContentEditable(root).text).toBe('Go team 🎉 now');
  });

  it('maps a span back to a DOM range across text nodes', () => {
    const root = editor('<p><span>Well done Gr</span><span>ace Hetherington</span></p><p><span>today</span></p>');
    const read = readContentEditable(root);
    const start = read.text.indexOf('Grace');
    const range = rangeForSpan(read, start, start + 'Grace Hetherington'.length);
    expect(range?.toString()).toBe('Grace Hetherington');
    const today = read.text.indexOf('today');
    expect(rangeForSpan(read, today, today + 5)?.toString()).toBe('today');
  });
});

describe('card placement', () => {
  const viewport = { width: 1200, height: 800 };
  const composer = { left: 300, top: 100, width: 500, height: 120 };
  const size = { width: 360, height: 200 };

  it('goes below the composer when there is room and the post button is elsewhere', () => {
    const placed = placeCard(composer, size, [{ left: 700, top: 60, width: 80, height: 30 }], viewport);
    expect(placed.top).toBeGreaterThanOrEqual(composer.top + composer.height);
  });

  it('never covers the post button below the composer', () => {
    const button = { left: 300, top: 230, width: 500, height: 40 };
    const placed = placeCard(composer, size, [button], viewport);
    const overlaps = placed.left < button.left + button.width && button.left < placed.left + placed.width && placed.top < button.top + button.height && button.top < placed.top + placed.height;
    expect(overlaps).toBe(false);
  });
});
