import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPost, compilePack } from '../../src/rules';

// Mandeville's shipped pack allows "Stoke Mandeville": the village and hospital, not the school.
const pack = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../assets/packs/mandeville.json'), 'utf8'));
const compiled = compilePack(pack);
if (!compiled.ok) throw compiled.error;
const school = (text: string) => checkPost(compiled.compiled, { text }).filter((f) => f.category === 'school');

describe('pack allow entries', () => {
  it('silence a finding whose span overlaps the allowed phrase', () => {
    expect(school('Visiting my dad at Stoke Mandeville hospital this afternoon')).toEqual([]);
    expect(school('Stoke Mandeville was the birthplace of the Paralympics')).toEqual([]);
    // The village's own primary school is another school: "Mandeville school" overlaps the allowed phrase.
    expect(school('Lovely nativity at Stoke Mandeville school tonight, my niece was a sheep')).toEqual([]);
  });

  it('leave the same word alone elsewhere in the post', () => {
    const findings = school('Stoke Mandeville hospital this morning, then back to Mandeville School for parents evening');
    expect(findings.map((f) => f.excerpt)).toEqual(['Mandeville School']);
  });

  it('still flag the school when the phrase is absent', () => {
    expect(school('Proud to teach at Mandeville').map((f) => f.excerpt)).toEqual(['Mandeville']);
  });
});
