import nlp from 'compromise/two';
import type { PostDocument, Token } from './document';

/**
 * compromise, used only where our own rules are unsure. Its lexicon answers
 * most questions in O(1); tagging (~0.3 ms a sentence) is kept for words the
 * lexicon does not know, and runs at most once per stretch of text per check.
 */
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon;
const NAME_TAGS = new Set(['LastName', 'Person', 'FirstName', 'MaleName', 'FemaleName']);
/**
 * Tokens tagged together: a whole sentence when it is ordinary, fixed slices of
 * a longer one (a pasted list with no full stops), so one tagging call costs
 * the same on any input and a check makes at most one per slice.
 */
export const TAG_WINDOW_TOKENS = 64;
const tagCache = new WeakMap<PostDocument, Map<number, Map<number, string[]>>>();
let taggingCalls = 0;

/** compromise's tags for a token, by running it once per check on the sentence (or slice of one) around it. */
export function tagsOf(doc: PostDocument, token: Token): string[] {
  let byWindow = tagCache.get(doc);
  if (!byWindow) tagCache.set(doc, (byWindow = new Map()));
  const sentence = doc.sentences[token.sentence]!;
  const first = sentence.first + Math.floor((token.index - sentence.first) / TAG_WINDOW_TOKENS) * TAG_WINDOW_TOKENS;
  let tags = byWindow.get(first);
  if (!tags) {
    tags = new Map();
    const start = doc.tokens[first]!.start;
    const end = doc.tokens[Math.min(sentence.last, first + TAG_WINDOW_TOKENS - 1)]!.end;
    taggingCalls++;
    const terms = nlp(doc.text.slice(start, end)).json({ offset: true, terms: { offset: true } }) as { terms: { tags: string[]; offset: { start: number; length: number } }[] }[];
    for (const s of terms) for (const term of s.terms) tags.set(start + term.offset.start, term.tags);
    byWindow.set(first, tags);
  }
  return tags.get(token.start) ?? [];
}

/** Is this lower-case key an ordinary word compromise knows (not a name)? O(1). */
export function isKnownWord(key: string): boolean {
  const tag = LEXICON[key];
  return tag !== undefined && !NAME_TAGS.has(tag);
}

/** How many times compromise has tagged text in this process: the complexity tests count it. */
export const taggingCallCount = () => taggingCalls;

/** "jack grealish": is this lower-case word someone's surname? */
export function looksLikeSurname(doc: PostDocument, token: Token): boolean {
  const known = LEXICON[token.key];
  if (known !== undefined) return NAME_TAGS.has(known);
  return tagsOf(doc, token).includes('LastName');
}
