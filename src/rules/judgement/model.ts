import type { CategoryId } from '../types';
import type { PostFeatures } from './features';

/**
 * The learned judgement: one logistic regression per category over the
 * features in features.ts, trained by `npm run train` (scripts/train.ts) and
 * shipped as data (weights.json, described in docs/model-card.md).
 *
 * `mode` says how a category uses it: "rules" ignores the model, "union" lets
 * it add what the rules missed. It never removes a rule's finding.
 */
export type JudgementMode = 'rules' | 'union';

export interface CategoryModel {
  mode: JudgementMode;
  threshold: number;
  bias: number;
  /** Weight per feature, aligned with ModelWeights.features; 0 where unused. */
  weights: number[];
}

export interface ModelWeights {
  version: number;
  trained: string;
  seed: number;
  features: string[];
  categories: Partial<Record<CategoryId, CategoryModel>>;
  /** The person-in-context decision for a first name alone (context/person.ts features), by kind. */
  persons?: { features: string[]; models: Partial<Record<'pupil' | 'staff', CategoryModel>> };
}

export interface Judgement {
  category: CategoryId;
  mode: JudgementMode;
  score: number;
  threshold: number;
  /** The sentence whose words weigh most toward the category. */
  sentence: number;
}

export interface LoadedModel {
  weights: ModelWeights;
  index: Map<string, number>;
}

export function loadModel(weights: ModelWeights): LoadedModel {
  return { weights, index: new Map(weights.features.map((f, i) => [f, i])) };
}

export function judge(model: LoadedModel, features: PostFeatures, categories: Iterable<CategoryId>): Judgement[] {
  const postIds = ids(model, features.post);
  const sentenceIds = features.sentences.map((s) => ids(model, s));
  const allWords = [...new Set(sentenceIds.flat())];
  const out: Judgement[] = [];
  for (const category of categories) {
    const m = model.weights.categories[category];
    if (!m) continue;
    let z = m.bias;
    for (const id of postIds) z += m.weights[id]!;
    for (const id of allWords) z += m.weights[id]!;
    let best = 0;
    let bestWeight = -Infinity;
    sentenceIds.forEach((words, i) => {
      let w = 0;
      for (const id of words) w += m.weights[id]!;
      if (w > bestWeight) {
        bestWeight = w;
        best = i;
      }
    });
    out.push({ category, mode: m.mode, score: sigmoid(z), threshold: m.threshold, sentence: best });
  }
  return out;
}

function ids(model: LoadedModel, features: readonly string[]): number[] {
  const out: number[] = [];
  for (const f of features) {
    const id = model.index.get(f);
    if (id !== undefined) out.push(id);
  }
  return out;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
