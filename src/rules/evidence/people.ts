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

export interface PeopleIndex {
  count: { pupils: number; staff: number };
  /** Name sequences by their first word. */
  sequences: PeopleLookup<NameSequence>;
  /** First or known-as name alone → people. */
  firstNames: Map<string, Person[]>;
  /** Staff by surname alone ("Okafor said…"): a pupil is never named by surname alone. */
  staffSurnames: Map<string, Person[]>;
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
const words = (s: string) => (PLAIN_NAME.test(s) ? s.toLowerCase().split(' ') : fold(s).split(/[\s,]+/).filter(Boolean).map((w) => (w.endsWith('.') ? w.slice(0, -1) : w)));

export function personFromEntry(entry: PersonEntry, kind: PersonKind): Person | null {
  const obj = typeof entry === 'string' ? { name: entry } : entry;
  let parts = words(obj.name);
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
const titlesOf = (person: Person) => (person.title ? [person.title] : person.kind === 'staff' ? DEFAULT_STAFF_TITLES : NO_TITLES);

/**
 * A big school's 20,000 names are indexed by first name and surname when the pack is compiled;
 * the name sequences and run-together forms, several per person, are made on first use for
 * the keys a post asks about (issue 12: building them all was most of the CLI's first result).
 * A sequence starts with a first name or a title, so its people are the first name's, or
 * (for a title) everyone with a surname's, scanned once in list order, so every lookup lists them as building them all would.
 */
export function buildPeopleIndex(lists: { pupils: readonly PersonEntry[]; staff: readonly PersonEntry[] }): PeopleIndex {
  const firstNames = new Map<string, Person[]>();
  const staffSurnames = new Map<string, Person[]>();
  const count = { pupils: 0, staff: 0 };
  /** Everyone with a surname, in list order: only they have sequences or run-together forms. */
  const withSurname: Person[] = [];
  /** Titles the lists give beyond the usual ones ("lady"): sequences start with them too. */
  const listedTitles = new Set<string>();
  const add = (map: Map<string, Person[]>, key: string, person: Person) => {
    const list = map.get(key);
    // One person's keys are all added before the next person's, so a repeat can only be the last
    // entry: checking it alone keeps the lists the same as includes() did, in linear time (a
    // common first name is shared by hundreds of a big school's 20,000 people).
    if (!list) map.set(key, [person]);
    else if (list[list.length - 1] !== person) list.push(person);
  };
  for (const [kind, entries] of [['pupil', lists.pupils], ['staff', lists.staff]] as const) {
    for (const entry of entries) {
      const person = personFromEntry(entry, kind);
      if (!person) continue;
      count[kind === 'pupil' ? 'pupils' : 'staff']++;
      add(firstNames, person.given[0]!, person);
      if (person.knownAs) add(firstNames, person.knownAs, person);
      if (!person.surname) continue;
      if (kind === 'staff') add(staffSurnames, person.surname, person);
      withSurname.push(person);
      if (person.title && !TITLE_SET.has(person.title)) listedTitles.add(person.title);
    }
  }

  /** By first names and titles only, so it stays as small as the lists however many posts are checked. */
  const sequenceCache = new Map<string, NameSequence[] | undefined>();
  const sequences: PeopleLookup<NameSequence> = {
    get(key) {
      const byTitle = TITLE_SET.has(key) || listedTitles.has(key);
      // Most words start no one's name: nothing to make, and nothing kept for them.
      if (!byTitle && !firstNames.has(key)) return undefined;
      if (sequenceCache.has(key)) return sequenceCache.get(key);
      const found: NameSequence[] = [];
      const people = byTitle ? withSurname : firstNames.get(key)!;
      for (const person of people) {
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
        for (const person of withSurname) {
          for (const first of firstsOf(person)) add(compactMap, compactKey(first + person.surname), person);
          for (const title of titlesOf(person)) add(compactMap, compactKey(title + person.surname), person);
        }
      }
      return compactMap.get(key);
    },
  };
  return { count, sequences, firstNames, staffSurnames, compact };
}

/** Already lower-case letters and digits, as folded names almost always are: nothing to drop. */
const PLAIN_KEY = /^[a-z0-9]*$/;
export const compactKey = (s: string) => (PLAIN_KEY.test(s) ? s : s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));

export function isTitle(key: string): boolean {
  return TITLE_SET.has(key);
}
