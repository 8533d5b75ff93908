import type { PostDocument, Token } from '../document/document';
import { mayMatchIn } from '../document/window-precheck';
import { boundedTerms, COLLEAGUE_ROLE, FAMILY_WORDS, OUTSIDE_SCHOOL_TOO, SCHOOL_CONTEXT, termsPattern, WORD_NAMES } from '../vocab';
import * as adultsElsewhere from '../vocab/adults-elsewhere.json';
import * as cues from '../vocab/person-cues.json';
import * as privateLife from '../vocab/private-life.json';
import { allMatches } from '../document/matches';

/**
 * Who a first name on the school's lists is, read from the words around it:
 * a child in school ("Tiny Kai in Class 1", "Hunter's mam at parents' evening",
 * "my Year 9s"), an adult in the author's own life ("Libby's hen do", "Arjun &
 * Priya on your baby boy", "Happy 40th Grace"), the author's own child ("Isla's
 * school assembly"), or someone from another setting ("Orla from Pilates").
 *
 * Each cue is a named feature, so the rules in names.ts and the learned
 * person-in-context model (scripts/train.ts) read the same evidence. Nothing here
 * depends on which names matched: it runs before the names are decided.
 */
export type PersonCue =
  | 'child:class' // a year group or class in the sentence: "Year 9", "Class 1", "in my class"
  | 'child:age' // an age under 18: "turned 16", "aged 7", "12 today"
  | 'child:little' // "little", "tiny", "young" right before the name
  | 'child:school-life' // a part of a child's school day in the sentence: "show and tell", "EHCP", "sticker"
  | 'child:parent' // the name's parent or carer: "Hunter's mam", "Teddy's dad"
  | 'adult:age' // an adult's age or birthday: "Happy 40th", "he's 64"
  | 'adult:life' // adult life in the sentence: wedding, hen do, pub, new job, husband
  | 'adult:life-post' // the same, or another setting, anywhere in the post
  | 'adult:work' // a job in the sentence: "signed off", "back at work", "maternity", "promotion"
  | 'adult:job' // a job no pupil holds, given to the name: "…, our new Head of Digital", "… promoted to Senior Engineer"
  | 'adult:old-classmates' // a reunion or "class of 2004": old friends from the author's own school days
  | 'adult:family' // named as family or friend: "my sister-in-law Grace", "Grace (my friend)"
  | 'own-child' // the author's child at another school: "Isla's school", "her school prom"
  | 'other-setting' // a leisure group or another workplace: "from Pilates", "at the depot"
  | 'other-school' // a post about another school and not this one: "Parents' evening at Isla's primary in Andover", "Mr Greenhalgh at Buxton Juniors"
  | 'adult:role' // a role no child holds, in apposition with the name: "my wife, Dr …", "our club captain …", "…, the old Southend MP"
  | 'elsewhere:role' // a trade, business or place outside school, in apposition with the name: "… the farrier", "our vet …", "… down our road", "…'s salon"
  | 'elsewhere:trade' // a trade or service a household hires, anywhere in the post: "anyone recommend a plumber?", "our vet"
  | 'screen' // television, film or books in the post: a character or a celebrity ("that episode", "on Film4", "#EastEnders")
  | 'setting:school' // school words or the school's identifiers in the post
  | 'setting:shared-words-only' // every school word is one with a life outside school too: "our chair", "the coach"
  | 'setting:private' // private-life words outnumber school words in the post
  | 'form:lower' // typed in lower case
  | 'form:word' // the name is also an ordinary word (Grace, Will, Hope)
  | 'form:sentence-start'; // first word of its sentence, where capitals say nothing

const CHILD_IN_SCHOOL = boundedTerms(cues.childInSchool, 'u');
const ADULT_LIFE = boundedTerms(cues.adultLife, 'u');
const ADULT_WORK = boundedTerms(cues.adultWork, 'u');
/**
 * A job no pupil holds given to the name by the words after it: apposition right after the name, or a verb within
 * its clause that makes the person the job ("…, our new Head of English", "… is a solicitor", "… on his appointment as Operations Director",
 * "… has been made Sergeant", "… joins the trust as Chief Officer"), at most two words between. A job merely near the
 * name is someone else's ("sent Kai to the Head of Year").
 */
