import nlp from 'compromise/two';
import type { PostDocument, Token } from './document';

/**
 * compromise, used only where our own rules are unsure. Its lexicon answers
 * most questions in O(1); tagging a sentence (~0.3 ms) is kept for words the
 * lexicon does not know, and runs at most once per sentence per check.
 */
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon;
const NAME_TAGS = new Set(['LastName', 'Person', 'FirstName', 'MaleName', 'FemaleName']);
const tagCache = new WeakMap<PostDocument, Map<number, Map<number, string[]>>>();

/** compromise's tags for a token, by running it on that token's sentence once per check. */
export function tagsOf(doc: PostDocument, token: Token): string[] {
  let bySentence = tagCache.get(doc);
  if (!bySentence) tagCache.set(doc, (bySentence = new Map()));
  let tags = bySentence.get(token.sentence);
  if (!tags) {
    tags = new Map();
    const sentence = doc.sentences[token.sentence]!;
    const text = doc.text.slice(sentence.start, sentence.end);
    const terms = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: { tags: string[]; offset: { start: number; length: number } }[] }[];
    for (const s of terms) for (const term of s.terms) tags.set(sentence.start + term.offset.start, term.tags);
    bySentence.set(token.sentence, tags);
  }
  return tags.get(token.start) ?? [];
}

/** Is this lower-case key an ordinary word compromise knows (not a name)? O(1). */
export function isKnownWord(key: string): boolean {
  const tag = LEXICON[key];
  return tag !== undefined && !NAME_TAGS.has(tag);
}

/** "jack grealish": is this lower-case word someone's surname? */
export function looksLikeSurname(doc: PostDocument, token: Token): boolean {
  const known = LEXICON[token.key];
  if (known !== undefined) return NAME_TAGS.has(known);
  return tagsOf(doc, token).includes('LastName');
}
