/**
 * Turns a composer's DOM into the text the engine checks, with a map back from text offsets
 * to DOM positions. Read-only: walks nodes, never touches the editor (composers.md §2–3).
 */

/** A run of text taken from one DOM text node. */
export interface TextSegment {
  node: Text;
  /** Offsets in the read text, half-open. */
  start: number;
  end: number;
}

export interface ReadText {
  text: string;
  segments: TextSegment[];
}

/** Elements that start a new line of the post (Draft blocks, Lexical and Quill paragraphs). */
const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR']);

/**
 * Lexical, Quill and Draft keep an empty line open with a lone <br>; it is not a line break
 * the user typed.
 */
function isPlaceholderBreak(br: Element): boolean {
  const parent = br.parentElement;
  if (!parent) return false;
  if (br.getAttribute('data-text') === 'true') return true;
  for (const sibling of parent.childNodes) {
    if (sibling === br) continue;
    if (sibling.nodeType === Node.TEXT_NODE && (sibling.nodeValue ?? '') !== '') return false;
    if (sibling.nodeType === Node.ELEMENT_NODE) return false;
  }
  return true;
}

export function readContentEditable(root: HTMLElement): ReadText {
  let text = '';
  const segments: TextSegment[] = [];
  // A block opened or closed since the last content: the next content starts a new line.
  // Deferred so nested blocks (Draft's div[data-block] > div) give one break, and the last
  // block leaves no trailing newline.
  let pendingBreak = false;
  const breakIfPending = () => {
    if (pendingBreak && text.length > 0 && !text.endsWith('\n')) text += '\n';
    pendingBreak = false;
  };

  const walk = (parent: Node) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) {
        const data = (node as Text).data;
        if (data.length === 0) continue;
        breakIfPending();
        segments.push({ node: node as Text, start: text.length, end: text.length + data.length });
        text += data;
      } else if (node instanceof HTMLElement || node instanceof SVGElement) {
        const tag = node.tagName;
        if (tag === 'BR') {
          if (!isPlaceholderBreak(node)) {
            breakIfPending();
            text += '\n';
          }
        } else if (tag === 'IMG') {
          // Emoji drawn as images (Twemoji on X, Meta's emoji sprites) carry the character in alt.
          const alt = node.getAttribute('alt') ?? '';
          if (alt) {
            breakIfPending();
            text += alt;
          }
        } else if (tag === 'STYLE' || tag === 'SCRIPT' || tag === 'TEMPLATE') {
          continue;
        } else if (BLOCK_TAGS.has(tag)) {
          pendingBreak = true;
          walk(node);
          pendingBreak = true;
        } else {
          walk(node);
        }
      }
    }
  };
  walk(root);
  return { text, segments };
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/** Binary search for the segment holding `offset`; `preferEnd` picks the left one at a boundary. */
function locate(segments: readonly TextSegment[], offset: number, preferEnd: boolean): DomPoint | undefined {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid];
    if (!segment) break;
    const inside = preferEnd ? segment.start < offset && offset <= segment.end : segment.start <= offset && offset < segment.end;
    if (inside) return { node: segment.node, offset: offset - segment.start };
    if (offset < segment.start || (preferEnd && offset === segment.start)) high = mid - 1;
    else low = mid + 1;
  }
  // Offsets that fall on an emitted line break or image alt: snap to the nearest text.
  const next = segments[low];
  if (!preferEnd && next) return { node: next.node, offset: 0 };
  const previous = segments[high];
  if (preferEnd && previous) return { node: previous.node, offset: previous.node.data.length };
  return undefined;
}

/** A live DOM Range for a span of the read text, or undefined if the DOM has moved on. */
export function rangeForSpan(read: ReadText, start: number, end: number): Range | undefined {
  const from = locate(read.segments, start, false);
  const to = locate(read.segments, end, true);
  if (!from || !to || !from.node.isConnected || !to.node.isConnected) return undefined;
  const range = document.createRange();
  try {
    range.setStart(from.node, Math.min(from.offset, from.node.data.length));
    range.setEnd(to.node, Math.min(to.offset, to.node.data.length));
  } catch {
    return undefined;
  }
  return range.collapsed ? undefined : range;
}
