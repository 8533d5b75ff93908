import { describe, expect, it } from 'vitest';
import { compilePack, type CompiledPack } from '../../src/rules';
import { runDetector } from '../../src/rules/check';
import type { Detector, DetectorExamples } from '../../src/rules/detector';
import { DETECTORS } from '../../src/rules/detectors';
import { EXAMPLE_SCHOOL } from './example-school';

// Each detector's file exports its examples beside it; paired here by the detector the same file exports.
const detectorModules = import.meta.glob<Record<string, unknown>>(['../../src/rules/evidence/detectors/*.ts', '../../src/rules/judgement/rules/*.ts'], { eager: true });
const EXAMPLES = new Map<Detector, DetectorExamples>();
for (const module of Object.values(detectorModules)) {
  const examples = module.examples as DetectorExamples | undefined;
  for (const value of Object.values(module)) if (examples && DETECTORS.includes(value as Detector)) EXAMPLES.set(value as Detector, examples);
}
const examplesOf = (detector: Detector): DetectorExamples => EXAMPLES.get(detector) ?? { valid: [], invalid: [] };

// One harness for every detector's own examples, the way eslint's RuleTester runs rules.
const compiled = ((): CompiledPack => {
  const result = compilePack(EXAMPLE_SCHOOL);
  if (!result.ok) throw result.error;
  return result.compiled;
})();

describe('every detector carries what it needs', () => {
  it.each(DETECTORS.map((d) => [d.meta.id, d] as const))('%s has metadata, messages and examples', (_, detector) => {
    expect(detector.meta.description.length).toBeGreaterThan(10);
    expect(detector.meta.cites.length).toBeGreaterThan(5);
    expect(Object.keys(detector.messages).length).toBeGreaterThan(0);
    expect(examplesOf(detector).valid.length).toBeGreaterThan(0);
    expect(examplesOf(detector).invalid.length).toBeGreaterThan(0);
  });

  it('rule ids are unique', () => {
    const ids = DETECTORS.map((d) => d.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

for (const detector of DETECTORS) {
  describe(detector.meta.id, () => {
    it.each(examplesOf(detector).valid)('stays quiet on %j', (text) => {
      expect(runDetector(compiled, detector, text)).toEqual([]);
    });
    it.each(examplesOf(detector).invalid.map((e) => (typeof e === 'string' ? { text: e, excerpt: undefined } : e)))('flags $text', ({ text, excerpt }) => {
      const findings = runDetector(compiled, detector, text);
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f.category).toBe(detector.meta.category);
        expect(f.ruleId).toBe(detector.meta.id);
        expect(detector.messages[f.messageId]).toBeDefined();
        expect(f.message).not.toMatch(/\{\w+\}/);
        expect(f.clause.ref).toBe('5(d)');
        for (const span of f.spans) expect(text.slice(span.start, span.end).length).toBeGreaterThan(0);
      }
      if (excerpt) expect(findings.map((f) => f.excerpt.toLowerCase())).toContain(excerpt.toLowerCase());
    });
  });
}
