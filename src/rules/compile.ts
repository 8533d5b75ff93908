import { buildPeopleIndex, type PeopleIndex } from './evidence/people';
import { buildSchoolMatcher, type SchoolMatcher } from './evidence/school';
import type { Pack, PersonEntry } from './pack/schema';
import { validatePack, type PackProblem } from './pack/validate';
import { phraseMatcher, type PhraseMatcher } from './evidence/phrases';
import { CATEGORY_IDS, type CategoryId, type CitedClause, type Severity } from './types';
import { citeClause } from './findings/cite';

/** Severity a category gets when the pack does not set one. */
export const DEFAULT_SEVERITY: Record<CategoryId, Severity> = {
  school: 'warn',
  pupil: 'block',
  staff: 'warn',
  sickness: 'warn',
  disparaging: 'warn',
  offensive: 'warn',
  'personal-data': 'block',
  confidential: 'block',
  'child-comment': 'warn',
  logo: 'warn',
  photos: 'warn',
};

export interface ResolvedCategory {
  id: CategoryId;
  severity: Severity;
  clause: CitedClause;
  /** The pack's extra phrases for this category. */
  phrases: PhraseMatcher | null;
  /** Words or names never to flag in this category. */
  allow: PhraseMatcher | null;
}

export interface CompiledPack {
  pack: Pack;
  /** Enabled categories only. */
  categories: Map<CategoryId, ResolvedCategory>;
  people: PeopleIndex;
  school: SchoolMatcher;
}

export class PackError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'PackError';
  }
}

export interface CompileOptions {
  /** Name lists loaded separately (e.g. from the school's MIS CSV), merged with the pack's own. */
  pupils?: readonly PersonEntry[];
  staff?: readonly PersonEntry[];
}

export type CompileResult = { ok: true; compiled: CompiledPack } | { ok: false; error: PackError };

/** Validates a pack and prepares it for checking: done once, not per keystroke. */
export function compilePack(json: unknown, options: CompileOptions = {}): CompileResult {
  const validation = validatePack(json);
  if (!validation.ok) return { ok: false, error: new PackError(validation.problems) };
  const pack = validation.pack;
  const categories = new Map<CategoryId, ResolvedCategory>();
  for (const id of CATEGORY_IDS) {
    const settings = pack.categories[id];
    if (!settings || !settings.enabled) continue;
    const clause = pack.policy.clauses.find((c) => c.id === settings.clauses[0])!;
    categories.set(id, {
      id,
      severity: settings.severity ?? DEFAULT_SEVERITY[id],
      clause: citeClause(pack, clause),
      phrases: settings.phrases.length ? phraseMatcher(settings.phrases) : null,
      allow: settings.allow.length ? phraseMatcher(settings.allow) : null,
    });
  }
  // concat, not spread: a spread of 20,000 names runs the iterator protocol per name until it is optimised.
  const people = buildPeopleIndex({
    pupils: pack.people.pupils.concat(options.pupils ?? []),
    staff: pack.people.staff.concat(options.staff ?? []),
  });
  return { ok: true, compiled: { pack, categories, people, school: buildSchoolMatcher(pack.school) } };
}
