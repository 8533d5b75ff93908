import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPost, compilePack, mergeSameSpan, raisedCategories, type Finding } from '../../src/rules';
import { byCategoryId } from '../../src/rules/check';
import { CATEGORY_IDS } from '../../src/rules/types';

const weardale = compilePack(JSON.parse(readFileSync('assets/packs/weardale.json', 'utf8')) as unknown);
if (!weardale.ok) throw weardale.error;
const compiled = weardale.compiled;

describe('one finding per span (issue 11)', () => {
  it('a pupil named in praise of her work is one finding, at block, citing one clause', () => {
    const findings = checkPost(compiled, { text: 'Well done Grace Ferens on the spelling bee' });
    expect(findings.map((f) => [f.category, f.severity, f.excerpt])).toEqual([['pupil', 'block', 'Grace Ferens']]);
    // The folded category still counts for pack tests and the evaluation.
    expect([...raisedCategories(findings)].sort()).toEqual(['child-comment', 'pupil']);
  });

  it('keeps the strongest severity whichever order the rules raised it in', () => {
    const base: Omit<Finding, 'category' | 'severity'> = {
      ruleId: 'r', messageId: 'm', data: {}, message: 'm', spans: [{ start: 0, end: 4 }], excerpt: 'Ella',
      clause: { id: 'c', ref: '1', text: 'c', policyTitle: 'p' },
    };
    const warn: Finding = { ...base, category: 'child-comment', severity: 'warn' };
    const block: Finding = { ...base, category: 'pupil', severity: 'block' };
    for (const order of [[warn, block], [block, warn]]) {
      const merged = mergeSameSpan(order);
      expect(merged.map((f) => [f.category, f.severity, f.alsoRaises])).toEqual([['pupil', 'block', ['child-comment']]]);
    }
  });

  it('leaves findings on different spans alone', () => {
    const findings = checkPost(compiled, { text: 'Grace Ferens was a nightmare in class today' });
    // The name and the remark are separate findings (the learned judgement may also call it a comment on a child, which it is).
    expect(findings.map((f) => f.category)).toEqual(expect.arrayContaining(['disparaging', 'pupil']));
    expect(new Set(findings.map((f) => `${f.spans[0]!.start}-${f.spans[0]!.end}`)).size).toBe(findings.length);
  });
});

describe('messages say what was found, not more (issue 11)', () => {
  const message = (text: string) => checkPost(compiled, { text }).map((f) => f.message);

  it('says "letters hidden" only when a disguise was undone', () => {
    expect(message('this fucking photocopier')).toEqual(['This is swearing.']);
    expect(message('this f*cking photocopier')[0]).toMatch(/letters hidden \(“f\*cking”\)/);
    for (const text of ['this fucking photocopier', 'what a shit day']) expect(message(text).join(' ')).not.toMatch(/disguis|hidden/);
  });

  it('claims no sanction the clause does not state', () => {
    const all = [
      'Rang in sick this morning, now at Twickenham for the rugby',
      'Pulled a sickie so I could go to the match',
      'this place is a joke, SLT are clueless',
    ].flatMap(message);
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const text of all) expect(text).not.toMatch(/misconduct|forbids|breaks the conduct rules/);
  });
});

describe('findings at one place are listed in alphabetical order of category', () => {
  it('orders every pair of category ids as an alphabetical (locale) comparison does', () => {
    for (const a of CATEGORY_IDS) {
      for (const b of CATEGORY_IDS) expect(Math.sign(byCategoryId(a, b)), `${a} vs ${b}`).toBe(Math.sign(a.localeCompare(b)));
    }
  });
});
