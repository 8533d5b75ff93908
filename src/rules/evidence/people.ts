import type { PersonEntry } from '../pack/schema';
import { foldForMatching } from '../document/normalize';

/**
 * The school's pupils and staff, indexed for matching on every keystroke:
 * name sequences by their first word, single first names, staff surnames, and the
 * run-together forms people use in handles and hashtags.
 */
export type PersonKind = 'pupil' | 'staff';

export interface Person {
  kind: PersonKind;
  /** As the school wrote it. */
  name: string;
  /** Lower-case folded keys. */
  given: string[];
  surname: string;
  knownAs?: string;
  title?: string;
  role?: string;
}

export type NameForm = 'full' | 'title-surname' | 'title-initials' | 'first-initial';

interface NameSequence {
  keys: string[];
  person: Person;
  form: NameForm;
}

/** Lookups by one key; the people index fills some of them only for the keys a post asks about. */
export interface PeopleLookup<V> {
  get(key: string): readonly V[] | undefined;
}

/** First names are also asked whether anyone has them, which needs no people made. */
export interface FirstNameLookup extends PeopleLookup<Person> {
  has(key: string): boolean;
}

export interface PeopleIndex {
  count: { pupils: number; staff: number };
  /** Name sequences by their first word. */
  sequences: PeopleLookup<NameSequence>;
  /** First or known-as name alone → people. */
  firstNames: FirstNameLookup;
  /** Staff by surname alone ("Okafor said…"): a pupil is never named by surname alone. */
  staffSurnames: PeopleLookup<Person>;
  /** Run-together forms ("gracehetherington", "mrsokafor") → people. */
  compact: PeopleLookup<Person>;
}

export const TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'revd', 'rev', 'reverend', 'sir', 'dame', 'father', 'fr', 'canon', 'coach', 'madame', 'mme', 'herr', 'sr'];
const TITLE_SET = new Set(TITLES);
/** Titles we assume a member of staff may be called by when the list gives none. */
const DEFAULT_STAFF_TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr'];
const NO_TITLES: readonly string[] = [];

const fold = (s: string) => foldForMatching(s).trim();
/**
 * Letters in words of two or more, one space or hyphen apart, as nearly every listed name is:
 * nothing for foldForMatching to fold (no accents, no spaced-out letters) and nothing to split off.
 */
const PLAIN_NAME = /^[A-Za-z][A-Za-z']+(?:[ -][A-Za-z][A-Za-z']+)*$/;
/**
 * Words of letters from any alphabet (and apostrophes and hyphens), one space apart, with fewer
 * than three letters standing alone ("Ó Briain"): folding then works a letter at a time (no
 * spaced-out word like "G r a c e" to join up, nothing between letters to drop), so each word
 * folds on its own, as in the whole name.
 */
const LETTER_WORDS = /^[\p{L}'-]+(?: [\p{L}'-]+)*$/u;
const LONE_LETTERS = /(?:^|\P{L})\p{L}(?=\P{L}|$)/gu;

/** `foldedWords`: words already folded while indexing these lists ("Zoë", "Siân"), which recur across thousands of names. */
function words(s: string, foldedWords?: Map<string, string>): string[] {
  if (PLAIN_NAME.test(s)) return s.toLowerCase().split(' ');
  if (foldedWords && LETTER_WORDS.test(s) && (s.match(LONE_LETTERS)?.length ?? 0) < 3) {
    return s.split(' ').map((word) => {
      let folded = foldedWords.get(word);
      if (folded === undefined) foldedWords.set(word, (folded = foldForMatching(word)));
      return folded;
    });
  }
  return fold(s).split(/[\s,]+/).filter(Boolean).map((w) => (w.endsWith('.') ? w.slice(0, -1) : w));
}

export function personFromEntry(entry: PersonEntry, kind: PersonKind, foldedWords?: Map<string, string>): Person | null {
  const obj = typeof entry === 'string' ? { name: entry } : entry;
  let parts = words(obj.name, foldedWords);
  let title = obj.title ? fold(obj.title).replace(/\.$/, '') : undefined;
  if (parts.length > 1 && TITLE_SET.has(parts[0]!)) {
    title ??= parts[0];
    parts = parts.slice(1);
  }
  if (parts.length === 0) return null;
  const surname = parts.length > 1 ? parts[parts.length - 1]! : '';
  const given = parts.length > 1 ? parts.slice(0, -1) : parts;
  const knownAs = obj.knownAs ? fold(obj.knownAs) : undefined;
  // Fields set one by one in this order, not spread from throwaway objects: a big school has 20,000 people.
  const person: Person = { kind, name: obj.name.trim(), given, surname };
  if (knownAs && knownAs !== given[0]) person.knownAs = knownAs;
  if (title) person.title = title;
  if (obj.role) person.role = obj.role;
  return person;
}

