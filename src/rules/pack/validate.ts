import type { z } from 'zod/mini';
import { explainPackProblems } from './explain';
import { PACK_LIMITS, PackSchema, shownInput, type Pack, type PersonEntry } from './schema';

import type { PackProblem } from './problem';

export type { PackProblem };

export type PackValidation = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

const MAX_KEY_SHOWN = 40;

/** `["policy","clauses",3,"ref"]` → `policy.clauses[3].ref`; the root is `(pack)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      // A key pasted by mistake can be thousands of characters: the message quotes enough of it to find it.
      const name = String(key).length > MAX_KEY_SHOWN ? `${String(key).slice(0, MAX_KEY_SHOWN)}…` : String(key);
      // A key that is not a plain name ("", " ", "a.b") is quoted so the path stays readable.
      if (!/^[\p{L}_$][\p{L}\p{N}_$-]*$/u.test(String(key))) out += `[${JSON.stringify(name)}]`;
      else out += out ? `.${name}` : name;
    }
  }
  return out || '(pack)';
}

/** The value at `path` in `json`; undefined when any step is missing. */
function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** What zod's `expected` type names mean to a school writing JSON. */
const EXPECTED_WORDS: Record<string, string> = { array: 'a list', object: 'an object', boolean: 'true or false', number: 'a number', string: 'text' };

/** zod issues in plain words, one per problem; never a raw schema dump. `json`: the input, to tell missing from wrong. */
export function problemsFromZod(error: z.core.$ZodError, json?: unknown): PackProblem[] {
  const problems: PackProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ path: formatPath([...issue.path, key]), message: 'is not a field PostCheck knows (check the spelling)' });
      }
      continue;
    }
    let message = issue.message;
    const missing = json === undefined ? issue.input === undefined : valueAt(json, issue.path) === undefined;
    if (issue.code === 'invalid_type' && missing) message = 'required';
    else if (issue.code === 'invalid_type') message = `must be ${EXPECTED_WORDS[issue.expected] ?? issue.expected} (got ${shownInput(valueAt(json, issue.path) ?? issue.input)})`;
    problems.push({ path: formatPath(issue.path), message });
  }
  return problems;
}

export function validatePack(json: unknown): PackValidation {
  const names = nameListsChecked(json);
  if (names) {
    const parsed = PackSchema.safeParse(names.packWithoutNames);
    if (parsed.success) {
      if (names.pupils) parsed.data.people.pupils = names.pupils;
      if (names.staff) parsed.data.people.staff = names.staff;
      return { ok: true, pack: parsed.data };
    }
  }
  // A pack with a problem anywhere is read whole by the schema, so its problems and their order never depend on the names' shortcut.
  const parsed = PackSchema.safeParse(json);
  if (parsed.success) return { ok: true, pack: parsed.data };
  // zod skips the pack-wide refinements once a field fails; run them on the raw
  // input too, so a school sees every problem in one go.
  const problems = problemsFromZod(parsed.error, json);
  const seen = new Set(problems.map((p) => `${p.path}: ${p.message}`));
  for (const p of crossReferenceProblems(json)) if (!seen.has(`${p.path}: ${p.message}`)) problems.push(p);
  return { ok: false, problems };
}

/**
 * A school's name lists, checked by a plain loop and given back as the schema would give them (names
 * trimmed, an object's fields in the schema's order), with the pack to parse without them. Parsing
 * each of 1,000s of names through a zod union was most of compilePack (issue 10). null when any
 * entry is not plainly valid: the schema then reads the whole pack and words its problems.
 */
function nameListsChecked(json: unknown): { packWithoutNames: unknown; pupils?: PersonEntry[]; staff?: PersonEntry[] } | null {
  if (!isPlainObject(json) || !isPlainObject(json.people)) return null;
  const pupils = plainNameList(json.people.pupils);
  const staff = plainNameList(json.people.staff);
  if (pupils === null || staff === null) return null;
  // Over the limit: the schema's refinement says so.
  if ((pupils?.length ?? 0) + (staff?.length ?? 0) > PACK_LIMITS.maxNames) return null;
  const people: Record<string, unknown> = { ...json.people };
  if (pupils) people.pupils = [];
  if (staff) people.staff = [];
  return { packWithoutNames: { ...json, people }, ...(pupils && { pupils }), ...(staff && { staff }) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** undefined when the list is absent (the schema's default applies), null when the schema must read it. */
function plainNameList(list: unknown): PersonEntry[] | null | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list) || list.length > PACK_LIMITS.maxNames) return null;
  const out = new Array<PersonEntry>(list.length);
  for (let i = 0; i < list.length; i++) {
    const entry = plainPerson(list[i]);
    if (entry === null) return null;
    out[i] = entry;
  }
  return out;
}

/** PersonObjectSchema's optional fields, in its order. */
const PERSON_FIELDS = ['title', 'knownAs', 'role'] as const;

/** As PersonEntrySchema parses a valid entry; null for anything it might refuse. */
function plainPerson(entry: unknown): PersonEntry | null {
  if (typeof entry === 'string') return plainName(entry);
  if (!isPlainObject(entry)) return null;
  const name = typeof entry.name === 'string' ? plainName(entry.name) : null;
  if (name === null) return null;
  const person: Exclude<PersonEntry, string> = { name };
  let fields = 1;
  for (const field of PERSON_FIELDS) {
    if (!Object.hasOwn(entry, field)) continue;
    const value = entry[field];
    if (typeof value !== 'string' || value.length > PACK_LIMITS.maxStringLength) return null;
    person[field] = value;
    fields++;
  }
  // Any other key is one the strict schema refuses.
  return Object.keys(entry).length === fields ? person : null;
}

/** A name as nonEmptyText gives it: at most maxStringLength before trimming, something left after. */
function plainName(text: string): string | null {
  if (text.length > PACK_LIMITS.maxStringLength) return null;
  const trimmed = text.trim();
  return trimmed ? trimmed : null;
}

/** Clause ids unique, and every clause a category cites exists. Tolerates any input shape. */
export function crossReferenceProblems(json: unknown): PackProblem[] {
  const problems: PackProblem[] = [];
  const pack = json as { policy?: { clauses?: unknown }; categories?: unknown } | null;
  const clauses = Array.isArray(pack?.policy?.clauses) ? (pack.policy.clauses as unknown[]) : [];
  const ids = new Set<string>();
  clauses.forEach((clause, i) => {
    const id = (clause as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (ids.has(id)) problems.push({ path: `policy.clauses[${i}].id`, message: `duplicate clause id "${id}"` });
    ids.add(id);
  });
  const categories = pack?.categories && typeof pack.categories === 'object' ? Object.entries(pack.categories) : [];
  for (const [category, settings] of categories) {
    const cited = (settings as { clauses?: unknown } | null)?.clauses;
    if (!Array.isArray(cited)) continue;
    cited.forEach((id, i) => {
      if (typeof id === 'string' && !ids.has(id)) {
        problems.push({ path: `categories.${category}.clauses[${i}]`, message: `no clause with id "${id}" in policy.clauses` });
      }
    });
  }
  return problems;
}

/** Root causes, one plain sentence a line (src/rules/pack/explain.ts). */
export function describeProblems(problems: readonly PackProblem[]): string {
  return explainPackProblems(problems).join('\n');
}
