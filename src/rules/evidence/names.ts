import type { CheckContext } from '../detector';
import { memoize } from '../detector';
import type { PostDocument, Token } from '../document/document';
import { isKnownWord, knownAsName, looksLikeSurname } from '../document/nlp';
import { childCue, childInSchool, FORMER, notTheColleague, notThePupil, placedElsewhere, personCues, personSetting, wholeNameIsSomeoneElse, type PersonCue, type PostPersonSetting } from '../context/person';
import { compactKey, isTitle, type FirstNameLookup, type Person } from './people';
import { schoolMentions } from './school';
import { correspondentSpans } from '../context/correspondence';
import { boundedTerms, COLLEAGUE_ROLE, COLLEAGUE_ROLE_TERMS, COMMON_SURNAMES, FAMILY_WORDS, OUTSIDE_SCHOOL_TOO, SCHOOL_CONTEXT, termsPattern, WORD_NAME_AS_WORD_BEFORE, WORD_NAMES } from '../vocab';
import * as babyhood from '../vocab/babyhood.json';
import * as colleagueCues from '../vocab/colleague-cues.json';
import * as sickness from '../vocab/sickness.json';
import { sortInPlace } from '../document/sort';

/**
 * Where the post names someone on the school's lists. Full names, title and
 * surname, and handles count wherever they appear; a first name (or surname)
 * alone counts only when the context makes it that person, because the lists
 * are full of names that are also words ("Grace", "Summer", "Will") or belong
 * to celebrities ("Jack Grealish").
 */
export type MentionForm = 'full' | 'title-surname' | 'title-initials' | 'first-initial' | 'handle' | 'first-name' | 'surname';

export interface NameMention {
  person: Person;
  form: MentionForm;
  /** [start, end) in normalized text. */
  start: number;
  end: number;
}

export function nameMentions(ctx: CheckContext): NameMention[] {
  return memoize(ctx, 'names', findNameMentions);
}

/** A first name alone that the person-in-context decision judged: who it could be, and whether it was taken as them. */
export interface NameCandidate {
  person: Person;
  token: number;
  accepted: boolean;
}

/** The first names alone decided in this post (for training and measuring the decision). */
export function nameCandidates(ctx: CheckContext): NameCandidate[] {
  nameMentions(ctx);
  return (ctx.memo.get('name-candidates') as NameCandidate[] | undefined) ?? [];
}

/** The cues around a first name alone, as the rules read them: computed once per token, shared with the learned decision. */
export function nameCues(ctx: CheckContext, t: Token): Set<PersonCue> {
  nameMentions(ctx);
  return (ctx.memo.get('name-cues') as (t: Token) => Set<PersonCue>)(t);
}

/**
 * Whether a mention ends at most `reach` characters before `offset` and passes `test`.
 * A binary search over mentions by end, so asking once per phrase stays linear however
 * many names the post holds ("Amelia off sick" a thousand times).
 */
export function mentionEndingWithin(ctx: CheckContext, offset: number, reach: number, test: (m: NameMention) => boolean): boolean {
  const byEnd = memoize(ctx, 'names-by-end', mentionsByEnd);
  let lo = 0;
  let hi = byEnd.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byEnd[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && offset - byEnd[i]!.end <= reach; i--) if (test(byEnd[i]!)) return true;
  return false;
}

const mentionsByEnd = (ctx: CheckContext) => sortInPlace([...nameMentions(ctx)], (a, b) => a.end - b.end);