/**
 * One person's name sequences, in the order they are matched: full names by each first name,
 * then title forms. Made only for the people a post's words could start one for (below).
 */
function sequencesOf(person: Person, firsts: readonly string[], titles: readonly string[], out: NameSequence[], firstKey: string): void {
  const addSequence = (keys: string[], form: NameForm) => {
    if (keys.length < 2 || keys[0] !== firstKey) return;
    for (const key of keys) if (!key) return;
    out.push({ keys, person, form });
  };
  for (const first of firsts) {
    addSequence([first, person.surname], 'full');
    // "Grace H", "Sunny B.": how staff often shorten a pupil's name.
    addSequence([first, person.surname[0]!], 'first-initial');
  }
  if (person.given.length > 1) addSequence([...person.given, person.surname], 'full');
  // Only staff are called by initials; most people on the lists are pupils with no title.
  const initials = person.kind === 'staff' && titles.length ? person.surname.split('-').map((p) => p[0]).join('-') : '';
  for (const title of titles) {
    addSequence([title, person.surname], 'title-surname');
    addSequence([title, person.given[0]![0]!, person.surname], 'title-surname');
    // "Mr H", "Dr N-P": staff are often called by title and initials.
    if (person.kind === 'staff') addSequence([title, initials], 'title-initials');
  }
}

const firstsOf = (person: Person) => (person.knownAs ? [person.given[0]!, person.knownAs] : [person.given[0]!]);
/** One title, written several ways: a list's "Revd Ashworth-Kemp" is also "Rev" and "Reverend Ashworth-Kemp". */
const SAME_TITLE: readonly (readonly string[])[] = [['rev', 'revd', 'reverend'], ['prof', 'professor'], ['fr', 'father'], ['madame', 'mme']];
const TITLE_FORMS = new Map(SAME_TITLE.flatMap((forms) => forms.map((f) => [f, forms] as const)));
const titlesOf = (person: Person) => (person.title ? (TITLE_FORMS.get(person.title) ?? [person.title]) : person.kind === 'staff' ? DEFAULT_STAFF_TITLES : NO_TITLES);

/**
 * A big school's 20,000 names are indexed by first name and staff surname when the pack is
 * compiled, by entry number: each Person is made from its entry the first time a post's words
 * ask for it, and so are the name sequences and run-together forms, several per person (issue 12:
 * making them all was most of the CLI's first result). Every lookup lists its people in list
 * order, as building them all would.
 */
