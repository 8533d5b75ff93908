import type { PostDocument } from '../document';

/**
 * Where a post quotes e-mail: the header and attribution lines that name who
 * wrote a quoted message ("From: Owen Byrne <owen@…>", "On Behalf Of Owen
 * Byrne", "On Mon, 7 Oct 2002, Rose, Bobby wrote:", "Owen Byrne wrote: >").
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
  // "<name> wrote:" / "<name> writes:" with the quoted reply after it, or after "On <date>,".
  /(?:\bon\s[^\n]{0,60}?,\s*)?[^\n,:;>]{0,40}?(?:,\s*[^\n,:;>]{1,30})?\s+(?:wrote|writes):?(?=\s*(?:>|\n|$|[-\]]+\]))/giu,
];

/** [start, end) spans of the post (normalized text) that attribute quoted e-mail to its writer. */
export function correspondentSpans(doc: PostDocument): [number, number][] {
  // Only text that quotes e-mail: a ">" quote mark, a "wrote:" attribution, a header, an address with its owner.
  if (!/(?:^|\n|\s)>|\bwrote:|\b(?:from|forwarded-by):|@[\p{L}\p{N}.-]+\s+\(/iu.test(doc.text)) return [];
  const spans: [number, number][] = [];
  for (const re of ATTRIBUTION) for (const m of doc.text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}
