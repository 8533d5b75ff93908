import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePackText } from '../../src/rules/pack/read-text';
import { describeProblems, type PackValidation } from '../../src/rules/pack/validate';
import type { Pack } from '../../src/rules/pack/schema';
import { CATEGORY_IDS } from '../../src/rules/types';

/**
 * The five packs PostCheck ships, checked against the policies they quote.
 * The policies live in the shared material beside the repo (`../shared`), as
 * on CI; the clause texts must be the policies' own words.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const packsDir = path.join(repoRoot, 'assets/packs');
const policiesDir = path.resolve(repoRoot, '../shared/policies');

/** Pack id → the policy file it quotes. Weardale is invented; its policy is Durham County Council's template. */
const SHIPPED: Record<string, string> = {
  weardale: 'durham-personal-use.txt',
  testbourne: 'testbourne.txt',
  kettleshulme: 'kettleshulme.txt',
  waterloo: 'waterloo.txt',
  mandeville: 'mandeville.txt',
  // The built-in general pack (used until a school loads its own) quotes the same Durham template.
  general: 'durham-personal-use.txt',
};

/**
 * Categories each pack must set. School packs set every one; the general pack names no school
 * and holds no logo, so it sets the text categories that need no school details.
 */
const EXPECTED_CATEGORIES: Record<string, readonly string[]> = {
  general: ['pupil', 'staff', 'sickness', 'disparaging', 'offensive', 'personal-data', 'confidential', 'child-comment', 'photos'],
};

/**
 * The clause each pack's `photos` category must cite: the school's own words on photographs of
 * pupils where it has them (Waterloo, Kettleshulme, Weardale/Durham); the closest clause where it
 * has none (Mandeville's is about taking photos on school devices; Testbourne has no photo clause at all).
 */
const PHOTO_CLAUSE: Record<string, string> = {
  waterloo: 'Photographs, videos or any other types of image of pupils and their families or images depicting staff members must not be published on personal webspace.',
  kettleshulme: 'uploading any photographs or video containing images of children/young people for whom the employee holds a position of trust unless in line with the school procedures;',
  weardale: 'Not use a personal device to take pictures of children under any circumstances',
  general: 'Not use a personal device to take pictures of children under any circumstances',
  mandeville: 'Any photos for social media posts may only be taken using school cameras/devices or devices that have been approved in advance by Tanya Blandford.',
  testbourne: 'staff members must not cite or reference students/parents without approval;',
};

/** Whitespace runs become one space; curly and primed quotes become straight ones. */
function normaliseQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function loadPack(file: string): Pack {
  const result: PackValidation = parsePackText(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${path.basename(file)} is not a valid pack:\n${describeProblems(result.problems)}`);
  return result.pack;
}

function readPolicy(file: string): string {
  const full = path.join(policiesDir, file);
  if (!existsSync(full)) {
    throw new Error(`policy text not found at ${full}: the shared material must sit beside the repo as ../shared`);
  }
  return normaliseQuote(readFileSync(full, 'utf8'));
}

describe('shipped rule packs', () => {
  for (const [id, policyFile] of Object.entries(SHIPPED)) {
    describe(id, () => {
      const file = path.join(packsDir, `${id}.json`);

      it('validates', () => {
        const result = parsePackText(readFileSync(file, 'utf8'));
        expect(result.ok ? [] : describeProblems(result.problems).split('\n')).toEqual([]);
      });

      it('has the id of its file name', () => {
        expect(loadPack(file).id).toBe(id);
      });

      it('quotes every clause verbatim from its policy', () => {
        const policy = readPolicy(policyFile);
        const notFound = loadPack(file)
          .policy.clauses.filter((clause) => !policy.includes(normaliseQuote(clause.text)))
          .map((clause) => clause.id);
        expect(notFound).toEqual([]);
      });

      it('sets every category it should, each citing at least one clause', () => {
        const pack = loadPack(file);
        const expected = EXPECTED_CATEGORIES[id] ?? CATEGORY_IDS;
        expect(Object.keys(pack.categories).sort()).toEqual([...expected].sort());
        for (const category of expected as readonly (typeof CATEGORY_IDS)[number][]) {
          const settings = pack.categories[category];
          expect(settings, `categories.${category}`).toBeDefined();
          expect(settings?.clauses.length ?? 0, `categories.${category}.clauses`).toBeGreaterThan(0);
        }
      });

      it('checks photos for people by default, citing its photo clause quoted from the policy', () => {
        const pack = loadPack(file);
        const photos = pack.categories.photos;
        expect(photos?.enabled).not.toBe(false);
        const cited = pack.policy.clauses.find((clause) => clause.id === photos?.clauses[0]);
        expect(cited?.text).toBe(PHOTO_CLAUSE[id]);
        expect(readPolicy(policyFile)).toContain(normaliseQuote(PHOTO_CLAUSE[id] ?? '(none)'));
      });

      it('cites every clause it quotes', () => {
        const pack = loadPack(file);
        const cited = new Set(Object.values(pack.categories).flatMap((settings) => settings?.clauses ?? []));
        expect(pack.policy.clauses.map((c) => c.id).filter((clauseId) => !cited.has(clauseId))).toEqual([]);
      });

      it('carries at least 10 pack tests', () => {
        expect(loadPack(file).tests.length).toBeGreaterThanOrEqual(10);
      });

      it('passes its own pack tests', async () => {
        // Imported here rather than at the top so that the data checks above
        // still report on their own if the engine fails to load.
        const { compilePack, runPackTests } = await import('../../src/rules');
        const compiled = compilePack(JSON.parse(readFileSync(file, 'utf8')) as unknown);
        if (!compiled.ok) throw compiled.error;
        expect(runPackTests(compiled.compiled)).toEqual([]);
      });
    });
  }
});

describe('docs/rule-pack.md', () => {
  /** The worked example: the first ```json block under the "## Worked example" heading. */
  function workedExample(): string {
    const doc = readFileSync(path.join(repoRoot, 'docs/rule-pack.md'), 'utf8');
    const section = doc.slice(doc.indexOf('\n## Worked example'));
    const example = /```json\r?\n([\s\S]*?)```/.exec(section)?.[1];
    if (example === undefined) throw new Error('docs/rule-pack.md has no ```json block under "## Worked example"');
    return example;
  }

  it('has a worked example pack that validates', () => {
    const result = parsePackText(workedExample());
    expect(result.ok ? [] : describeProblems(result.problems).split('\n')).toEqual([]);
  });

  it('has a worked example whose pack tests pass', async () => {
    const { compilePack, runPackTests } = await import('../../src/rules');
    const compiled = compilePack(JSON.parse(workedExample()) as unknown);
    if (!compiled.ok) throw compiled.error;
    expect(runPackTests(compiled.compiled)).toEqual([]);
  });
});
