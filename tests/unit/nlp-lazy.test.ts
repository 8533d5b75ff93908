import { describe, expect, it } from 'vitest';
import { checkPost, compilePack } from '../../src/rules';
import { loadNlp, nlpLoaded, taggingCallCount } from '../../src/rules/document/nlp';
import { benchPack, generateNames } from '../../bench/fixtures';

/**
 * compromise costs a fresh engine ~0.4 s to load (src/rules/document/nlp.ts), so it loads on the first
 * question a check asks it, never at import. One file, one process: the order below is the point.
 */
describe('compromise loads when a check first needs it', () => {
  const names = generateNames(200);
  const compiled = compilePack(benchPack(names));
  if (!compiled.ok) throw compiled.error;

  it('is not loaded by importing the engine, compiling a pack or checking a post that asks it nothing', () => {
    expect(nlpLoaded()).toBe(false);
    const findings = checkPost(compiled.compiled, { text: 'Rang in sick today so off to the match with the kids' });
    expect(findings.map((f) => f.category)).toContain('sickness');
    expect(nlpLoaded()).toBe(false);
  });

  it('is loaded by a post that needs a word tagged, and tags it', () => {
    // "behaved" after a class reference: pupil-work-behaviour asks compromise whether it is a verb.
    const before = taggingCallCount();
    const findings = checkPost(compiled.compiled, { text: 'Year 4 behaved terribly in assembly' });
    expect(nlpLoaded()).toBe(true);
    expect(taggingCallCount() - before).toBe(1);
    expect(findings.map((f) => f.category)).toContain('child-comment');
  });

  it('loadNlp, run in idle time, builds the tagger without counting as a check and leaves the answers as they were', () => {
    const before = taggingCallCount();
    loadNlp();
    expect(taggingCallCount()).toBe(before);
    expect(checkPost(compiled.compiled, { text: 'Year 4 behaved terribly in assembly' }).map((f) => f.category)).toContain('child-comment');
  });
});