export function buildPeopleIndex(lists: { pupils: readonly PersonEntry[]; staff: readonly PersonEntry[] }): PeopleIndex {
  const pupilCount = lists.pupils.length;
  const entryCount = pupilCount + lists.staff.length;
  const made: (Person | null | undefined)[] = new Array(entryCount);
  const foldedWords = new Map<string, string>();
  /** Entry number → its Person (null for a name with no words), made once so every lookup shares it. */
  const personAt = (i: number): Person | null => {
    let person = made[i];
    if (person === undefined) {
      person = i < pupilCount ? personFromEntry(lists.pupils[i]!, 'pupil', foldedWords) : personFromEntry(lists.staff[i - pupilCount]!, 'staff', foldedWords);
      made[i] = person;
    }
    return person;
  };

  const firstNameEntries = new Map<string, number[]>();
  const staffSurnameEntries = new Map<string, number[]>();
  /** People a title can start a sequence for, besides those with the title as a first name: staff, and anyone the lists give a title. */
  const titledEntries: number[] = [];
  /** Titles the lists give beyond the usual ones ("lady"): sequences start with them too. */
  const listedTitles = new Set<string>();
  const count = { pupils: 0, staff: 0 };
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  for (let i = 0; i < entryCount; i++) {
    const kind: PersonKind = i < pupilCount ? 'pupil' : 'staff';
    const entry = kind === 'pupil' ? lists.pupils[i]! : lists.staff[i - pupilCount]!;
    const keys = plainNameKeys(entry, kind);
    if (keys) {
      count[kind === 'pupil' ? 'pupils' : 'staff']++;
      add(firstNameEntries, keys.first, i);
      if (keys.staffSurname) {
        add(staffSurnameEntries, keys.staffSurname, i);
        // Staff with no title listed may be called by the usual ones.
        titledEntries.push(i);
      }
      continue;
    }
    const person = personAt(i);
    if (!person) continue;
    count[kind === 'pupil' ? 'pupils' : 'staff']++;
    add(firstNameEntries, person.given[0]!, i);
    // Never the same key as given[0] (personFromEntry drops a known-as that is).
    if (person.knownAs) add(firstNameEntries, person.knownAs, i);
    if (!person.surname) continue;
    if (kind === 'staff') add(staffSurnameEntries, person.surname, i);
    if (titlesOf(person).length) titledEntries.push(i);
    if (person.title && !TITLE_SET.has(person.title)) listedTitles.add(person.title);
  }

  const peopleOf = (entries: readonly number[]) => {
    const people: Person[] = [];
    for (const i of entries) people.push(personAt(i)!);
    return people;
  };
  const madeLookup = (entriesByKey: Map<string, number[]>) => {
    const cache = new Map<string, Person[]>();
    return {
      has: (key: string) => entriesByKey.has(key),
      get(key: string) {
        let people = cache.get(key);
        if (!people) {
          const entries = entriesByKey.get(key);
          if (!entries) return undefined;
          cache.set(key, (people = peopleOf(entries)));
        }
        return people;
      },
    };
  };
  const firstNames = madeLookup(firstNameEntries);

  /** By first names and titles only, so it stays as small as the lists however many posts are checked. */
  const sequenceCache = new Map<string, NameSequence[] | undefined>();
  const sequences: PeopleLookup<NameSequence> = {
    get(key) {
      const byTitle = TITLE_SET.has(key) || listedTitles.has(key);
      // Most words start no one's name: nothing to make, and nothing kept for them.
      if (!byTitle && !firstNameEntries.has(key)) return undefined;
      if (sequenceCache.has(key)) return sequenceCache.get(key);
      const found: NameSequence[] = [];
      // A sequence starts with one of a person's first names or titles.
      const entries = byTitle ? mergeInOrder(titledEntries, firstNameEntries.get(key) ?? []) : firstNameEntries.get(key)!;
      for (const i of entries) {
        const person = personAt(i)!;
        if (!person.surname) continue;
        const titles = titlesOf(person);
        const firsts = firstsOf(person);
        if (firsts.includes(key) || titles.includes(key)) sequencesOf(person, firsts, titles, found, key);
      }
      const result = found.length ? found : undefined;
      sequenceCache.set(key, result);
      return result;
    },
  };

  let compactMap: Map<string, Person[]> | undefined;
  const compact: PeopleLookup<Person> = {
    get(key) {
      if (!compactMap) {
        compactMap = new Map();
        const addForm = (form: string, person: Person) => {
          const list = compactMap!.get(form);
          // One person's forms may coincide, and they are all added before the next person's: a repeat can only be the last.
          if (!list) compactMap!.set(form, [person]);
          else if (list[list.length - 1] !== person) list.push(person);
        };
        for (let i = 0; i < entryCount; i++) {
          const person = personAt(i);
          if (!person?.surname) continue;
          for (const first of firstsOf(person)) addForm(compactKey(first + person.surname), person);
          for (const title of titlesOf(person)) addForm(compactKey(title + person.surname), person);
        }
      }
      return compactMap.get(key);
    },
  };
  return { count, sequences, firstNames, staffSurnames: madeLookup(staffSurnameEntries), compact };
}

/**
 * The index keys of an entry that is a plain name (letters in words, one space or hyphen apart)
 * with no title or known-as given, as nearly every listed name is: its first word and, for staff
 * with more than one, its last, lower-cased, exactly as personFromEntry would make them, without
 * making the Person. Null for any other entry, and for a name that starts with a title.
 */
function plainNameKeys(entry: PersonEntry, kind: PersonKind): { first: string; staffSurname?: string } | null {
  let name: string;
  if (typeof entry === 'string') name = entry;
  else if (entry.title || entry.knownAs) return null;
  else name = entry.name;
  if (!PLAIN_NAME.test(name)) return null;
  const space = name.indexOf(' ');
  if (space === -1) return { first: name.toLowerCase() };
  const first = name.slice(0, space).toLowerCase();
  if (TITLE_SET.has(first)) return null;
  return kind === 'staff' ? { first, staffSurname: name.slice(name.lastIndexOf(' ') + 1).toLowerCase() } : { first };
}

/** Two ascending lists of entry numbers as one, each number once. */
function mergeInOrder(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return a as number[];
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else if (i >= a.length || b[j]! < a[i]!) out.push(b[j++]!);
    else {
      out.push(a[i++]!);
      j++;
    }
  }
  return out;
}

/** Already lower-case letters and digits, as folded names almost always are: nothing to drop. */
const PLAIN_KEY = /^[a-z0-9]*$/;
export const compactKey = (s: string) => (PLAIN_KEY.test(s) ? s : s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));

export function isTitle(key: string): boolean {
  return TITLE_SET.has(key);
}
