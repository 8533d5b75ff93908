import type { CheckContext, Detector } from '../detector';
import { postSetting } from '../context/setting';
import { sentenceStances } from '../context/stance';
import type { CategoryId } from '../types';
import { postFeatures } from './features';
import { judge, loadModel, type ModelWeights, type PackedWeights } from './model';
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
 * roles) a post needs before the model judges it. One is not enough: speeches and e-mail say
 * "students" and "teachers" too (the real-text check: 43 false confidential findings per 9,700
 * snippets at one), and a word said twice is still one sign (Moby-Dick's "cook", "the head").
 */
const MIN_SCHOOL_SIGNS = 2;

const MODEL = loadModel(weights as ModelWeights | PackedWeights);

export interface JudgementDecision {
  category: CategoryId;
  /** Where the finding goes: [start, end) of the sentence in normalized text. */
  span: [number, number];
  score: number;
  threshold: number;
}

export function judgePost(ctx: CheckContext, raisedByRules: ReadonlySet<CategoryId>): JudgementDecision[] {
  const enabled = JUDGED_CATEGORIES.filter((c) => ctx.compiled.categories.has(c) && MODEL.weights.categories[c] && MODEL.weights.categories[c]!.mode !== 'rules');
  // Every judged category is about the school's community: with nothing in the post that places
  // it in school life, the model has nothing to judge (speeches, novels and e-mail stay quiet).
  if (enabled.length === 0 || ctx.doc.tokens.length === 0 || postSetting(ctx).schoolSigns < MIN_SCHOOL_SIGNS) return [];
  const features = postFeatures(ctx, raisedByRules);
  // A comment on a child's behaviour or work says something of it: "Year 5 did 3D shapes" reports a
  // lesson, "Year 5 smashed 3D shapes" comments. With no rated word and no irony, there is no comment.
  const evaluative = sentenceStances(ctx).some((s) => s.valence !== 0 || s.irony);
  const decisions: JudgementDecision[] = [];
  for (const j of judge(MODEL, features, enabled)) {
    const yes = j.score >= j.threshold && (j.category !== 'child-comment' || evaluative);
    const raised = raisedByRules.has(j.category);
    const sentence = ctx.doc.sentences[j.sentence]!;
    if (yes && !raised) decisions.push({ category: j.category, span: [sentence.start, sentence.end], score: j.score, threshold: j.threshold });
  }
  return decisions;
}

/** How a learned finding reads on the card; the examples are run by tests/unit/judgement.test.ts. */
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
