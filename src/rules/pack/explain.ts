import type { PackProblem } from './problem';

/**
 * Pack problems as a school reads them (issue 11): root causes only, each one plain sentence
 * naming the field and saying how to fix it. The options page and the CLI both print these.
 */

/** How to fill in a missing field, by the field's name (and its parent where the name is shared). */
const HOW_TO_ADD: Record<string, string> = {
  'policy.clauses[].id': 'add a short id that categories cite, e.g. "confidentiality"',
  'policy.clauses[].ref': 'add the reference as printed in the policy, e.g. 5(d)',
  'policy.clauses[].text': 'add the clause, quoted word for word from the policy',
  'policy.title': 'add the policy title as printed on it',
  'policy.clauses': 'add the list of clauses the pack quotes, each with an id, ref and text',
  policy: 'add "policy" with the policy\'s "title" and its "clauses"',
  school: 'add "school" with at least the school\'s full "name"',
  'school.name': "add the school's full name as staff would write it",
  schemaVersion: 'add "schemaVersion": 1',
  id: 'add a pack id in lower-case letters, digits and hyphens, e.g. "testbourne"',
  'categories.*.clauses': 'add the ids of the clauses this category cites, from policy.clauses',
  'people.*[].name': 'add the full name, forename(s) then surname',
  'logos[].id': 'add a short id for the logo',
  'logos[].fingerprint': 'add the fingerprint made in the options page (School logo) or by `npm run check -- --fingerprint-logo`',
};

/** Where a JSON syntax error usually comes from, by jsonc-parser's error name. */
const JSON_HINTS: Record<string, string> = {
  'property name expected': 'look for a comma before a closing } (JSON allows none) or a name without double quotes',
  'value expected': 'look for a comma before a closing ] or }, or a missing value after a colon',
  'comma expected': 'a comma is missing between two entries',
  'colon expected': 'a colon is missing between a name and its value',
  'close brace expected': 'a closing } is missing',
  'close bracket expected': 'a closing ] is missing',
  'end of file expected': 'there is text after the pack\'s closing }',
  'invalid symbol': 'JSON needs straight double quotes ("), not curly quotes or single quotes',
  'unexpected end of string': 'a piece of text is missing its closing double quote',
  'invalid comment token': 'JSON allows no comments: remove them',
};

function generalise(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

function hintFor(path: string): string {
  const general = generalise(path);
  const wildcard = general.replace(/^(categories|people)\.[^.[]+/, '$1.*');
  return HOW_TO_ADD[general] ?? HOW_TO_ADD[wildcard] ?? 'add it (docs/rule-pack.md lists every field)';
}

/** `policy.clauses[3].ref` → `["policy.clauses[3]", "ref"]`. */
function splitLast(path: string): [string, string] {
  const match = /^(.*)\.([^.[\]]+)$/.exec(path);
  return match ? [match[1]!, match[2]!] : ['The pack', path];
}

/** Ends with a full stop. A sentence that starts with a field path keeps the path's own case. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** One problem as a sentence: "policy.clauses[3] has no ref: add the reference as printed in the policy, e.g. 5(d)." */
export function explainProblem(problem: PackProblem): string {
  const subject = problem.path === '(pack)' ? 'The pack' : problem.path;
  if (problem.message === 'required') {
    const [parent, field] = splitLast(problem.path);
    return sentence(`${parent} has no ${field}: ${hintFor(problem.path)}`);
  }
  const json = /^is not valid JSON: (.*) at line (\d+), column (\d+)$/.exec(problem.message);
  if (json) {
    const [, what, line, column] = json;
    const hint = JSON_HINTS[what!];
    return sentence(`${subject} is not valid JSON at line ${line}, column ${column}: ${what}${hint ? `. Hint: ${hint}` : ''}`);
  }
  const cites = /^no clause with id "(.*)" in policy\.clauses$/.exec(problem.message);
  if (cites) return sentence(`${subject} cites "${cites[1]}", which is not the id of any clause in policy.clauses: use one of those ids, or add the clause`);
  const duplicate = /^duplicate clause id "(.*)"$/.exec(problem.message);
  if (duplicate) return sentence(`${subject} repeats "${duplicate[1]}": give each clause its own id`);
  return sentence(`${subject} ${problem.message}`);
}

/**
 * Drops knock-on problems: with the policy, its clause list or a clause id missing, a
 * category "citing a clause that does not exist" is a consequence, not a second fault; after a
 * JSON syntax error, later syntax errors usually are too.
 */
export function rootCauses(problems: readonly PackProblem[]): PackProblem[] {
  const clausesBroken = problems.some((p) => p.path === 'policy' || p.path === 'policy.clauses' || /^policy\.clauses\[\d+\](\.id)?$/.test(p.path));
  const firstSyntax = problems.find((p) => p.message.startsWith('is not valid JSON'));
  return problems.filter((p) => {
    if (clausesBroken && /^no clause with id /.test(p.message)) return false;
    if (firstSyntax && p !== firstSyntax && p.message.startsWith('is not valid JSON')) return false;
    return true;
  });
}

/** The problems a school should fix, one sentence each. */
export function explainPackProblems(problems: readonly PackProblem[]): string[] {
  return rootCauses(problems).map(explainProblem);
}