function findNameMentions(ctx: CheckContext): NameMention[] {
  const { doc } = ctx;
  const index = ctx.compiled.people;
  const { tokens } = doc;
  const mentions: NameMention[] = [];
  const consumed = new Uint8Array(tokens.length);
  const named = new Set<Person>();
  /** First names the post gives in full to someone off the lists, or to a listed name's namesake ("Sandra Kiely … Sandra, you were …"), or to someone from a former workplace ("my former colleague Lorna … Lorna"). */
  const outsiders = new Set<string>();

  const aboutSchool = SCHOOL_CONTEXT.test(doc.lower) || schoolMentions(ctx).length > 0;
  // "Owen Byrne wrote: >", "From: Owen Byrne <…>": the writer of quoted e-mail, an adult correspondent.
  const correspondence = correspondentSpans(doc);
  const correspondent = (t: Token) => correspondence.length > 0 && correspondence[t.start] === 1 && correspondence[t.end - 1] === 1;
  // The post's school and private-life words, counted once when a name first needs them.
  let setting: PostPersonSetting | undefined;
  const postSetting = () => (setting ??= personSetting(doc, schoolMentions(ctx).length));
  // 1. Name sequences: "Grace Hetherington", "Mrs Okafor", "Dr N-P", across line breaks.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const candidates = index.sequences.get(t.key);
    if (!candidates) continue;
    let best: { last: number; found: NameMention[] } | null = null;
    for (const seq of candidates) {
      const last = matchSequence(tokens, i, seq.keys);
      if (last < 0 || correspondent(t)) continue;
      // "Mr H", "Grace H" need the capitals that make them a name.
      // "mrs brocklehurst" typed all in lower case is still the colleague, when the surname is no ordinary word ("mr brown", "miss may").
      if (seq.form !== 'full' && !tokens[last]!.capitalized && !(seq.form === 'title-surname' && lowerCaseSurnameIsName(tokens[last]!.key))) continue;
      if (seq.form === 'first-initial' && !firstInitialIsName(tokens, i, last)) continue;
      // "Mr Smith at the garage": a title and a common surname is a colleague only in a post about school or work.
      if (seq.form === 'title-surname' && seq.person.kind === 'staff' && COMMON_SURNAMES.has(seq.person.surname) && !aboutSchool && !WORK_SENTENCE.test(doc.lower)) continue;
      if (seq.form === 'full' && !plausibleFullName(tokens, i, last)) continue;
      // "our neighbour Mrs Pattinson", "my mate Tommy Robson": named as someone else.
      // "my wife, Dr Faith Adebayo", "Mr Brophy the farrier", "Oliver Tate … on Film4": an adult, a tradesperson or a character.
      // Whether school is in sight is the cues' question (context/person.ts): a leisure class ("from my Pilates class") is no school word.
      if (familyWordJustBefore(tokens, i) || someoneElseByWholeName(doc, t, tokens[last]!, seq.person, seq.form, aboutSchool, postSetting)) {
        if (seq.form === 'full') outsiders.add(t.key);
        continue;
      }
      const mention: NameMention = { person: seq.person, form: seq.form, start: t.start, end: tokens[last]!.end };
      if (!best || last > best.last) best = { last, found: [mention] };
      else if (last === best.last) best.found.push(mention);
    }
    if (best) {
      for (const m of best.found) {
        mentions.push(m);
        named.add(m.person);
      }
      for (let k = i; k <= best.last; k++) consumed[k] = 1;
      i = best.last;
    }
  }

  // 2. Handles and hashtags: "@GraceHetherington", "#MrsOkafor".
  for (const t of tokens) {
    if (t.kind !== 'handle' && t.kind !== 'hashtag') continue;
    const handle = t.text.slice(1);
    // "@kayleighwardle_x", "@gracehetherington92": a name with the kisses or digits people add to a taken handle.
    const people = index.compact.get(compactKey(handle)) ?? index.compact.get(compactKey(handle.replace(HANDLE_SUFFIX, '')));
    for (const person of people ?? []) {
      mentions.push({ person, form: 'handle', start: t.start, end: t.end });
      named.add(person);
    }
  }

  // 3. First names alone, and distinctive staff surnames, where context says who.
  let aboutWork: boolean | undefined;
  let schoolWork: boolean | undefined;
  let callingInSick: boolean | undefined;
  const cuesByToken = new Map<number, Set<PersonCue>>();
  const postContext: PostContext = {
    school: aboutSchool,
    anyoneNamed: named.size > 0,
    aboutWork: () => (aboutWork ??= postAboutWork(doc.lower)),
    schoolWork: () => (schoolWork ??= schoolMentions(ctx).length > 0 || SCHOOL_ROLE.test(doc.lower) || COLLEAGUE_WORK.test(doc.lower)),
    callingInSick: () => (callingInSick ??= CALLING_IN_SICK.test(doc.lower)),
    setting: postSetting,
    outsiders,
    cues(t) {
      let cues = cuesByToken.get(t.index);
      if (!cues) cuesByToken.set(t.index, (cues = personCues(doc, t, postContext.setting())));
      return cues;
    },
  };
  ctx.memo.set('name-cues', postContext.cues);
  for (const t of tokens) if (t.kind === 'word' && !consumed[t.index] && index.firstNames.has(t.key) && surnameNotListed(doc, t, index.firstNames)) outsiders.add(t.key);
  const chains = pupilChains(doc, index.firstNames, aboutSchool);
  const candidates: NameCandidate[] = [];
  ctx.memo.set('name-candidates', candidates);
  for (const t of tokens) {
    if (t.kind !== 'word' || consumed[t.index] || correspondent(t)) continue;
    const people = index.firstNames.get(t.key);
    if (people) {
      let colleagueTaken = false;
      for (const kind of COLLEAGUE_FIRST) {
        // The first listed person of this kind, and the first already named in full: without a filtered list per name.
        let listed: Person | undefined;
        let coreferent: Person | undefined;
        for (const p of people) {
          if (p.kind !== kind) continue;
          listed ??= p;
          if (named.has(p)) {
            coreferent = p;
            break;
          }
        }
        if (!listed) continue;
        if (coreferent) {
          mentions.push({ person: coreferent, form: 'first-name', start: t.start, end: t.end });
          continue;
        }
        // The namesake the post introduced by full name, unless this mention is placed in a class.
        if (outsiders.has(t.key) && !placedInClass(doc, t)) continue;
        if (readAsWord(doc, t) || namesSomeoneElse(doc, t, index.firstNames, kind === 'staff' && ourColleague(doc, t, postContext))) continue;
        // A first name shared by a listed colleague and a listed pupil, read as the colleague: the pupil too only where the words around it make it a child.
        const accepted = kind === 'pupil' ? pupilDecision(doc, t, postContext, chains) && (!colleagueTaken || childCue(postContext.cues(t))) : colleagueDecision(doc, t, postContext);
        if (kind === 'staff' && accepted) colleagueTaken = true;
        candidates.push({ person: listed, token: t.index, accepted });
        // Last, because it may need compromise: "jack grealish" typed in lower case is still someone else.
        if (accepted && !surnameFollows(doc, t)) mentions.push({ person: listed, form: 'first-name', start: t.start, end: t.end });
      }
    }
    const staffBySurname = index.staffSurnames.get(t.key);
    // A surname alone is the colleague's only where nothing places it elsewhere ("Nurse Quayle at Macclesfield General",
    // "Coach Drinkwater at Crosby Juniors"), as for a first name.
    if (staffBySurname?.length && nameCased(doc, t) && distinctiveSurnameInWorkContext(doc, t, postContext) && !notTheColleague(postContext.cues(t))) {
      mentions.push({ person: staffBySurname[0]!, form: 'surname', start: t.start, end: t.end });
    }
  }
  return sortInPlace(mentions, (a, b) => a.start - b.start);
}

