import { absenceClaim, claimContradicted } from '../context/absence';
import type { CheckContext, Detector } from '../detector';
import { postSetting } from '../context/setting';
import { sentenceStances } from '../context/stance';
import type { CategoryId } from '../types';
import { collectFeatures } from './features';
import { loadModel, PostScorer, type LoadedModel, type ModelWeights, type PackedWeights } from './model';
import weights from './weights.json';

/**
 * The judgement stage: after the rules have spoken, the learned model may add a
 * finding the rules missed, category by
 * category, as weights.json says. Judged categories are the ones that need
 * meaning rather than evidence.
 */
export const JUDGED_CATEGORIES = ['disparaging', 'sickness', 'confidential', 'child-comment'] as const satisfies readonly CategoryId[];

/**
 * How many different signs of school life (school words, the school's names, children, colleagues'
 * roles) a post needs before the model judges it; a word said twice is still one sign (Moby-Dick's
 * "cook", "the head"). Confidential needs two: meetings, proceedings and "don't know yet" are the
 * ordinary language of speeches and e-mail that say "students" once (the real-text check: 33 false
 * confidential findings per 9,700 snippets at one sign, 4 at two). A sneer at someone or a comment on
 * a child needs one sign, so that it is judged at all (at two, disparaging recall on the writers'
 * sets fell by 0.1–0.2 for 3 fewer false findings on real text).
 */
const MIN_SCHOOL_SIGNS: Record<Exclude<(typeof JUDGED_CATEGORIES)[number], 'sickness'>, number> = { disparaging: 1, confidential: 2, 'child-comment': 1 };

const SHIPPED = weights as ModelWeights | PackedWeights;
let model: LoadedModel | undefined;
/**
 * Loaded on the first post the model judges, not at import: indexing its 8,000-odd features
 * costs a fresh engine some ms, and a post with nothing of school life in it is never judged
 * (mode and threshold are read from the shipped file as they are).
 */
const judgementModel = () => (model ??= loadModel(SHIPPED));

/** Whether this process has loaded the model: the start-up test asks it. */
export const judgementModelLoaded = () => model !== undefined;

/** Loads the model now rather than on the first judged post: for a caller with idle time to spend. */
export function loadJudgementModel(): void {
  judgementModel();
}

export interface JudgementDecision {
  category: CategoryId;
  /** Where the finding goes: [start, end) of the sentence in normalized text. */
  span: [number, number];
  score: number;
  threshold: number;
}

export function judgePost(ctx: CheckContext, raisedByRules: ReadonlySet<CategoryId>): JudgementDecision[] {
  const gates = new Map<CategoryId, Gate>();
  const judged: CategoryId[] = [];
  for (const c of JUDGED_CATEGORIES) {
    const shipped = SHIPPED.categories[c];
    if (!ctx.compiled.categories.has(c) || !shipped || shipped.mode === 'rules') continue;
    const gate = judgementGate(ctx, c);
    gates.set(c, gate);
    if (gate === 'open' || (gate === 'weak' && shipped.weakThreshold !== undefined)) judged.push(c);
  }
  if (judged.length === 0) return [];
  const scorer = new PostScorer(judgementModel(), judged);
  collectFeatures(ctx, raisedByRules, scorer);
  const decisions: JudgementDecision[] = [];
  for (const j of scorer.judgements()) {
    const threshold = gates.get(j.category) === 'open' ? j.threshold : SHIPPED.categories[j.category]!.weakThreshold!;
    const yes = j.score >= threshold;
    const raised = raisedByRules.has(j.category);
    const sentence = ctx.doc.sentences[j.sentence]!;
    if (yes && !raised) decisions.push({ category: j.category, span: [sentence.start, sentence.end], score: j.score, threshold });
  }
  return decisions;
}

/**
 * Whether the model may judge this post for this category: 'open', 'weak' (half the signs the gate
 * wants: judged only at the category's stricter weakThreshold) or 'closed'. Training measures the same gate.
 */
export type Gate = 'open' | 'weak' | 'closed';
export function judgementGate(ctx: CheckContext, category: (typeof JUDGED_CATEGORIES)[number]): Gate {
  // Every judged category is about the school's community: with nothing in the post that places
  // it in school life, the model has nothing to judge (speeches, novels and e-mail stay quiet).
  if (ctx.doc.tokens.length === 0) return 'closed';
  // Sickness is the author's own: "rang in sick, off to the match" needs no school word, so its gate is something
  // that contradicts a claimed absence (open) or an illness the post speaks of (weak), wherever the post sits.
  // Genuine illness ("off sick with flu, staying in bed") has nothing against it and is never judged.
  if (category === 'sickness') {
    const claim = absenceClaim(ctx);
    const claimed = claim.absences.length > 0 || claim.quoted.length > 0 || claim.sickie.length > 0;
    if ((!claimed && !claim.illness) || !claimContradicted(ctx, claim)) return 'closed';
    return claimed ? 'open' : 'weak';
  }
  const setting = postSetting(ctx);
  if (setting.schoolSigns === 0) return 'closed';
  // A post whose only signs are words with a life outside school is half placed in school.
  const enoughSigns = setting.schoolSigns >= MIN_SCHOOL_SIGNS[category] && !setting.onlySharedWords;
  // A comment on a child's behaviour or work says something of it: "Year 5 did 3D shapes" reports a
  // lesson, "Year 5 smashed 3D shapes" comments. With no rated word and no irony, there is no comment.
  const evaluative = category !== 'child-comment' || sentenceStances(ctx).some((s) => s.valence !== 0 || s.irony || s.emphatic);
  return enoughSigns && evaluative ? 'open' : 'weak';
}

/** How a learned finding reads on the card. */
export const LEARNED: Pick<Detector, 'meta' | 'messages'> = {
  meta: {
    id: 'learned-judgement',
    category: 'disparaging',
    defaultSeverity: 'warn',
    description: 'A judgement learned from labelled posts: how the post speaks of pupils, colleagues, parents or the school, absence with leisure, and confidential matters.',
    cites: 'the clause of the category judged',
  },
  messages: {
    disparaging: 'This reads as a negative or mocking remark about your school or its community.',
    sickness: 'This reads as time off sick spent on leisure, or as faking illness.',
    confidential: 'This reads as an internal or confidential school matter.',
    'child-comment': 'This reads as a comment on a child’s behaviour or work.',
  },
};
