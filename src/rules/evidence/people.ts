import type { PersonEntry } from '../pack/schema';
import { foldForMatching } from '../document/normalize';

/**
 * The school's pupils and staff, indexed for matching on every keystroke:
 * name sequences by their first word, single first names, surnames, and the
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

export interface PeopleIndex {
  count: { pupils: number; staff: number };
  sequences: Map<string, NameSequence[]>;
  /** First or known-as name alone → people. */
  firstNames: Map<string, Person[]>;
  surnames: Map<string, Person[]>;
  /** Run-together forms ("gracehetherington", "mrsokafor") → people. */
  compact: Map<string, Person[]>;
}

export const TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'revd', 'rev', 'reverend', 'sir', 'dame', 'father', 'fr', 'canon', 'coach', 'madame', 'mme', 'herr', 'sr'];
const TITLE_SET = new Set(TITLES);
/** Titles we assume a member of staff may be called by when the list gives none. */
const DEFAULT_STAFF_TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr'];
const NO_TITLES: readonly string[] = [];

const fold = (s: string) => foldForMatching(s).trim();
const words = (s: string) => fold(s).split(/[\s,]+/).filter(Boolean).map((w) => (w.endsWith('.') ? w.slice(0, -1) : w));

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

export function buildPeopleIndex(lists: { pupils: readonly PersonEntry[]; staff: readonly PersonEntry[] }): PeopleIndex {
  const index: PeopleIndex = { count: { pupils: 0, staff: 0 }, sequences: new Map(), firstNames: new Map(), surnames: new Map(), compact: new Map() };
  const add = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    // One person's keys are all added before the next person's, so a repeat can only be the last
    // entry: checking it alone keeps the lists the same as includes() did, in linear time (a
    // common first name is shared by hundreds of a big school's 20,000 people).
    if (!list) map.set(key, [value]);
    else if (list[list.length - 1] !== value) list.push(value);
  };
  const addSequence = (keys: string[], person: Person, form: NameForm) => {
    if (keys.length < 2) return;
    for (const key of keys) if (!key) return;
    add(index.sequences, keys[0]!, { keys, person, form });
  };
  for (const [kind, entries] of [['pupil', lists.pupils], ['staff', lists.staff]] as const) {
    for (const entry of entries) {
      const person = personFromEntry(entry, kind);
      if (!person) continue;
      index.count[kind === 'pupil' ? 'pupils' : 'staff']++;
      const firsts = person.knownAs ? [person.given[0]!, person.knownAs] : [person.given[0]!];
      for (const first of firsts) add(index.firstNames, first, person);
      if (!person.surname) continue;
      add(index.surnames, person.surname, person);
      for (const first of firsts) {
        addSequence([first, person.surname], person, 'full');
        // "Grace H", "Sunny B.": how staff often shorten a pupil's name.
        addSequence([first, person.surname[0]!], person, 'first-initial');
        add(index.compact, compactKey(first + person.surname), person);
      }
      if (person.given.length > 1) addSequence([...person.given, person.surname], person, 'full');
      const titles = person.title ? [person.title] : kind === 'staff' ? DEFAULT_STAFF_TITLES : NO_TITLES;
      // Only staff are called by initials; most people on the lists are pupils with no title.
      const initials = kind === 'staff' && titles.length ? person.surname.split('-').map((p) => p[0]).join('-') : '';
      for (const title of titles) {
        addSequence([title, person.surname], person, 'title-surname');
        addSequence([title, person.given[0]![0]!, person.surname], person, 'title-surname');
        // "Mr H", "Dr N-P": staff are often called by title and initials.
        if (kind === 'staff') addSequence([title, initials], person, 'title-initials');
        add(index.compact, compactKey(title + person.surname), person);
      }
    }
  }
  return index;
}

/** Already lower-case letters and digits, as folded names almost always are: nothing to drop. */
const PLAIN_KEY = /^[a-z0-9]*$/;
export const compactKey = (s: string) => (PLAIN_KEY.test(s) ? s : s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));

export function isTitle(key: string): boolean {
  return TITLE_SET.has(key);
}