/** What people add to a handle that was taken: kisses, digits, separated or not ("_x", "92", ".xx"). */
const HANDLE_SUFFIX = /(?:[._]?(?:x{1,3}|\d{1,4}))+$/iu;

/** Colleague first, so the pupil reading of a shared first name knows whether the colleague's was taken. */
const COLLEAGUE_FIRST = ['staff', 'pupil'] as const;

/** "our neighbour Mrs Pattinson", "my mate Tommy Robson": a family word one or two words before, in the same sentence. */
function familyWordJustBefore(tokens: Token[], i: number): boolean {
  for (let step = 1; step <= 2; step++) {
    const before = tokens[i - step];
    if (FAMILY_WORDS.has(before?.key ?? '') && before!.sentence === tokens[i]!.sentence) return true;
  }
  return false;
}

interface PostContext {
  school: boolean;
  anyoneNamed: boolean;
  /** Work words anywhere in the post: asked per name, scanned once. */
  aboutWork(): boolean;
  /** The school named, a school job title or school work words anywhere in the post: scanned once. */
  schoolWork(): boolean;
  /** A way of calling in sick anywhere in the post: scanned once. */
  callingInSick(): boolean;
  /** School and private-life words, for the person-in-context cues: counted once, when a first name needs them. */
  setting(): PostPersonSetting;
  /** The cues around a first name: read once per token, though a name may be both a pupil's and a colleague's. */
  cues(t: Token): Set<PersonCue>;
  /** First names the post gave to someone else: in full, or as from a former workplace ("my former colleague Lorna"). */
  outsiders: Set<string>;
}

/**
 * The person-in-context decision for a first name alone that could be a listed pupil: the rules'
 * reading of the words right around it, then the wider context (context/person.ts). An adult of the
 * author's life, their own child, or someone from a leisure group is not the pupil; a child placed
 * in school by the sentence ("Honey had the best day in the sensory room") is.
 */
function pupilDecision(doc: PostDocument, t: Token, post: PostContext, chains: PupilChains): boolean {
  const byRules = pupilContext(doc, t, post, chains);
  const cues = post.cues(t);
  if (byRules) return !notThePupil(cues);
  // A name, capitalised, in a sentence that places a child in school. A name that is also a word must
  // also do or say something as only a person does ("Daisy used her talker"; "Summer came early" is the season).
  return t.capitalized && (!WORD_NAMES.has(t.key) || actsAsPerson(doc, t)) && childInSchool(cues) && !notThePupil(cues);
}

/** The same for a colleague: a name accepted only because the post is about school or work is not one when the words around it place it elsewhere. */
function colleagueDecision(doc: PostDocument, t: Token, post: PostContext): boolean {
  const byRules = colleagueContext(doc, t, post);
  if (byRules === null) return false;
  // Named as from a former workplace: this name, wherever it comes again in the post, is that person.
  if (byRules === 'former') {
    post.outsiders.add(t.key);
    return false;
  }
  // A role word is a colleague's by default ("the nurse, Janice"), not where the name sits in a hospital or on a ward.
  if (byRules === 'by-cue') return !placedElsewhere(post.cues(t));
  return !notTheColleague(post.cues(t));
}

/** A whole name (a pupil's full name, a colleague's title and surname) that the words around it make someone else. */
function someoneElseByWholeName(doc: PostDocument, first: Token, last: Token, person: Person, form: MentionForm, aboutSchool: boolean, postSetting: () => PostPersonSetting): boolean {
  if (form !== 'full' && form !== 'title-surname') return false;
  return wholeNameIsSomeoneElse(doc, first, last, person.kind, aboutSchool, postSetting);
}

/**
 * Index of the last token of `keys` matched from token i (skipping "." after titles), or -1. The last word of a
 * whole name may carry a possessive typed without its apostrophe ("rose penfolds coat", "Mrs Okafors class").
 */
function matchSequence(tokens: Token[], i: number, keys: string[]): number {
  let at = i;
  for (let k = 0; k < keys.length; k++) {
    const t = tokens[at];
    if (!t || (t.key !== keys[k] && !(k > 0 && k === keys.length - 1 && t.key.length === keys[k]!.length + 1 && t.key === `${keys[k]}s`))) return -1;
    if (k < keys.length - 1 && t.possessive) return -1;
    if (k === keys.length - 1) return at;
    at++;
    if (tokens[at]?.text === '.' && isTitle(t.key)) at++;
  }
  return -1;
}