let jobOfName: RegExp | undefined;
/** Made when a post first holds one of the job words (ADULT_JOBS, gated): most never do. */
const jobOfNamePattern = () =>
  (jobOfName ??= new RegExp(
    `^(?:\\s*,\\s*(?:(?:our|the|my|a|an)(?:\\s+new)?\\s+)?|(?:'s)?[^.!?;]{0,80}?(?<![\\p{L}'])(?:is|was|has been|had been|become|becomes|became|becoming|as|appointed|promoted to|promotion to|made|named|elected)\\s+)(?:[\\p{L}'’-]+\\s+){0,2}?(?:${termsPattern(cues.adultJobs)})(?![\\p{L}])`,
    'u',
  ));
const ADULT_JOBS = boundedTerms(cues.adultJobs, 'u');
/** What a child wants to be: "wants to be an engineer", "when she grows up". */
const ASPIRATION = /(?:wants?|wanted|hopes?|dreams?|going) (?:to be|to become|of being)|grows? up|grow up to be/u;
/** "Good job, Amelia!" is praise, not employment. */
const PRAISE_JOB = /(?:good|great|top|fab|brilliant|amazing|fantastic|nice) job/gu;
const OTHER_SETTING = boundedTerms(cues.otherSetting, 'u');
const ADULT_ROLE_TERMS = termsPattern(adultsElsewhere.adultRoles);
const ELSEWHERE_TERMS = termsPattern(adultsElsewhere.elsewhereRoles);
/** "& sons" → "& Sons": each word with its capital, as a business writes its name. */
function titleCase(term: string): string {
  return term.replace(/(^|\s)(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());
}
/** A neighbour by their house: "Harrison Pickering at number 42", "Mrs Hoare at no. 9". */
const HOUSE_NUMBER_AFTER = /^\s*,?\s+(?:at|from|in) (?:number|no\.?) \d{1,4}[a-z]?(?![\p{L}\p{N}])/u;
/** A business named after its owner, read in the post's own capitals: "Jack Fernandes Roofing", "Tilly Barker Ceramics". */
const BUSINESS_AFTER = new RegExp(`^\\s+(?:${termsPattern(adultsElsewhere.businessNames.map(titleCase))})(?![\\p{L}])`, 'u');
const SCREEN = boundedTerms(adultsElsewhere.screen, 'u');
const TRADE = boundedTerms(adultsElsewhere.trades, 'u');
/** A role right before the name, with only a comma, a title or "by" between: "our club captain Hannah Newton", "my wife, Dr Faith Adebayo", "Nails by Kayla Nixon". */
const roleBefore = (terms: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms})[\\s,]*(?:(?:by|dr|sir|dame|mr|mrs|ms|miss|prof|revd|the)\\.?\\s+)*$`, 'u');
/**
 * A role or place right after the name, joined to it as apposition (a comma, a possessive, an
 * article or a preposition), not as the object of a verb ("… told the vicar"): "…, the old Southend MP",
 * "… the farrier", "… down our road", "…'s little Italian deli", "… from Mum's care home".
 */
const roleAfter = (terms: string) => {
  const words = `(?:[\\p{L}'’-]+\\s+){0,2}(?:${terms})`;
  return new RegExp(`^(?:(?:'s|’s)\\s+${words}|\\s*,\\s*(?:(?:the|our|my|a|an|who is)\\s+)?${words}|\\s+(?:the|our|my|from|at|in|on|of)\\s+(?:(?:the|our|my|a|an)\\s+)?${words}|\\s+(?:${terms}))(?![\\p{L}\\p{N}])`, 'u');
};
let appositionPatterns: { adultBefore: RegExp; adultAfter: RegExp; elsewhereBefore: RegExp; elsewhereAfter: RegExp; animalAfter: RegExp } | undefined;
/**
 * Made on the first name read in context, as most posts have none: V8 looks up each of their
 * letter and number classes when it makes them, a millisecond of a fresh CLI's start (issue 12).
 */
const apposition = () =>
  (appositionPatterns ??= {
    adultBefore: roleBefore(ADULT_ROLE_TERMS),
    adultAfter: roleAfter(ADULT_ROLE_TERMS),
    elsewhereBefore: roleBefore(ELSEWHERE_TERMS),
    elsewhereAfter: roleAfter(ELSEWHERE_TERMS),
    // An animal by its kind right after the name: "Brodie the border collie", "Bella, our cockapoo", "Ted (the family dog)".
    animalAfter: new RegExp(`^\\s*[,(]?\\s*(?:the|our|my|a)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${termsPattern(adultsElsewhere.animals)})(?![\\p{L}])`, 'u'),
  });
/** How far either side of the name apposition is read. */
const APPOSITION_REACH = 40;
const PRIVATE_LIFE = boundedTerms(privateLife.terms, 'gu');
/** "#teacherlife", "#primaryschool": the author's own tag for school life. */
const SCHOOL_HASHTAG = /#[\p{L}\p{N}_]*(?:teach|school|classroom|pupil|edu)[\p{L}\p{N}_]*/gu;
const SCHOOL_WORDS = SCHOOL_CONTEXT.withFlags('gu');
const ROLES = COLLEAGUE_ROLE.withFlags('gu');
/** "Year 9", "Y6", "Class 1", "in my class", "my Year 9s", "in 7K", "in Nursery" (but not "25m", nor a nursery nurse). */
const CLASS_NEAR = /(?<![\p{L}\p{N}])(?:year ?\d{1,2}s?|y ?\d{1,2}s?|yr ?\d{1,2}|class ?\d{1,2}|reception|nursery class|(?:in|from) nursery|(?:in|from) (?:my|our) (?:class|form|set|group)|my (?:class|form|tutor group)|(?:in|from|with|my|our) \d{1,2}[a-z]\d?)(?![\p{L}\p{N}])/u;
/** A leisure class is not a school class: "Tuesday circuits class", "class of 2004" (a reunion). */
const NOT_A_SCHOOL_CLASS = /(?:pilates|yoga|circuits|spin|dance|zumba|cookery|pottery|art|fitness|boxing|salsa|evening|night|puppy|dog training) class|class of (?:'?\d{2}|\d{4})/u;
/** Ages written out ("Dexter is seven"), from three: "was one of", "is two" are seldom ages. */
const AGE_IN_WORDS: Record<string, number> = { three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
/**
 * An age: "turned 16", "aged 7", "is 9", "is seven", "12 today", "a 6-year-old"; not the author's ("since I was fourteen"). Not a count: a number before a unit or
 * a plural noun counts things ("was 8 jägerbombs", "is 3 points"); "yrs" is still an age.
 */
const AGE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?<!(?:^|[^\\p{L}])i )(?:turned|turns|aged|age|is|was|just|been) (\\d{1,3})(?!\\p{N}|[:.,]\\d)(?! ?(?:%|k|km|quid|mph|mg|ml|kg|lbs?|p|pm|am)(?![\\p{L}])| (?!yrs(?![\\p{L}]))\\p{L}{2,}s(?![\\p{L}]))|(?<!(?:^|[^\\p{L}])i )(?:turned|turns|aged|is|was) (${Object.keys(AGE_IN_WORDS).join('|')})(?![\\p{L}'’-])(?! o['’]clock| (?!yrs(?![\\p{L}]))\\p{L}{2,}s(?![\\p{L}]))|(\\d{1,2}) (?:today|tomorrow)(?![\\p{L}])|(\\d{1,2})[ -]year[ -]old)`,
  'u',
);
/** An ordinal birthday: "Happy 40th", "her 18th". */
const ORDINAL_BIRTHDAY = /(?<![\p{N}])(\d{1,3})(?:st|nd|rd|th)(?! (?:of|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|century|place|time|floor|birthday party at school))/u;
const PARENT_AFTER = /^(?:'s|s'|’s)\s+(?:mum|mam|mom|dad|parents|grandma|grandad|nan|nana|gran|granny|foster carers?|carers?|step-?dad|step-?mum|family|auntie)\b/u;
/** The name's schoolwork: "Jayden's reading has come on", "Amelia's handwriting". */
const SCHOOLWORK_AFTER = /^(?:'s|’s)\s+(?:reading|writing|handwriting|spellings?|phonics|maths|sums|times tables|behaviour|homework|attendance|progress)\b/u;
const LITTLE_BEFORE = /(?:little|tiny|young|wee)\s+$/u;
/** The author's own child at another school: "Isla's school", "Freya's primary school drawings", "off to her school prom". */
const OWN_CHILD_AFTER = /^(?:'s|’s)\s+(?:(?:first |new |old |primary |secondary |nursery |high )?(?:school|nursery|teacher|class teacher)|first day (?:at|of) (?:big )?(?:school|nursery|primary|secondary|college|uni))\b/u;
const THEIR_SCHOOL = /\b(?:her|his) (?:(?:new |first |primary |secondary |big )?school|nursery|teacher|primary|secondary|sixth form college|college)\b/u;
/** "Orla from Pilates", "Kemi from my hiking group": a name placed in another group. */
const FROM_ELSEWHERE = /^(?:'s)?\s*(?:\(|,)?\s*(?:from|at|in|who (?:takes|runs|teaches)) (?:my |our |the )?([\p{L} ]{2,24})/u;

/** "…, my friend", "…, my oldest friend", "… (our neighbour)", "Maisie and Matilda, my nieces": named as family or a friend, at most one word between. */
const FAMILY_AFTER = /^(?:\s*(?:,|and|&)\s*\p{L}+)*[\s,(]*(?:my|our|his|her) (\p{L}+)(?: (\p{L}+))?/u;
/** A school word or a colleague's role in a few words of text. */
const schoolOrRoleIn = (text: string) => SCHOOL_CONTEXT.test(text) || COLLEAGUE_ROLE.test(text);
/** "my work bestie", "our school mum": a word that puts the friend at work. */
const atWork = (word: string) => word === 'work' || schoolOrRoleIn(word);
/** Right after a name, the author's family or friend: ", my goddaughter", "(our neighbour)", "and my oldest friend". */
function namedAsFamily(after: string, pattern = FAMILY_AFTER): boolean {
  const namedAs = pattern.exec(after);
  return !!namedAs && (FAMILY_WORDS.has(namedAs[1]!) || (namedAs[2] !== undefined && FAMILY_WORDS.has(namedAs[2]) && !atWork(namedAs[1]!)));
}
/** The same in the author's own words only: "Robin Proudlock, his mam and dad …" names the child's family, not the author's. */
const OWN_FAMILY_AFTER = /^[\s,(]*(?:my|our) (\p{L}+)(?: (\p{L}+))?/u;
/** "… from my Sunday league team", "… from my salsa class", "… from my last job": a group of the author's own, up to three words. */
const FROM_MY_GROUP = /^(?:'s)?\s*(?:\(|,)?\s*from my ((?:[\p{L}'’-]+ ){0,2}[\p{L}'’-]+)/u;
/** A group of the author's that is school: "my class", "my Year 9s", "my maths set", "my tutor group", "my old school" (but not "my salsa class"). */
const SCHOOL_GROUP = /(?<![\p{L}])(?:class|classes|form|set|sets|group|groups|tutor|year|years|y\d+|\d+[a-z]\d?)(?![\p{L}])/u;
function schoolGroup(group: string): boolean {
  const rest = group.replace(NOT_A_SCHOOL_CLASS, ' ');
  return SCHOOL_GROUP.test(rest) || CLASS_NEAR.test(rest) || schoolOrRoleIn(rest);
}

export interface PostPersonSetting {
  school: number;
  private: number;
  adultLife: boolean;
  oldClassmates: boolean;
  /** A parent's words for their own child anywhere in the post: "Our girl!", "#proudmum". */
  ownChild: boolean;
  /** Television, film or books anywhere in the post. */
  screen: boolean;
  /** A trade or service a household hires anywhere in the post: a plumber, a vet, a driving instructor. */
  trade: boolean;
  /** Every school sign is a word with a life outside school ("our chair", "the coach"): no sign of school by itself. */
  sharedWordsOnly: boolean;
  /** Another school named ("Isla's primary in Andover", "at Buxton Juniors") and not this one: its school words are that school's. */
  otherSchool: boolean;
}

/**
 * A parent speaking of their own child: "Our girl!", "so proud of my boy", "#proudmam". A teacher says "my class",
 * "my girls" or "my Year 6s" of pupils; the singular is a parent's.
 */
const OWN_CHILD_POST = /(?<![\p{L}])(?:(?:our|my) (?:baby )?(?:girl|boy)(?![\p{L}'’])|#proud(?:mum|mam|mummy|mom|mother|dad|daddy|father|parent|parents)(?![\p{L}]))/u;
/** The author's own school or college days: "reunion", "class of '99", "30 years since we left". */
const OLD_CLASSMATES = /(?<![\p{L}])(?:reunion|class of '?\d{2,4}|years since we (?:left|qualified|graduated|met)|old school (?:friends|mates|pals))/u;

/**
 * Another school, placed somewhere or named: "Isla's primary in Andover", "his school in Stockport", "(Year 10) at a high
 * school in Macclesfield", "at Buxton Juniors", "at St Luke's Primary", "at Tiny Toes nursery", "Louie's nursery (Busy Bees…)",
 * "Leo's class at Holy Trinity", "parents' evening at St Anne's", "my granddaughters' school in Bollington"; not one someone is leaving for ("off to a new school
 * in Leicester", "a job at a school in Newcastle"). Read on the text as written, for the capitals of a place.
 */
const ANOTHER_SCHOOL = /(?<![\p{L}])(?:(?:[\p{L}]+(?:['’]s|s['’])|his|her|their|(?<!(?:job|post|role|position|interview|place) )at (?:a|an)) (?:(?:new|first|old|big|little|local) )?(?:school|primary|secondary|high school|prep school|nursery|juniors) (?:in|\() ?\p{Lu}|(?:[\p{L}]+['’]s|his|her|their) (?:class|nursery|school) at \p{Lu}|at (?:St\.? )?(?:\p{Lu}[\p{L}'’]+ ){1,3}(?:Juniors|Infants|Prep|Grammar|High School|Primary|Academy|[Nn]ursery|Pre-?[Ss]chool|Playgroup)(?![\p{L}])|at St\.? \p{Lu}\p{L}+['’]s?(?![\p{L}]))/u;

/** School and private-life words across the post, counted once per post; leisure classes and reunions are not school. */
export function personSetting(doc: PostDocument, schoolIdentifiers: number): PostPersonSetting {
  const leisureClasses = (doc.lower.match(new RegExp(NOT_A_SCHOOL_CLASS.source, 'gu')) ?? []).length;
  // Colleagues by role ("Parveen our nurse", "the caretaker") place a post at school as school words do.
  // "head" is also a body part: a role only as "the head", "our head".
  const roleMatches = allMatches(ROLES, doc.lower).filter((m) => m[0] !== 'head' || /(?:the|our|my|new)\s+$/u.test(doc.lower.slice(Math.max(0, m.index - 5), m.index)));
  const roles = roleMatches.length;
  const schoolWordMatches = allMatches(SCHOOL_WORDS, doc.lower);
  const schoolWords = schoolWordMatches.length + roles - leisureClasses;
  const hashtags = (doc.lower.match(SCHOOL_HASHTAG) ?? []).length;
  const signs = [...schoolWordMatches, ...roleMatches].map((m) => m[0]);
  let family = 0;
  for (const token of doc.tokens) if (token.kind === 'word' && FAMILY_WORDS.has(token.key)) family++;
  // A post about another school and not this one: its school words say nothing of this school.
  const otherSchool = schoolIdentifiers === 0 && ANOTHER_SCHOOL.test(doc.text);
  return {
    school: otherSchool ? 0 : Math.max(0, schoolWords) + schoolIdentifiers + hashtags,
    private: allMatches(PRIVATE_LIFE, doc.lower).length + family,
    adultLife: ADULT_LIFE.test(doc.lower) || OTHER_SETTING.test(doc.lower) || leisureClasses > 0,
    oldClassmates: OLD_CLASSMATES.test(doc.lower),
    ownChild: OWN_CHILD_POST.test(doc.lower),
    screen: SCREEN.test(doc.lower),
    trade: TRADE.test(doc.lower),
    sharedWordsOnly: schoolIdentifiers === 0 && hashtags === 0 && signs.length > 0 && signs.every((w) => OUTSIDE_SCHOOL_TOO.has(w)),
    otherSchool,
  };
}

const WINDOW = 140;

/** The sentence around a name, at most WINDOW characters either side: a post with no sentence ends stays linear. */
function sentenceWindow(doc: PostDocument, t: Token): { from: number; to: number } {
  const s = doc.sentences[t.sentence]!;
  return { from: Math.max(s.start, t.start - WINDOW), to: Math.min(s.end, t.end + WINDOW) };
}

/** A job no pupil holds, given to the name (from `first` to `last`) by the words after it, and not as what a child wants to be. */
function adultJobOf(doc: PostDocument, first: Token, last: Token = first): boolean {
  const end = doc.sentences[last.sentence]!.end;
  const to = Math.min(end, last.end + 120);
  if (!mayMatchIn(doc, last.end, to, ADULT_JOBS) || !jobOfNamePattern().test(doc.lower.slice(last.end, to))) return false;
  const sentence = sentenceWindow(doc, first);
  return !ASPIRATION.test(doc.lower.slice(sentence.from, sentence.to));
}

/** The cues around one name: a first name alone, or a whole name from `t` to `last` ("Dr Faith Adebayo", "Mrs Whitlock"). */
export function personCues(doc: PostDocument, t: Token, post: PostPersonSetting, last: Token = t): Set<PersonCue> {
  const found = new Set<PersonCue>();
  const s = doc.sentences[t.sentence]!;
  const { from, to } = sentenceWindow(doc, t);
  const sentence = doc.lower.slice(from, to);
  // Most windows hold none of these words: a pre-check over the whole post, made once, answers
  // those without running each pattern again around every name (a class list of 300 names).
  const may = (...patterns: RegExp[]) => mayMatchIn(doc, from, to, ...patterns);
  const before = doc.lower.slice(Math.max(s.start, t.start - 30), t.start);
  // After the whole name: "Will Greenaway, my oldest friend", "Star Bailey from my salsa class".
  const after = doc.lower.slice(last.end, Math.min(s.end, last.end + 40));
  if (may(CLASS_NEAR, NOT_A_SCHOOL_CLASS) && CLASS_NEAR.test(sentence.replace(NOT_A_SCHOOL_CLASS, ' '))) found.add('child:class');
  const age = may(AGE) ? AGE.exec(sentence) : null;
  if (age) {
    const years = age[2] !== undefined ? AGE_IN_WORDS[age[2]]! : Number(age[1] ?? age[3] ?? age[4]);
    if (years >= 3 && years < 18) found.add('child:age');
    else if (years >= 18 && years <= 110) found.add('adult:age');
  }
  const ordinal = may(ORDINAL_BIRTHDAY) ? ORDINAL_BIRTHDAY.exec(sentence) : null;
  if (ordinal && Number(ordinal[1]) >= 18 && Number(ordinal[1]) <= 110) found.add('adult:age');
  if (LITTLE_BEFORE.test(before)) found.add('child:little');
  if ((may(CHILD_IN_SCHOOL) && CHILD_IN_SCHOOL.test(sentence)) || SCHOOLWORK_AFTER.test(doc.lower.slice(t.end - (t.possessive ? 2 : 0), t.end + 30))) found.add('child:school-life');
  if (PARENT_AFTER.test(doc.lower.slice(t.end - (t.possessive ? 2 : 0), t.end + 30))) found.add('child:parent');
  if ((may(ADULT_LIFE) && ADULT_LIFE.test(sentence)) || (may(NOT_A_SCHOOL_CLASS) && NOT_A_SCHOOL_CLASS.test(sentence))) found.add('adult:life');
  if (post.adultLife) found.add('adult:life-post');
  if (post.oldClassmates) found.add('adult:old-classmates');
  if (may(ADULT_WORK, PRAISE_JOB) && ADULT_WORK.test(sentence.replace(PRAISE_JOB, ' '))) found.add('adult:work');
  if (adultJobOf(doc, t, last)) found.add('adult:job');
  for (let step = 1; step <= 3; step++) {
    const prev = doc.tokens[t.index - step];
    if (prev && prev.sentence === t.sentence && FAMILY_WORDS.has(prev.key)) found.add('adult:family');
  }
  if (namedAsFamily(after)) found.add('adult:family');
  if (OWN_CHILD_AFTER.test(doc.lower.slice(t.end - (t.possessive ? 2 : 0), t.end + 40)) || (may(THEIR_SCHOOL) && THEIR_SCHOOL.test(sentence))) found.add('own-child');
  // A post in a parent's words is about their own child, unless the name's own sentence puts it in a class.
  if (post.ownChild && !found.has('child:class')) found.add('own-child');
  const elsewhere = FROM_ELSEWHERE.exec(after);
  const ownGroup = FROM_MY_GROUP.exec(after);
  if ((may(OTHER_SETTING) && OTHER_SETTING.test(sentence)) || (elsewhere && OTHER_SETTING.test(elsewhere[1]!)) || (ownGroup && !schoolGroup(ownGroup[1]!))) found.add('other-setting');
  // Apposition: the words right before the name and right after it, within its sentence.
  const nearBefore = doc.lower.slice(Math.max(s.start, t.start - APPOSITION_REACH), t.start);
  const nearAfter = doc.lower.slice(last.end - (last.possessive ? 2 : 0), Math.min(s.end, last.end + APPOSITION_REACH));
  const roles = apposition();
  if (roles.adultBefore.test(nearBefore) || roles.adultAfter.test(nearAfter)) found.add('adult:role');
  if (roles.elsewhereBefore.test(nearBefore) || roles.elsewhereAfter.test(nearAfter) || BUSINESS_AFTER.test(doc.text.slice(last.end, last.end + APPOSITION_REACH)) || HOUSE_NUMBER_AFTER.test(nearAfter) || roles.animalAfter.test(nearAfter)) found.add('elsewhere:role');
  if (post.screen) found.add('screen');
  if (post.trade) found.add('elsewhere:trade');
  if (post.otherSchool) found.add('other-school');
  if (post.school > 0) found.add('setting:school');
  if (post.sharedWordsOnly) found.add('setting:shared-words-only');
  if (post.private > post.school) found.add('setting:private');
  if (!t.capitalized) found.add('form:lower');
  if (WORD_NAMES.has(t.key)) found.add('form:word');
  if (t.sentenceStart) found.add('form:sentence-start');
  return found;
}

const has = (cues: ReadonlySet<PersonCue>, ...names: PersonCue[]) => names.some((n) => cues.has(n));

/** Any cue on the name that makes it a child: a class, an age, "little", a parent, the school day. */
export const childCue = (cues: ReadonlySet<PersonCue>) => has(cues, 'child:class', 'child:age', 'child:little', 'child:parent', 'child:school-life');

/** A child in school, by the words around the name. */
export const childInSchool = (cues: ReadonlySet<PersonCue>) => has(cues, 'child:class', 'child:school-life') || (has(cues, 'child:age', 'child:little', 'child:parent') && cues.has('setting:school'));

/**
 * Whether the words around a first name make it someone other than the school's pupil: an adult of
 * the author's own life, the author's own child, or someone from another setting. A child-in-school
 * cue in the same sentence outweighs adult life elsewhere in the post ("Hunter's mam at parents' evening").
 */
export function notThePupil(cues: ReadonlySet<PersonCue>): boolean {
  if (has(cues, 'own-child', 'adult:family', 'adult:old-classmates', 'other-school')) return true;
  // Adult words elsewhere in the sentence do not outweigh a child cue on the name itself ("Our little Bear … staff training"):
  // with one, the checks below still ask whether any school is in sight.
  if (has(cues, 'adult:age', 'adult:life', 'adult:work', 'adult:job', 'other-setting', 'adult:role', 'elsewhere:role') && !has(cues, 'child:class', 'child:age', 'child:little', 'child:parent')) return true;
  if (cues.has('adult:life-post')) return !childInSchool(cues);
  // A character or a celebrity: a post about television, film or books with no school in it.
  if (cues.has('screen') && !cues.has('setting:school')) return !childInSchool(cues);
  // "little Ruby" at her christening, "Our little Grace took her first steps": a child, but none of this school's with no school in sight.
  if (cues.has('child:little') && !cues.has('setting:school') && !childInSchool(cues)) return true;
  return false;
}

/** Whether the words around a first name place a colleague-by-context elsewhere: a leisure group, another job, or a post mostly about private life. */
export function notTheColleague(cues: ReadonlySet<PersonCue>): boolean {
  // "The nurse, Janice", "Nurse Gwen on Ward 11", "the carer Olu": a role or place beside the name, with no school in sight.
  if (placedElsewhere(cues) || (cues.has('adult:role') && !schoolInSight(cues))) return true;
  return has(cues, 'other-setting', 'other-school', 'adult:family', 'adult:old-classmates') || (!cues.has('setting:school') && cues.has('adult:life-post')) || (cues.has('setting:private') && cues.has('adult:life') && !cues.has('adult:work'));
}

/** A sign of school for a whole name: not only words that live outside school too ("our chair", "bring a chair"). */
const schoolInSight = (cues: ReadonlySet<PersonCue>) => cues.has('setting:school') && !cues.has('setting:shared-words-only');

/** A place outside school or a screen beside the name, with no school in sight: "Janice on Ward 11", "Stacey from Gavin & Stacey". */
export function placedElsewhere(cues: ReadonlySet<PersonCue>): boolean {
  return has(cues, 'elsewhere:role', 'screen') && !schoolInSight(cues);
}

/**
 * Whether a pupil's whole name ("Faith Adebayo", "Sir Teddy Taylor") is someone else. A pupil is a
 * child: "my wife, Dr Faith Adebayo", "our club captain Hannah Newton" and "Charlotte Walker's salon"
 * are adults, and a name in a post about television or film is a character. Only with no child cue,
 * with no sign of school but for a job no pupil holds, and only by these strong cues, since a whole name is
 * otherwise the pupil wherever it appears (adult words elsewhere in the sentence do not do it: "… better than
 * I wrote at uni. He's 15").
 */
function wholeNameNotThePupil(cues: ReadonlySet<PersonCue>): boolean {
  if (cues.has('other-school')) return true;
  if (childCue(cues)) return false;
  // A job no pupil holds, even in a post about school: "Congratulations to Hannah Newton, our new Head of English".
  if (cues.has('adult:job')) return true;
  // Apposition and the screen are read on the name itself: a shared word elsewhere ("our chair") is no sign of school against them.
  // So is a name given as family or a friend: "Will Greenaway, my oldest friend from uni".
  if (has(cues, 'adult:role', 'elsewhere:role', 'screen', 'adult:family')) return !schoolInSight(cues);
  // Another setting or an adult's age, read from the sentence, need a post with no school word at all ("at physio … Theo the OT").
  return has(cues, 'other-setting', 'adult:age') && !cues.has('setting:school');
}

/**
 * Whether a colleague's title and surname ("Mrs Whitlock", "Dr Siddiqui") is someone else: tied to
 * a trade, a business or a place outside school ("the farrier", "our vet", "down our road"), named as
 * in another setting, or in a post about television or film, with no sign of school.
 * Adult life alone does not do it: "Mrs Okafor's retirement do" is still the colleague.
 */
function titleNameNotTheColleague(cues: ReadonlySet<PersonCue>): boolean {
  if (cues.has('other-school')) return true;
  // A title and surname in a post about hiring a plumber or a vet, with no school in sight, is theirs: "Mr Fyfe at the practice has retired".
  if (has(cues, 'adult:role', 'elsewhere:role', 'elsewhere:trade', 'screen')) return !schoolInSight(cues);
  return cues.has('other-setting') && !cues.has('setting:school');
}

/** What makes a role one at a workplace the author has left: "former colleague", "ex-colleague", "my old boss". */
export const FORMER = '(?<![\\p{L}])(?:ex-?|former|old|previous)\\s*';
/** "my former colleague Charlotte Walker", "ex-colleague …", "my old workmate …". */
const FORMER_COLLEAGUE_BEFORE = new RegExp(`${FORMER}(?:work\\s*)?(?:colleague|workmate|team ?mate)s?[\\s,]*$`, 'u');
/** A life's dates or a father's suffix after a whole name: "Stanley Cartwright, 1938–2024", "Kwame Asante Snr". */
const LIFE_DATES_AFTER = /^(?:\s+(?:snr|sr|senior)\b|[\s,(]+(?:19|20)\d\d\s*[–—-]\s*(?:19|20)\d\d)/u;

/**
 * Whether a whole name from `first` to `last` (a pupil's full name, a colleague's title and surname) is someone else.
 * With school in sight only a job no pupil holds can make it so (wholeNameNotThePupil, titleNameNotTheColleague): that
 * is asked first, so a post about school reads no apposition, whose patterns are a tenth of a first check (issue 10's
 * start-up). `aboutSchool`: the post's school words by the cheap test; `postSetting` counts the setting once, when first asked.
 */
export function wholeNameIsSomeoneElse(doc: PostDocument, first: Token, last: Token, kind: 'pupil' | 'staff', aboutSchool: boolean, postSetting: () => PostPersonSetting): boolean {
  // Said of an adult whatever the post is about: a colleague from a workplace the author has left, or a life's dates.
  const s = doc.sentences[first.sentence]!;
  if (FORMER_COLLEAGUE_BEFORE.test(doc.lower.slice(Math.max(s.start, first.start - 30), first.start)) || LIFE_DATES_AFTER.test(doc.lower.slice(last.end, last.end + 24))) return true;
  // A pupil's whole name given right after as the author's family or friend ("Mollie Taylor, my goddaughter, got her
  // A-level results") is theirs even beside school words, unless its sentence places it in a class.
  if (kind === 'pupil' && namedAsFamily(doc.lower.slice(last.end, Math.min(s.end, last.end + 40)), OWN_FAMILY_AFTER) && !CLASS_NEAR.test(doc.lower.slice(s.start, s.end))) return true;
  if (aboutSchool && !(kind === 'pupil' && adultJobOf(doc, first, last)) && postSetting().school > 0 && !postSetting().sharedWordsOnly) return false;
  const cues = personCues(doc, first, postSetting(), last);
  return kind === 'pupil' ? wholeNameNotThePupil(cues) : titleNameNotTheColleague(cues);
}

/**
 * What the learned person-in-context model sees of one first name: its cues, the rules' reading, and
 * the three words either side in its sentence (lower case, numbers as "<num>").
 */
export function personFeatures(doc: PostDocument, t: Token, cues: ReadonlySet<PersonCue>, byRules: boolean): string[] {
  const features: string[] = [...cues];
  if (byRules) features.push('rules:yes');
  for (const [side, step] of [['l', -1], ['r', 1]] as const) {
    for (let k = 1; k <= 3; k++) {
      const x = doc.tokens[t.index + step * k];
      if (!x || x.sentence !== t.sentence) break;
      if (x.kind === 'word') features.push(`${side}:${x.key}`);
      else if (x.kind === 'number') features.push(`${side}:<num>`);
    }
  }
  return features;
}
