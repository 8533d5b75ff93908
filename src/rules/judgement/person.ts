import { personFeatures } from '../context/person';
import type { CheckContext } from '../detector';
import { nameCandidates, nameCues } from '../evidence/names';
import type { Person } from '../evidence/people';
import { sigmoid, type ModelWeights, type PackedWeights } from './model';
import weights from './weights.json';

/**
 * The learned person-in-context decision (scripts/train.ts): for a first name alone that the rules
 * did not take as the listed pupil or colleague, whether the words around it make it them. Used only
 * for a kind whose mode in weights.json is "union" (it beat the rules by cross-validation); it adds,
 * never removes.
 */
export interface PersonDecision {
  person: Person;
  /** [start, end) of the name in normalized text. */
  span: [number, number];
  score: number;
  threshold: number;
}

type PersonSection = NonNullable<ModelWeights['persons']>;
const SHIPPED = (weights as ModelWeights | PackedWeights).persons;
const indexes = new WeakMap<PersonSection, Map<string, number>>();

/** `section` is the shipped weights unless a test passes its own. */
export function judgePersons(ctx: CheckContext, section: PersonSection | undefined = SHIPPED): PersonDecision[] {
  if (!section || !Object.values(section.models).some((m) => m.mode === 'union')) return [];
  const candidates = nameCandidates(ctx).filter((c) => !c.accepted && section.models[c.person.kind]?.mode === 'union');
  if (candidates.length === 0) return [];
  let index = indexes.get(section);
  if (!index) indexes.set(section, (index = new Map(section.features.map((f, i) => [f, i]))));
  const decisions: PersonDecision[] = [];
  for (const c of candidates) {
    const model = section.models[c.person.kind]!;
    const token = ctx.doc.tokens[c.token]!;
    let z = model.bias;
    for (const f of personFeatures(ctx.doc, token, nameCues(ctx, token), false)) {
      const id = index.get(f);
      if (id !== undefined) z += model.weights[id]!;
    }
    const score = sigmoid(z);
    if (score >= model.threshold) decisions.push({ person: c.person, span: [token.start, token.end], score, threshold: model.threshold });
  }
  return decisions;
}
