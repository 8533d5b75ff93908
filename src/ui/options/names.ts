import type { PersonEntry } from '../../rules/pack/schema';

export function nameOf(person: PersonEntry): string {
  return typeof person === 'string' ? person : person.name;
}

function keyOf(person: PersonEntry): string {
  return nameOf(person).trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The existing list with the new names added, each person once. */
export function mergeNames(existing: readonly PersonEntry[], added: readonly PersonEntry[]): PersonEntry[] {
  const seen = new Set(existing.map(keyOf));
  const merged = [...existing];
  for (const person of added) {
    if (seen.has(keyOf(person))) continue;
    seen.add(keyOf(person));
    merged.push(person);
  }
  return merged;
}