/** "George W. De Long", "Thomas J. Baker": a particle or a common surname after the initial continues the name. */
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'di', 'da', 'van', 'von', 'der', 'den', 'le', 'la', 'du', 'st', 'mac', 'mc', 'ben', 'bin', 'al', 'el']);

/**
 * Capitalised, or in a post typed with no capitals at all, a word that is no ordinary word: "lorna says
 * there's no money" is Lorna. Words that are also names ("will", "mark") still need their capital. For
 * colleagues only: pupils' first names in caseless posts raised half again as many false pupils on the
 * development sets and found none the rules missed.
 */
function nameCased(doc: PostDocument, t: Token): boolean {
  return t.capitalized || (doc.caseless && !WORD_NAMES.has(t.key) && !isKnownWord(t.key));
}

/** "Grace H" but not "Jack O'Connell" typed as "Jack O" mid-word, nor "Max I think": a lone capital that is a pronoun or a word. */
function firstInitialIsName(tokens: Token[], first: number, last: number): boolean {
  const initial = tokens[last]!;
  if (initial.key.length !== 1 || initial.key === 'i' || initial.key === 'a' || !initial.capitalized) return false;
  // "George W. Bush", "John F Kennedy": a middle initial, the surname still to come.
  // After "W." a new sentence may begin ("Grace H. Brilliant effort"), so there the word must be one the lexicon does not know.
  const dotted = tokens[last + 1]?.text === '.';
  const after = dotted ? tokens[last + 2] : tokens[last + 1];
  if (after && after.kind === 'word' && after.capitalized && !after.afterLineBreak && (!dotted || !isKnownWord(after.key) || COMMON_SURNAMES.has(after.key) || NAME_PARTICLES.has(after.key))) return false;
  return tokens[first]!.capitalized || tokens[first]!.sentenceStart;
}

function lowerCaseSurnameIsName(key: string): boolean {
  return key.length > 2 && !WORD_NAMES.has(key) && !isKnownWord(key) && !key.split('-').some((part) => isKnownWord(part));
}

/** Full names count in any case, except where every word is also an ordinary word ("will rush" in lower case). */
function plausibleFullName(tokens: Token[], first: number, last: number): boolean {
  const span = tokens.slice(first, last + 1).filter((t) => t.kind === 'word');
  return span.some((t) => t.capitalized) || !span.every((t) => WORD_NAMES.has(t.key));
}

const prevToken = (doc: PostDocument, t: Token, step = 1) => doc.tokens[t.index - step];
const nextToken = (doc: PostDocument, t: Token, step = 1) => doc.tokens[t.index + step];
const adjacent = (a: Token | undefined, b: Token | undefined) => !!a && !!b && !b.afterLineBreak && a.sentence === b.sentence;

function surnameFollows(doc: PostDocument, t: Token): boolean {
  const next = nextToken(doc, t);
  return adjacent(t, next) && next!.kind === 'word' && !next!.capitalized && looksLikeSurname(doc, next!);
}

/** Words that may stand, capitalised, right before a name without making a longer proper noun. */
const LEAD_INS = new Set(['little', 'tiny', 'wee', 'young', 'congratulations', 'congrats', 'well', 'done', 'thanks', 'thank', 'cheers', 'go', 'happy', 'poor', 'dear', 'hi', 'hello', 'bless', 'proud', 'love', 'and', 'but', 'so', 'when', 'if', 'today', 'yesterday', 'also', 'finally', 'huge', 'big', 'massive', 'brilliant', 'wow', 'oh', 'yes', 'ps', 'because', 'then', 'sweet', 'lovely', 'clever', 'star', 'shout', 'out', 'to', 'told', 'texted', 'asked', 'with', 'from', 'for', 'sorry', ...colleagueCues.leadIns]);
const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'any', 'no', 'every', 'each']);
/** Capitalised words that may follow a first name without making it someone else's full name. */
const FOLLOWERS = new Set(['i', 'year', 'class', 'reception', 'miss', 'sir']);

/** A name that is also a word, opening a sentence as the word: "Hope you all had a lovely Eid", "Will we see you there?". */
function readAsWord(doc: PostDocument, t: Token): boolean {
  return t.sentenceStart && WORD_NAMES.has(t.key) && WORD_NAME_AS_WORD_BEFORE.has(nextToken(doc, t)?.key ?? '');
}

/**
 * "Our Margaret … 27 years of dinners at Weardale Valley", "Our Priscilla … the best business manager":
 * in British usage "our" before a name is family or a close colleague; a colleague when the post names
 * the school or a school job title, or holds school work words.
 */
function ourColleague(doc: PostDocument, t: Token, post: PostContext): boolean {
  const prev = prevToken(doc, t);
  return adjacent(prev, t) && prev!.key === 'our' && post.schoolWork();
}

/**
 * "Sandra Kiely": a first name and a capitalised word that is no first name, read as a full name that is not on the
 * lists. Not after a possessive: "Reuben's EHCP", "Amelia's PE kit" name the child, not a Reuben EHCP.
 */
