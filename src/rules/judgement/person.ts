import { personFeatures } from '../context/person';
import type { CheckContext } from '../detector';
import { nameCandidates, nameCues } from '../evidence/names';
import type { Person } from '../evidence/people';
import type { PostDocument, Token } from '../document/document';
import { WORD_NAMES } from '../vocab';
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
  const candidates = nameCandidates(ctx).filter((c) => !c.accepted && section.models[c.person.kind]?.mode === 'union' && modelMayJudge(ctx.doc, ctx.doc.tokens[c.token]!));
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

/**
 * Whether the learned decision may take this first name alone: not a name that is also a word at the start of a
 * sentence or line ("Hope you all had a lovely Eid", "Will you be there?"), where its capital says nothing of a name.
 * The rules still read such a name in context ("Grace was brilliant in assembly"); training leaves them out too.
 */
export function modelMayJudge(doc: PostDocument, token: Token): boolean {
  return !(WORD_NAMES.has(token.key) && token.sentenceStart && WORD_NAME_AS_WORD_BEFORE.has(doc.tokens[token.index + 1]?.key ?? ''));
}
/** What follows a name-word used as a word at the start of a sentence: "Hope you…", "Will we…", "Hope everyone…". */
const WORD_NAME_AS_WORD_BEFORE = new Set(['you', 'u', 'ya', 'we', 'everyone', 'everybody', 'all', 'this', 'that', 'it', 'they', 'i']);

