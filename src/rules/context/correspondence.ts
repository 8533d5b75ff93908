import type { PostDocument } from '../document/document';
import { allMatches } from '../document/matches';

/**
 * Where a post quotes e-mail: the header and attribution lines that name who
 * wrote a quoted message ("From: Owen Byrne <owen@…>", "On Behalf Of Owen
 * Byrne", "On Mon, 7 Oct 2002, Rose, Bobby wrote:", "Owen Byrne wrote: >"). Each pattern
 * reads a bounded stretch, so the cost stays linear in the post.
 * A name there is the correspondent, an adult writing a message, not a child
 * in school.
 */
const ATTRIBUTION = [
  // A header line: "From: …", "Cc: …" up to the end of the line or the next header.
  /(?:^|\n|>\s*|\s)(?:from|to|cc|reply-to|sender|forwarded-by):[ \t]+[^\n>]{0,80}?(?=\n|>|\s(?:sent|to|cc|subject|date):|$)/giu,
  // An address with its owner's name in brackets, the old header form: "dpbsmith@bellatlantic.net (Daniel P. Smith)".
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\s+\([^)\n]{1,40}\)?/gu,
  // Outlook's "On Behalf Of <name>".
  /\bon behalf of\b[^\n]{0,60}?(?=\s(?:sent|to|cc|subject):|\n|$)/giu,
];

/** "wrote:" / "writes:" ending an attribution: the quote, a line break or the end follows. */
const WROTE = /\b(?:wrote|writes):?(?=\s*(?:>|\n|$|-+\]))/giu;

/**
 * Which characters of the post (normalized text) attribute quoted e-mail to its writer: 1 at each,
 * or an empty array when the post quotes no e-mail.
 */
export function correspondentSpans(doc: PostDocument): Uint8Array {
  // Only text that quotes e-mail: a ">" quote mark, a "wrote:" attribution, a header, an address with its owner.
  if (!/(?:^|\n|\s)>|\bwrote:|\b(?:from|forwarded-by):|@[\p{L}\p{N}.-]+\s+\(/iu.test(doc.text)) return new Uint8Array(0);
  const covered = new Uint8Array(doc.text.length);
  const spans: [number, number][] = [];
  for (const re of ATTRIBUTION) for (const m of allMatches(re, doc.text)) spans.push([m.index, m.index + m[0].length]);
  // "<name> wrote:" with the quoted reply after it: the attribution runs back to the start of its line or quote.
  for (const m of allMatches(WROTE, doc.text)) {
    const from = Math.max(0, m.index - 100);
    const before = doc.text.slice(from, m.index);
    const lineStart = from + Math.max(before.lastIndexOf('\n'), before.lastIndexOf('>')) + 1;
    spans.push([lineStart, m.index + m[0].length]);
  }
  // Each span is at most about 100 characters, so marking them stays linear in the post.
  for (const [start, end] of spans) covered.fill(1, start, end);
  return covered;
}