function surnameNotListed(doc: PostDocument, t: Token, firstNames: FirstNameLookup): boolean {
  const next = nextToken(doc, t);
  return !t.possessive && adjacent(t, next) && next!.kind === 'word' && next!.capitalized && !next!.sentenceStart && !FOLLOWERS.has(next!.key) && !/^i'/u.test(next!.key) && !firstNames.has(next!.key);
}

/** "Amelia in my class", "Year 4's Amelia": a first name the words right around it put in a class. */
function placedInClass(doc: PostDocument, t: Token): boolean {
  return PUPIL_AFTER.test(doc.lower.slice(t.end, t.end + 60)) || PUPIL_BEFORE.test(doc.lower.slice(Math.max(0, t.start - 30), t.start));
}

/**
 * "Jack Grealish", "Amazing Grace", "the Chase", "my niece Daisy", "Angel of the North": a name, but not our person.
 * `ourAtWork`: a colleague's name in a post at work, where "our" before it does not make it family.
 */
function namesSomeoneElse(doc: PostDocument, t: Token, firstNames: FirstNameLookup, ourAtWork = false): boolean {
  const prev = prevToken(doc, t);
  if (surnameNotListed(doc, t, firstNames)) return true;
  const next = nextToken(doc, t);
  if (adjacent(t, next) && next!.key === 'of' && nextToken(doc, t, 2)?.capitalized) return true;
  if (adjacent(prev, t) && prev!.kind === 'word') {
    if (ARTICLES.has(prev!.key)) return true;
    // "Our Shona from work": "our" and "my" are read below, capitalised or not.
    if (prev!.capitalized && !LEAD_INS.has(prev!.key) && prev!.key !== 'our' && prev!.key !== 'my' && !isTitle(prev!.key) && !firstNames.has(prev!.key) && !roleNearby(prev!.key)) return true;
  }
  // "Ottilie here.", "… thanks, Ottilie": the author signing in or off.
  if (/^\s*(?:here|speaking)\b/u.test(doc.lower.slice(t.end, t.end + 12))) return true;
  // A signature, not a vocative: after a line break or dash, or "love," / "x" — "deserved, Ottilie!" addresses a colleague.
  if (t.index >= doc.tokens.length - 2 && /(?:\n|[–—-]|\bx|\blove,?)\s*$/u.test(doc.lower.slice(Math.max(0, t.start - 10), t.start))) return true;
  // "Our little Grace took her first steps", "little Ruby's christening": a baby or toddler is family, too young to be a pupil.
  if (adjacent(prev, t) && prev!.key === 'little' && BABYHOOD.test(doc.lower)) return true;
  // "Our Max turned 7", "My Scarlett's first badge": in British usage, family — unless work or class follows.
  if (adjacent(prev, t) && (prev!.key === 'our' || prev!.key === 'my') && !ourAtWork) {
    const after = doc.lower.slice(t.end, t.end + 40);
    if (!COLLEAGUE_AFTER.test(after) && !COLLEAGUE_PLACE_AFTER.test(after) && !CLASS_RIGHT_AFTER.test(after)) return true;
  }
  for (let step = 1; step <= 2; step++) {
    const before = prevToken(doc, t, step);
    if (before && before.sentence === t.sentence && FAMILY_WORDS.has(before.key) && prevToken(doc, before)?.key !== 'work') return true;
  }
  // "Max (my nephew)", "Daisy, my niece"
  const after = doc.lower.slice(t.end, t.end + 24);
  if (/^[\s,(]*(?:my|our|his|her)\s+(\p{L}+)/u.test(after)) {
    const word = /^[\s,(]*(?:my|our|his|her)\s+(\p{L}+)/u.exec(after)![1]!;
    if (FAMILY_WORDS.has(word)) return true;
  }
  return false;
}

const BABYHOOD = boundedTerms(babyhood.terms, 'u');
const CLASS_RIGHT_AFTER = /^\s+(?:in|from) (?:my |our )?(?:year ?\d{1,2}|y ?\d{1,2}|yr ?\d{1,2}|class ?\d{1,2}|\d{1,2}(?!st|nd|rd|th)[a-z]{1,2}\d?|[\p{L}]+ class)(?![\p{L}\p{N}])/u;
/** Words before a name that make it a child in school: "little Jayden", "Year 3 star Ivy", "one of our girls, Lily". */
const PUPIL_BEFORE = /(?<![\p{L}])(?:little|young|pupil|student|tutee|superstar|star of the week|y(?:ea)?r\s?\d+|class\s?\d+|from class \d+|one of (?:our|my) (?:girls|boys|kids|children|pupils|students|lads|lasses)|one of (?:mine|ours))[\s,!:]*$/u;
/** Words before a name that fit a friend as well as a pupil ("happy birthday Grace", "well done Amelia"): a pupil only in a post about school. */
const FRIEND_OR_PUPIL_BEFORE = /(?<![\p{L}])(?:my lovely|our lovely|my brilliant|well done(?: to)?|congrat\w*(?: to)?|shout ?out(?: to)?|proud of|happy birthday(?: to)?|our|my)[\s,!:]*$/u;
const PUPIL_AFTER = /^(?:'s)?[\s,]*(?:\(?(?:in|from) (?:my |our )?(?:year ?\d{1,2}|y ?\d{1,2}|yr ?\d{1,2}|class ?\d{1,2}|\d{1,2}(?!st|nd|rd|th)[a-z]{1,2}\d?|[\p{L}]+ class|reception|nursery|set ?\d)(?![\p{L}\p{N}])|\(?(?:in|from) (?:my|our|the) (?:class|form|tutor group|group|set|year|reading group|maths group|phonics group)|\(?(?:in|from) \d{1,2}[a-z]\b|\(\d{1,2}[a-z]\)|(?:is|was|has been) in (?:my|our) (?:class|form|group|set)|\(?(?:in|from) (?:year|y|yr|class|reception)\b|\(?(?:year|y|yr|class)\s?\d)/u;
/** What someone did or said ("Grace said…", "Jack won…"): a friend as well as a pupil, so a pupil only in a post about school. */
const ACTION_AFTER = /^(?:'s)?[\s,]*(?:(?:has|had|did|got|read|made|wrote|brought|used|walked) (?:his|her) |got (?:\d|full marks|her|his)|scored|'s (?:reading|writing|work|homework|spellings|behaviour|mum|mam|dad|parents|family|excuse|portrait|story|poem|drawing|painting|project|den|bird box|art)|(?:and (?:i|me) )?(?:read|wrote|drew|painted|built|made (?:me|us)|asked me|told me|said|won|ran|sang|played|did|walked|kicked|threw|bit|hit|punched|finished|learned|learnt|managed|behaved|has (?:been|asked|told|bitten|decided|kicked)|was (?:brilliant|amazing|a star|fantastic|superb|great|naughty|awful|a nightmare|excluded|moved|collected)|had \d|planted|led|nailed|absolutely|just (?:read|got|wrote|did|scored)|found|held(?! (?:on|off|out|up|back|firm))|announced|shouted|cried|laughed|giggled|danced|hugged|helped|showed|explained|forgot|remembered|refused|came in (?:as|dressed|wearing)|dressed up|turned up)|'s (?:[\p{L}'’]+ ){0,2}(?:speech|performance|presentation|costume|solo|monologue|lines))/u;

/** The words right after a name, within its sentence: where a class, an action or a job given to it is read. */
const afterInSentence = (doc: PostDocument, t: Token) => doc.lower.slice(t.end, Math.min(doc.sentences[t.sentence]!.end, t.end + 48));

/** Schoolwork someone owns, with up to three words between: "Miles' Year 11 art portfolio", "Hope's GCSE coursework". */
const OWNS_WORK_AFTER = /^(?:'s|’s|'|’)?\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}?(?:homework|coursework|portfolio|project|essay|artwork|painting|drawing|poem|spellings|reading book|report card|mock|mocks|exam results|test results|grades)(?![\p{L}])/u;

