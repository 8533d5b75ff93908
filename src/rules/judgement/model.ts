import type { CategoryId } from '../types';
import { FeatureIndex, isPrefixCode, PREFIX_CODES, sharedLengthOf } from './feature-ids';
import type { FeatureSink, PostFeatures } from './features';

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
  /**
   * Where a post only half passes the engine's gate (one sign of school life where a confidential
   * matter wants two; a remark on a child with no evaluative word), the stricter threshold it must
   * reach instead; absent: such a post is not judged.
   */
  weakThreshold?: number;
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

/** A category as the scorer reads it: its weights by feature id. */
export interface ScoredCategory extends Omit<CategoryModel, 'weights'> {
  weight(id: number): number;
}

export interface LoadedModel {
  categories: Partial<Record<CategoryId, ScoredCategory>>;
  index: FeatureIndex;
}

/**
 * Shipped (packed) weights are scored as they are, not unpacked: a check reads some hundred
 * weights, and unpacking all 34,000 and naming the 8,000-odd features was most of a fresh
 * engine's first judged post (issue 10). Each weight decodes exactly as unpackWeights decodes it.
 */
export function loadModel(weights: ModelWeights | PackedWeights): LoadedModel {
  const categories: LoadedModel['categories'] = {};
  if ('packing' in weights) {
    for (const [category, model] of Object.entries(weights.categories) as [CategoryId, PackedWeights['categories'][CategoryId] & object][]) {
      const { weights: digits, ...settings } = model;
      categories[category] = { ...settings, weight: packedWeightReader(digits, weights.packing) };
    }
    return { categories, index: FeatureIndex.fromPrefixCoded(weights.features) };
  }
  for (const [category, model] of Object.entries(weights.categories) as [CategoryId, CategoryModel][]) {
    const { weights: list, ...settings } = model;
    categories[category] = { ...settings, weight: (id) => list[id]! };
  }
  return { categories, index: FeatureIndex.fromNames(weights.features) };
}

/**
 * weights.json as shipped: the same model in a quarter less space, since the engine bundle carries
 * it to every browser (issue 10: ≤ 250 kB gzipped). Lossless: features are one string, each
 * feature led by a capital saying how many characters it shares with the one before (sorted
 * n-grams share long prefixes); a weight, which training rounds to `decimals` places, is an integer written as `width`
 * characters of WEIGHT_DIGITS (two for today's weights); a category in "rules" mode, which the engine never scores, keeps
 * its mode, threshold and bias but ships no weights. `npm run weights:pack` writes it from the
 * plain form (`npm run train` writes it directly).
 */
export interface PackedWeights {
  version: number;
  trained: string;
  seed: number;
  packing: { decimals: number; width: number; offset: number };
  features: string;
  categories: Partial<Record<CategoryId, Omit<CategoryModel, 'weights'> & { weights: string }>>;
  /** Small, so kept plain; a kind in "rules" mode ships no weights, and no features when no kind is scored. */
  persons?: ModelWeights['persons'];
}

/** No quote, backslash, backtick or dollar: the string sits in JSON inside a JavaScript bundle unescaped. */
const WEIGHT_DIGITS = "!#%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~";
const BASE = WEIGHT_DIGITS.length;
/** WEIGHT_DIGITS' values by character code. */
const DIGIT_VALUES = new Int16Array(128);
for (let i = 0; i < BASE; i++) DIGIT_VALUES[WEIGHT_DIGITS.charCodeAt(i)] = i;

function packedWeightReader(digits: string, { decimals, width, offset }: PackedWeights['packing']): (id: number) => number {
  const scale = 10 ** decimals;
  return (id) => {
    let n = 0;
    for (let k = 0, at = id * width; k < width; k++, at++) n = n * BASE + DIGIT_VALUES[digits.charCodeAt(at)]!;
    return (n - offset) / scale;
  };
}

export function packWeights(weights: ModelWeights): PackedWeights {
  const decimals = [2, 3, 4, 5, 6].find((d) => Object.values(weights.categories).every((m) => m.weights.every((w) => Number(w.toFixed(d)) === w)));
  if (decimals === undefined) throw new Error('weights.json: weights have more than 6 decimal places; round them in training');
  const scale = 10 ** decimals;
  const largest = Math.max(0, ...Object.values(weights.categories).flatMap((m) => m.weights.map((w) => Math.abs(Math.round(w * scale)))));
  let width = 1;
  while (BASE ** width <= 2 * largest + 1) width++;
  const offset = Math.floor(BASE ** width / 2);
  const features = weights.features.map((feature, i) => {
    const before = weights.features[i - 1] ?? '';
    let shared = 0;
    while (shared < PREFIX_CODES.length - 1 && shared < before.length && before[shared] === feature[shared]) shared++;
    // Never half an emoji: a lone surrogate is not valid JSON text.
    if (shared > 0 && /[\uD800-\uDBFF]/u.test(feature[shared - 1]!)) shared--;
    if (/[A-Z]/u.test(feature)) throw new Error(`weights.json: feature ${JSON.stringify(feature)} has a capital letter; features are lower case`);
    return PREFIX_CODES[shared]! + feature.slice(shared);
  });
  const categories: PackedWeights['categories'] = {};
  for (const [category, model] of Object.entries(weights.categories) as [CategoryId, CategoryModel][]) {
    const digits = model.mode === 'rules' ? '' : model.weights.map((w) => {
      let n = Math.round(w * scale) + offset;
      let out = '';
      for (let k = 0; k < width; k++, n = Math.floor(n / BASE)) out = WEIGHT_DIGITS[n % BASE]! + out;
      return out;
    }).join('');
    categories[category] = { mode: model.mode, threshold: model.threshold, ...(model.weakThreshold !== undefined && { weakThreshold: model.weakThreshold }), bias: model.bias, weights: digits };
  }
  const packed: PackedWeights = { version: weights.version, trained: weights.trained, seed: weights.seed, packing: { decimals, width, offset }, features: features.join(''), categories };
  if (weights.persons) {
    const models = Object.fromEntries(Object.entries(weights.persons.models).map(([kind, m]) => [kind, m.mode === 'rules' ? { ...m, weights: [] } : m]));
    const scored = Object.values(weights.persons.models).some((m) => m.mode !== 'rules');
    packed.persons = { features: scored ? weights.persons.features : [], models };
  }
  return packed;
}

