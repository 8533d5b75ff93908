import { describe, expect, it } from 'vitest';
import { checkPost, compilePack, raisedCategories } from '../../src/rules';
import { checkWithRules } from '../../src/rules/check';
import { judgementModelLoaded } from '../../src/rules/judgement';
import { postFeatures } from '../../src/rules/judgement/features';
import { judge, loadModel, type PackedWeights } from '../../src/rules/judgement/model';
import weights from '../../src/rules/judgement/weights.json';
import { benchPack, generateNames } from '../../bench/fixtures';

/**
 * The learned model is unpacked when a post is first judged, never at import (src/rules/judgement/index.ts).
 * One file, one process: the order below is the point.
 */
describe('the learned model loads when a post is first judged', () => {
  const compiled = compilePack(benchPack(generateNames(200)));
  if (!compiled.ok) throw compiled.error;

  it('is not unpacked by importing the engine, compiling a pack or checking a post with nothing of school in it', () => {
    expect(judgementModelLoaded()).toBe(false);
    expect(checkPost(compiled.compiled, { text: 'Lovely walk by the river this morning' })).toEqual([]);
    expect(judgementModelLoaded()).toBe(false);
  });

  it('is unpacked by a post about school life, and scores it as the shipped weights do', () => {
    const text = 'Year 6 were so rude today, worst class I have ever had';
    const learned = checkPost(compiled.compiled, { text }).filter((f) => f.ruleId === 'learned-judgement');
    expect(judgementModelLoaded()).toBe(true);
    expect(learned.length).toBeGreaterThan(0);
    // The same post scored by a model unpacked here, directly from weights.json.
    const { ctx, findings } = checkWithRules(compiled.compiled, { text });
    const scores = judge(loadModel(weights as PackedWeights), postFeatures(ctx, raisedCategories(findings)), learned.map((f) => f.category));
    for (const finding of learned) expect(finding.score).toBe(scores.find((s) => s.category === finding.category)?.score);
  });
});