const actsAsPerson = (doc: PostDocument, t: Token) => {
  const after = afterInSentence(doc, t);
  return ACTION_AFTER.test(after) || (t.possessive && OWNS_WORK_AFTER.test(after));
};

function pupilContext(doc: PostDocument, t: Token, post: PostContext, chains: PupilChains): boolean {
  const after = afterInSentence(doc, t);
  // A cue on any name of a coordinated list covers the list: "Faith, Ivy and Hazel from my Year 10 form".
  const strongCue = chains.strongCue(t.index);
  const paired = chains.paired(t.index);
  if (WORD_NAMES.has(t.key)) {
    // In lower case only with a class right after it: "bill in year 4", "melody in 7k".
    if (!t.capitalized) return CLASS_RIGHT_AFTER.test(after);
    return strongCue || (paired && (post.school || post.anyoneNamed));
  }
  if (strongCue) return true;
  return (t.capitalized || paired) && (post.school || post.anyoneNamed);
}

const isJoiner = (x: Token | undefined) => !!x && (x.key === 'and' || x.text === '&' || x.text === ',');

interface PupilChains {
  /** A pupil cue on this name or on any name coordinated with it. */
  strongCue(index: number): boolean;
  /** Coordinated with at least one other listed pupil's first name. */
  paired(index: number): boolean;
}

/**
 * Coordinated lists of listed pupils' first names ("Faith, Ivy and Hazel").
 * Each list is walked once per post, not once per name in it: a class list
 * of 300 names was 300 walks of 300.
 */