/** The plain form, for scripts and tests: the engine scores the packed form as it is (loadModel). */
export function unpackWeights(packed: PackedWeights): ModelWeights {
  const { width } = packed.packing;
  const features: string[] = [];
  let before = '';
  const text = packed.features;
  for (let at = 0; at < text.length; ) {
    const shared = sharedLengthOf(text.charCodeAt(at));
    let end = at + 1;
    while (end < text.length && !isPrefixCode(text.charCodeAt(end))) end++;
    before = before.slice(0, shared) + text.slice(at + 1, end);
    features.push(before);
    at = end;
  }
  const categories: ModelWeights['categories'] = {};
  for (const [category, model] of Object.entries(packed.categories) as [CategoryId, PackedWeights['categories'][CategoryId] & object][]) {
    const weight = packedWeightReader(model.weights, packed.packing);
    const weights = Array.from({ length: model.weights.length / width }, (_, id) => weight(id));
    categories[category] = { mode: model.mode, threshold: model.threshold, ...(model.weakThreshold !== undefined && { weakThreshold: model.weakThreshold }), bias: model.bias, weights };
  }
  return { version: packed.version, trained: packed.trained, seed: packed.seed, features, categories, ...(packed.persons && { persons: packed.persons }) };
}

export function judge(model: LoadedModel, features: PostFeatures, categories: Iterable<CategoryId>): Judgement[] {
  const scorer = new PostScorer(model, categories);
  for (const feature of features.post) scorer.postFeature(feature);
  for (const sentence of features.sentences) {
    scorer.startSentence();
    for (const feature of sentence) scorer.sentenceFeature(feature);
  }
  return scorer.judgements();
}

/**
 * Scores a post for each category as collectFeatures finds its features, none of them named or
 * kept (issue 10: a judged check made ~150 feature names, and the Sets and arrays that held them).
 * Each feature counts once in the post, and a sentence's features once in that sentence. The
 * post's score adds, to the bias, its post features' weights and then each word feature's at its
 * first sentence (the features training fits, scripts/train.ts); a sentence's weight adds its own
 * word features'.
 */
export class PostScorer implements FeatureSink {
  private readonly index: FeatureIndex;
  private readonly categories: CategoryId[] = [];
  private readonly models: ScoredCategory[] = [];
  /** Per category: the post's score so far (before the sigmoid), the sentence's weight so far, and the weightiest sentence yet. */
  private readonly z: number[] = [];
  private readonly sentenceWeight: number[] = [];
  private readonly bestWeight: number[] = [];
  private readonly best: number[] = [];
  private sentence = -1;

  constructor(model: LoadedModel, categories: Iterable<CategoryId>) {
    this.index = model.index;
    for (const category of categories) {
      const m = model.categories[category];
      if (!m) continue;
      this.categories.push(category);
      this.models.push(m);
      this.z.push(m.bias);
      this.sentenceWeight.push(0);
      this.bestWeight.push(-Infinity);
      this.best.push(0);
    }
    this.index.seenInPost.clear();
    this.index.seenInWords.clear();
  }

  postFeature(a: string, b?: string, c?: string, d?: string): void {
    if (this.sentence >= 0) throw new Error('PostScorer: post features come before sentences');
    const id = this.index.idOf(a, b, c, d);
    if (id < 0 || !this.index.seenInPost.add(id)) return;
    for (let k = 0; k < this.models.length; k++) this.z[k]! += this.models[k]!.weight(id);
  }

  startSentence(): void {
    this.endSentence();
    this.sentence++;
    this.index.seenInSentence.clear();
  }

  sentenceFeature(a: string, b?: string, c?: string, d?: string): void {
    const id = this.index.idOf(a, b, c, d);
    if (id < 0 || !this.index.seenInSentence.add(id)) return;
    const firstInPost = this.index.seenInWords.add(id);
    for (let k = 0; k < this.models.length; k++) {
      const weight = this.models[k]!.weight(id);
      this.sentenceWeight[k]! += weight;
      if (firstInPost) this.z[k]! += weight;
    }
  }

  judgements(): Judgement[] {
    this.endSentence();
    return this.models.map((m, k) => ({ category: this.categories[k]!, mode: m.mode, score: sigmoid(this.z[k]!), threshold: m.threshold, sentence: this.best[k]! }));
  }

  private endSentence(): void {
    if (this.sentence < 0) return;
    for (let k = 0; k < this.models.length; k++) {
      if (this.sentenceWeight[k]! > this.bestWeight[k]!) {
        this.bestWeight[k] = this.sentenceWeight[k]!;
        this.best[k] = this.sentence;
      }
      this.sentenceWeight[k] = 0;
    }
  }
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
