import nlp from 'compromise/two';
import type { PostDocument, Token } from './document';

/**
 * compromise, used only where our own rules are unsure, and only on the one
 * sentence in question: tagging a sentence costs ~0.3 ms, too much for every
 * keystroke on every sentence.
 */
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

/** "jack grealish": compromise knows Grealish as a surname even in lower case. */
export function looksLikeSurname(doc: PostDocument, token: Token): boolean {
  const tags = tagsOf(doc, token);
  return tags.includes('LastName');
}
