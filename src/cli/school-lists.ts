/**
 * School-size name lists for evaluation: a real secondary school has about
 * 1,200 pupils and 100 staff, and most of their first names are ordinary ones
 * that turn up in any post ("Grace", "Jack", "Will"). The corpora list only
 * the few people their posts are about, so each school's list is padded to
 * size from UK name frequencies (tests/fixtures/names/uk-names.json), drawn
 * with a seeded generator so every run sees the same lists.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../rules/seeded-random';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const SCHOOL_PUPILS = 1200;
export const SCHOOL_STAFF = 100;

export interface StaffEntry {
  name: string;
  title?: string;
  role?: string;
}

interface NameData {
  pupilGirls: string[];
  pupilBoys: string[];
  adultWomen: string[];
  adultMen: string[];
  surnames: string[];
}

let names: NameData | null = null;
function nameData(): NameData {
  names ??= JSON.parse(readFileSync(resolve(root, 'tests/fixtures/names/uk-names.json'), 'utf8')) as NameData;
  return names;
}


function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Picks from a rank-ordered list, weighting rank r by 1/(r + 10): common names are common, rare ones still occur. */
function rankedPicker(list: readonly string[], random: () => number): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 0; r < list.length; r++) cumulative.push((total += 1 / (r + 10)));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
}

export interface PaddingOptions {
  /** Seed for the generator; the school id is mixed in so schools differ. */
  seed?: number;
  pupils?: number;
  staff?: number;
  /**
   * Lower-case words to keep out of generated surnames. A set's labels were
   * written against the people it lists; a generated "Mrs Patel" that a post
   * happens to mention would turn a correct label wrong. First names are drawn
   * freely: a first name on the list that the post does not mean is the hard case.
   */
  avoidSurnames?: ReadonlySet<string>;
}

/** The school's own pupils and staff, padded with generated ones to a school's size. */
export function padSchoolLists(
  schoolId: string,
  own: { pupils: readonly string[]; staff: readonly StaffEntry[] },
  options: PaddingOptions = {},
): { pupils: string[]; staff: StaffEntry[] } {
  const data = nameData();
  const random = seededRandom(hashSeed(schoolId) ^ (options.seed ?? 2026));
  const avoid = options.avoidSurnames ?? new Set<string>();
  const surnames = data.surnames.filter((s) => !avoid.has(s.toLowerCase()));
  const surname = rankedPicker(surnames, random);
  const girl = rankedPicker(data.pupilGirls, random);
  const boy = rankedPicker(data.pupilBoys, random);
  const woman = rankedPicker(data.adultWomen, random);
  const man = rankedPicker(data.adultMen, random);

  const pupils = [...own.pupils];
  const taken = new Set(pupils.map((p) => p.toLowerCase()));
  const pupilTarget = options.pupils ?? SCHOOL_PUPILS;
  while (pupils.length < pupilTarget) {
    const name = `${random() < 0.5 ? girl() : boy()} ${surname()}`;
    if (taken.has(name.toLowerCase())) continue;
    taken.add(name.toLowerCase());
    pupils.push(name);
  }

  const staff = [...own.staff];
  const staffTaken = new Set(staff.map((s) => s.name.toLowerCase()));
  const staffTarget = options.staff ?? SCHOOL_STAFF;
  while (staff.length < staffTarget) {
    const female = random() < 0.7; // most school staff are women
    const first = female ? woman() : man();
    const last = surname();
    const name = `${first} ${last}`;
    if (staffTaken.has(name.toLowerCase())) continue;
    staffTaken.add(name.toLowerCase());
    const title = female ? (random() < 0.55 ? 'Mrs' : random() < 0.7 ? 'Miss' : 'Ms') : random() < 0.1 ? 'Dr' : 'Mr';
    staff.push({ name, title });
  }
  return { pupils, staff };
}

/** Lower-case words of a set of texts, for `avoidSurnames`. */
export function wordsOf(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const text of texts) for (const w of text.toLowerCase().match(/\p{L}[\p{L}'-]*/gu) ?? []) out.add(w);
  return out;
}