function pupilChains(doc: PostDocument, firstNames: FirstNameLookup, aboutSchool: boolean): PupilChains {
  const { tokens } = doc;
  const isPupilName = (x: Token | undefined) => !!x && x.kind === 'word' && x.capitalized && !!firstNames.get(x.key)?.some((p) => p.kind === 'pupil');
  const following = (i: number) => {
    if (!isJoiner(tokens[i + 1])) return -1;
    const at = i + (tokens[i + 2]?.key === 'and' ? 3 : 2);
    return isPupilName(tokens[at]) ? at : -1;
  };
  const preceding = (i: number) => {
    if (!isJoiner(tokens[i - 1])) return -1;
    const at = i - (tokens[i - 2]?.text === ',' ? 3 : 2);
    return isPupilName(tokens[at]) ? at : -1;
  };
  // 0 unknown, 1 no, 2 yes.
  const cueAt = new Uint8Array(tokens.length);
  const cue = (i: number) => {
    if (!cueAt[i]) {
      const n = tokens[i]!;
      const s = doc.sentences[n.sentence]!;
      const before = doc.lower.slice(Math.max(s.start, n.start - 40), n.start);
      const after = afterInSentence(doc, n);
      // "Well done Amelia", "Jack won…" fit a friend as well as a pupil: a cue only in a post about school.
      const found = PUPIL_BEFORE.test(before) || PUPIL_AFTER.test(after) || (aboutSchool && (FRIEND_OR_PUPIL_BEFORE.test(before) || ACTION_AFTER.test(after)));
      cueAt[i] = found ? 2 : 1;
    }
    return cueAt[i] === 2;
  };
  /** Whether any name from i onward in `step`'s direction carries a cue, remembered for every name walked. */
  const walker = (step: (i: number) => number) => {
    const memo = new Uint8Array(tokens.length);
    return (start: number): boolean => {
      const path: number[] = [];
      let found = false;
      for (let i = start; i >= 0; i = step(i)) {
        if (memo[i]) {
          found = memo[i] === 2;
          break;
        }
        path.push(i);
        if (cue(i)) {
          found = true;
          break;
        }
      }
      for (const i of path) memo[i] = found ? 2 : 1;
      return found;
    };
  };
  const cueFollowing = walker(following);
  const cuePreceding = walker(preceding);
  return {
    strongCue: (i) => cueFollowing(i) || cuePreceding(i),
    paired: (i) => following(i) >= 0 || preceding(i) >= 0,
  };
}

