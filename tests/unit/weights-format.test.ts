import { describe, expect, it } from 'vitest';
import shipped from '../../src/rules/judgement/weights.json';
import { loadModel, packWeights, unpackWeights, type ModelWeights, type PackedWeights } from '../../src/rules/judgement/model';

/** The packed weights file (model.ts) must carry exactly the model training made. */
const plain: ModelWeights = {
  version: 1,
  trained: '2026-12-06',
  seed: 7,
  features: ['about:child', 'about:colleague', 'b:<num> !', 'b:<num> <num>', 'w:go', 'w:good', 'w:😂', 'w:😂😂', 'w:🙃'],
  categories: {
    disparaging: { mode: 'union', threshold: 0.875, bias: -2.5007, weights: [0.369, -0.096, 1.073, 2.722, -1.509, 0, 0.001, -0.001, 0.5] },
    sickness: { mode: 'rules', threshold: 0.525, bias: -2.0649, weights: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
  },
};

describe('packed model weights', () => {
  it('unpack to the same features and weights, and drop only the weights of a category the engine never scores', () => {
    const back = unpackWeights(JSON.parse(JSON.stringify(packWeights(plain))) as PackedWeights);
    expect(back.features).toEqual(plain.features);
    expect(back.categories.disparaging).toEqual(plain.categories.disparaging);
    expect(back.categories.sickness).toEqual({ ...plain.categories.sickness, weights: [] });
  });

  it('keep weights with more decimals or larger magnitudes exactly, using more digits', () => {
    const fine: ModelWeights = { ...plain, categories: { confidential: { mode: 'union', threshold: 0.5, bias: 0, weights: [0.1234, -47.5, 0, 1e-4, 3, 0.5, -0.25, 2, 1] } } };
    const packed = packWeights(fine);
    expect(packed.packing.decimals).toBe(4);
    expect(unpackWeights(packed).categories.confidential!.weights).toEqual(fine.categories.confidential!.weights);
  });

  it('refuse a feature that would break the packing', () => {
    expect(() => packWeights({ ...plain, features: ['w:Capital'], categories: {} })).toThrow(/capital/);
  });

  it('the shipped file loads: every scored category has one weight per feature', () => {
    const model = unpackWeights(shipped as unknown as PackedWeights);
    expect(model.features.length).toBeGreaterThan(1000);
    expect(new Set(model.features).size).toBe(model.features.length);
    for (const [category, m] of Object.entries(model.categories)) {
      if (m.mode === 'rules') continue;
      expect(m.weights, category).toHaveLength(model.features.length);
      expect(m.weights.every(Number.isFinite), category).toBe(true);
    }
  });

  it('are scored as they are packed: every feature found by its name, every weight as unpacked, to the last bit', () => {
    for (const weights of [shipped as unknown as PackedWeights, packWeights(plain)]) {
      const { features, categories } = unpackWeights(weights);
      const model = loadModel(weights);
      expect(model.index.size).toBe(features.length);
      features.forEach((feature, id) => {
        expect(model.index.idOf(feature)).toBe(id);
        // Found from parts too, split anywhere.
        const cut = feature.length >> 1;
        expect(model.index.idOf(feature.slice(0, cut), feature.slice(cut, cut + 1), '', feature.slice(cut + 1))).toBe(id);
        for (const [category, m] of Object.entries(categories)) if (m.mode !== 'rules') expect(Object.is(model.categories[category as keyof typeof categories]!.weight(id), m.weights[id]), `${category} ${feature}`).toBe(true);
      });
      for (const absent of ['', 'w:', 'w:zzzzzzzzzz', `${features[0]}x`, features[0]!.slice(0, -1)]) if (!features.includes(absent)) expect(model.index.idOf(absent)).toBe(-1);
    }
  });
});
