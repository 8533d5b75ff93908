import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePackText } from '../../src/rules/pack/read-text';
import { describeProblems } from '../../src/rules/pack/validate';

const weardale = JSON.parse(readFileSync('assets/packs/weardale.json', 'utf8')) as Record<string, any>;

function problemsFor(edit: (pack: Record<string, any>) => void): string[] {
  const pack = structuredClone(weardale);
  edit(pack);
  const result = parsePackText(JSON.stringify(pack));
  if (result.ok) throw new Error('the edited pack validated');
  return describeProblems(result.problems).split('\n');
}

describe('pack problems as a school reads them (issue 11)', () => {
  it('a missing ref is one plain sentence naming the clause and the fix', () => {
    expect(problemsFor((pack) => delete pack.policy.clauses[3].ref)).toEqual(['policy.clauses[3] has no ref: add the reference as printed in the policy, e.g. 5(d).']);
  });

  it('a missing policy is one root cause, not one per category that cites it', () => {
    expect(problemsFor((pack) => delete pack.policy)).toEqual(['The pack has no policy: add "policy" with the policy\'s "title" and its "clauses".']);
    expect(problemsFor((pack) => delete pack.policy.clauses[5].id)).toEqual(['policy.clauses[5] has no id: add a short id that categories cite, e.g. "confidentiality".']);
  });

  it('tells a wrong type from a missing field', () => {
    expect(problemsFor((pack) => (pack.policy.clauses = 'see the PDF'))).toEqual(['policy.clauses must be a list (got "see the PDF").']);
    expect(problemsFor((pack) => Object.assign(pack, { eventLog: 'yes' }))).toEqual(['eventLog must be true or false (got "yes").']);
  });

  it('an unknown key pasted by mistake is quoted short enough to read, and still found', () => {
    const key = `policyy${'x'.repeat(5_000)}`;
    const [line] = problemsFor((pack) => (pack[key] = 1));
    expect(line!.length).toBeLessThan(200);
    expect(line).toContain(`policyy${'x'.repeat(33)}…`);
    expect(line).toMatch(/is not a field PostCheck knows/);
  });

  it('JSON syntax errors give line, column and a hint, once', () => {
    const result = parsePackText('{\n  "id": "x",\n  "school": { "name": "A", }\n}');
    if (result.ok) throw new Error('parsed');
    const lines = describeProblems(result.problems).split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^The pack is not valid JSON at line 3, column \d+: .+\. Hint: .*comma/);
  });

  it('every sentence ends with a full stop and none is raw developer output', () => {
    const lines = problemsFor((pack) => {
      delete pack.school.name;
      pack.categories.pupil.severity = 'high';
      pack.categories.sickness.clauses = ['nope'];
      pack.colour = 'blue';
    });
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).toMatch(/\.$/);
      expect(line).not.toMatch(/: required|invalid_type|Invalid input/);
    }
  });
});