const COLLEAGUE_AFTER = /^(?:'s)?[\s,(]*(?:from work|from school|at work|(?:(?:the|our|my|lovely|my lovely|(?:from|in) (?:the|our|my)|in|from)\s+)?(?:lovely\s+)?(?:office|exams office|staffroom|kitchen|hr|it|trust|transport|finance|admin|reception|site team|catering|pastoral|sen team|science|maths|english)\b)/u;
const COLLEAGUE_VERB_BEFORE = /(?:told|texted|rang|phoned|called|emailed|messaged|asked|cheers to|thanks to|thank you to|shout ?out to|covering for|covered for)\s+$/u;
const WORK_SENTENCE = /\b(?:meeting|briefing|staffroom|governors?|slt|inset|duty|duties|department|covering|cover|timetable|capability|grievance|tas?|office|colleagues?|appraisal|observation|my class|our class|suspended|investigation|signed off|disciplinary|restructure|minibus|therapy|our head|the head|budget|redundanc\w*|lesson|sensory room|classroom)\b/u;
let toldIllAfter: RegExp | undefined;
/**
 * "Told Rupert I've got norovirus", "Told Harpreet first thing I'd a tummy bug", "told priscilla im off w norovirus": who you
 * tell you are ill is your line manager. The illnesses are the sickness vocabulary's; a few words may come between. Made the
 * first time a name follows "told" or "rang": the illness list makes it long, and most posts never ask.
 */
const toldIll = () =>
  (toldIllAfter ??= new RegExp(
    `^[\\s,]*(?:[\\p{L}]+ ){0,3}?(?:that )?i(?:'d|'ve|'m|m| had| have| was| am)?\\s+(?:got |had |been |off w(?:ith|/)? |off with )?(?:a |an |the |my |this )?['‘"“]?(?:${termsPattern(sickness.illness)})(?![\\p{L}])`,
    'u',
  ));

/** A place or team at school right after the name: "Bryony in exams", "Margaret from dinners", "Fiona from family support". */
const COLLEAGUE_PLACE_AFTER = new RegExp(`^(?:'s)?[\\s,(]*(?:in|from|on|at) (?:the |our )?(?:${termsPattern(colleagueCues.places)})(?![\\p{L}\\p{N}])`, 'u');
const COLLEAGUE_WORK = boundedTerms(colleagueCues.workWords, 'u');
/** A school job title that has no everyday life outside school ("exams officer", "HLTA", "deputy head"); "head" alone is also a body part. */
const SCHOOL_ROLE = boundedTerms(COLLEAGUE_ROLE_TERMS.filter((r) => r !== 'head' && !OUTSIDE_SCHOOL_TOO.has(r)), 'u');
const CALLING_IN_SICK = boundedTerms(colleagueCues.callingInSick, 'u');
/** Who the author rings, texts or must not tell when calling in sick. */
const SICK_CALL_BEFORE = /(?:told|texted|rang|phoned|called|messaged|emailed|tell|sorry,?)\s+$/u;
const ASKS_AFTER = /^\s+asks\b/u;

/** Work words or a school job title anywhere in the post (a sick call alone is not: "threw a sickie and me and Tony…"). */
function postAboutWork(lower: string): boolean {
  return WORK_SENTENCE.test(lower) || COLLEAGUE_WORK.test(lower) || SCHOOL_ROLE.test(lower);
}

/** Whether a first name is a colleague: by a cue beside it ("Derek the caretaker"), only by the post's setting, or not at all. */
function colleagueContext(doc: PostDocument, t: Token, post: PostContext): 'by-cue' | 'by-setting' | 'former' | null {
  const sentence = doc.sentences[t.sentence]!;
  const before = doc.lower.slice(Math.max(sentence.start, t.start - 40), t.start);
  const after = doc.lower.slice(t.end, Math.min(sentence.end, t.end + 40));
  const nearBefore = before.slice(-24);
  const nearAfter = after.slice(0, 28);
  const role = roleNearbyTerm(nearBefore) ?? roleNearbyTerm(nearAfter);
  // "The nurse, Janice" on a hospital visit: a role with a life outside school names a colleague only in a post about
  // school, or as "our nurse" / "my TA", the author's own workplace.
  if (role !== null) {
    // "my former colleague Lorna", "ex-colleague Rupert from my bank days": someone from a workplace the author has left.
    if (formerRole(role).test(nearBefore)) return 'former';
    return OUTSIDE_SCHOOL_TOO.has(role) && !post.school && !post.anyoneNamed && !ownRole(role).test(`${nearBefore} ${nearAfter}`) ? null : 'by-cue';
  }
  if (COLLEAGUE_AFTER.test(after) || COLLEAGUE_PLACE_AFTER.test(after)) return 'by-cue';
  if (COLLEAGUE_VERB_BEFORE.test(before) && toldIll().test(after)) return 'by-cue';
  // "Rang Janice at 7 in my best croaky voice", "Pulled a sickie … don't tell Beverley", "If Lorna asks I've got a tummy bug".
  if ((SICK_CALL_BEFORE.test(before) || ASKS_AFTER.test(after)) && post.callingInSick()) return 'by-cue';
  if (COLLEAGUE_VERB_BEFORE.test(before) && (post.school || post.aboutWork())) return 'by-setting';
  if (WORD_NAMES.has(t.key) || !nameCased(doc, t)) return null;
  // A name that is not also a word, in a post about work or naming the school ("Poor Jolene… capability proceedings").
  return post.aboutWork() || post.school ? 'by-setting' : null;
}

/** "former colleague", "ex-colleague", "my old boss": a role at a workplace the author has left, right before the name. */
const FORMER_ROLE = new Map<string, RegExp>();
function formerRole(role: string): RegExp {
  let pattern = FORMER_ROLE.get(role);
  if (!pattern) FORMER_ROLE.set(role, (pattern = new RegExp(`${FORMER}${termsPattern([role])}[\\s,]*$`, 'u')));
  return pattern;
}

/** "our nurse", "my TA": the author's own colleague by role; one pattern per role, made the first time it is asked for. */
const OWN_ROLE = new Map<string, RegExp>();
function ownRole(role: string): RegExp {
  let pattern = OWN_ROLE.get(role);
  if (!pattern) OWN_ROLE.set(role, (pattern = new RegExp(`(?<![\\p{L}])(?:our|my)\\s+(?:[\\p{L}'-]+\\s+)?${termsPattern([role])}(?![\\p{L}])`, 'u')));
  return pattern;
}

/** The colleague role in the window ("the caretaker", "my TA", "work wife", "new deputy"), or null. */
function roleNearbyTerm(window: string): string | null {
  const m = COLLEAGUE_ROLE.exec(window);
  if (!m) return null;
  // "head" also means a body part and a verb; only count it with a determiner.
  if (m[0] === 'head' && !/(?:the|our|my|new)\s+head\b/u.test(window)) return null;
  return m[0].replace(/[\s-]+/gu, ' ');
}

const roleNearby = (window: string) => roleNearbyTerm(window) !== null;

/** "Halloran-Pike gave a speech", "new deputy Castellanos": a surname alone, only where it is plainly the colleague. */
function distinctiveSurnameInWorkContext(doc: PostDocument, t: Token, post: Pick<PostContext, 'school' | 'setting'>): boolean {
  const next = nextToken(doc, t);
  if (adjacent(t, next) && next!.kind === 'word' && next!.capitalized) return false;
  const prev = prevToken(doc, t);
  // Someone's whole name or a title ("Nick Clegg", "Mr Heslop at the garage"), even at a sentence's start.
  if (adjacent(prev, t) && prev!.capitalized && !roleNearby(prev!.key) && (!prev!.sentenceStart || isTitle(prev!.key) || knownAsName(prev!.key))) return false;
  if (WORD_NAMES.has(t.key)) return false;
  const before = doc.lower.slice(Math.max(0, t.start - 24), t.start);
  if (roleNearby(before)) return true;
  // In a post about school, a surname no one would take for another: double-barrelled ("Halloran-Pike"), or neither
  // one of the commonest GB surnames nor an English word ("Achterberg", "Thistlewood"; not "Smith", "Marsh", "Bird").
  // About school: its words or name, or a colleague by role anywhere in it ("Castellanos wants every report rewritten. Our deputy…").
  const setting = post.setting();
  const aboutSchool = post.school || (setting.school > 0 && !setting.sharedWordsOnly);
  // A double-barrelled surname on the staff list is the colleague unless the post is plainly about private life or another place.
  if (t.key.includes('-')) return aboutSchool || (setting.private === 0 && !setting.adultLife && !setting.screen && !setting.trade && !setting.otherSchool);
  return aboutSchool && !COMMON_SURNAMES.has(t.key) && !isKnownWord(t.key);
}
