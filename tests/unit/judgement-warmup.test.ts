import { describe, expect, it } from 'vitest';
import { judgementModelLoaded, loadJudgementModel } from '../../src/rules/judgement';

/** The content script unpacks the learned model in idle time (src/content/engine.ts); its own file, so the module starts fresh. */
describe('loadJudgementModel', () => {
  it('unpacks the model ahead of the first judged post', () => {
    expect(judgementModelLoaded()).toBe(false);
    loadJudgementModel();
    expect(judgementModelLoaded()).toBe(true);
  });
});
