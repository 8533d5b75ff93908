import type Compromise from 'compromise/two';
import type { PostDocument, Token } from './document';

/**
 * compromise, used only where our own rules are unsure. Its lexicon answers
 * most questions in O(1); tagging (~0.3 ms a sentence) is kept for words the
 * lexicon does not know, and runs at most once per stretch of text per check.
 *
 * compromise/two unpacks and expands its lexicon when it is evaluated (~0.4 s
 * here), which was most of a fresh engine's start-up, yet six posts in seven
 * never ask it anything (a name followed by a lower-case word, or a child's
 * work, is what does). So it loads on the first question, not at import.
 */
let loaded: { nlp: typeof Compromise; lexicon: Record<string, string | string[] | undefined> } | undefined;

function compromise(): NonNullable<typeof loaded> {
  if (!loaded) {
    const nlp = requireCompromise();
    loaded = { nlp, lexicon: (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon };
  }
  return loaded;
}

/** Whether compromise has been loaded in this process: the start-up test asks it. */
export const nlpLoaded = () => loaded !== undefined;

/**
 * Loads compromise now rather than on a check's first question: for a caller with idle time to spend.
 * It also tags one sentence, as tagsOf does: compromise builds its tagger's pattern network on the
 * first tagging (~40 ms), which a fresh page otherwise paid on the keystroke that first needed a tag.
 */
export function loadNlp(): void {
  compromise().nlp('Warm the tagger up before anyone types.').json(TAGS_WITH_OFFSETS);
}

/** What tagsOf asks compromise for: each term's tags and where it sits in the text. */
const TAGS_WITH_OFFSETS = { offset: true, terms: { offset: true } };

function requireCompromise(): typeof Compromise {
  let module: typeof Compromise | { default: typeof Compromise };
  try {
    // Bundles (engine.js, the CLI) turn this call into the lazy start of the compromise they carry.
    module = require('compromise/two') as typeof module;
  } catch (error) {
    // Unbundled ES modules in Node (tsx, vitest) have no `require`: Node's own loads the same package.
    const nodeModule = (globalThis as { process?: { getBuiltinModule?: (id: 'node:module') => typeof import('node:module') } }).process?.getBuiltinModule?.('node:module');
    if (typeof require !== 'undefined' || !nodeModule) throw error;
    module = nodeModule.createRequire(import.meta.url)('compromise/two') as typeof module;
  }
  return 'default' in module ? module.default : module;
}
const NAME_TAGS = new Set(['LastName', 'Person', 'FirstName', 'MaleName', 'FemaleName']);
/** A word the lexicon lists with one tag, a name's. (Words with several tags, a list, are ordinary words to it.) */
const isNameTag = (tag: string | string[]) => typeof tag === 'string' && NAME_TAGS.has(tag);
/**
 * Tokens tagged together: a whole sentence when it is ordinary, fixed slices of
 * a longer one (a pasted list with no full stops), so one tagging call costs
 * the same on any input and a check makes at most one per slice.
 */
export const TAG_WINDOW_TOKENS = 64;
interface PostTags {
  /** Tags by token start, for each window tagged so far (keyed by its first token). */
  byWindow: Map<number, Map<number, readonly string[]>>;
  /** Tags by offset within the window, for each distinct window text tagged so far. */
  byText: Map<string, Map<number, readonly string[]>>;
}
const tagCache = new WeakMap<PostDocument, PostTags>();
let taggingCalls = 0;

/** compromise's tags for a token, by running it once per check on the sentence (or slice of one) around it. */
export function tagsOf(doc: PostDocument, token: Token): readonly string[] {
  let cache = tagCache.get(doc);
  if (!cache) tagCache.set(doc, (cache = { byWindow: new Map(), byText: new Map() }));
  const sentence = doc.sentences[token.sentence]!;
  const first = sentence.first + Math.floor((token.index - sentence.first) / TAG_WINDOW_TOKENS) * TAG_WINDOW_TOKENS;
  let tags = cache.byWindow.get(first);
  if (!tags) {
    const start = doc.tokens[first]!.start;
    const end = doc.tokens[Math.min(sentence.last, first + TAG_WINDOW_TOKENS - 1)]!.end;
    const text = doc.text.slice(start, end);
    // Tagging reads only the window's text, so a window repeated word for word (a list pasted
    // twice, a name typed over and over) is tagged once: tagging is most of a long post's cost.
    let relative = cache.byText.get(text);
    if (!relative) {
      relative = new Map();
      taggingCalls++;
      const terms = compromise().nlp(text).json(TAGS_WITH_OFFSETS) as { terms: { tags: string[]; offset: { start: number; length: number } }[] }[];
      for (const s of terms) for (const term of s.terms) relative.set(term.offset.start, term.tags);
      cache.byText.set(text, relative);
    }
    tags = new Map();
    for (const [offset, termTags] of relative) tags.set(start + offset, termTags);
    cache.byWindow.set(first, tags);
  }
  return tags.get(token.start) ?? [];
}

/** Is this lower-case key an ordinary word compromise knows (not a name)? O(1). */
export function isKnownWord(key: string): boolean {
  const tag = compromise().lexicon[key];
  return tag !== undefined && !isNameTag(tag);
}

/** Whether compromise's lexicon knows the word as a name ("nick", "danny"). */
export function knownAsName(key: string): boolean {
  const tag = compromise().lexicon[key];
  return tag !== undefined && isNameTag(tag);
}

/** How many times compromise has tagged text in this process: the complexity tests count it. */
export const taggingCallCount = () => taggingCalls;

/** "jack grealish": is this lower-case word someone's surname? */
export function looksLikeSurname(doc: PostDocument, token: Token): boolean {
  const known = compromise().lexicon[token.key];
  if (known !== undefined) return isNameTag(known);
  return tagsOf(doc, token).includes('LastName');
}
