/**
 * `npm run eval`: how the engine does on the labelled development corpus
 * (tests/fixtures/corpus) and, when the logo matcher is present, on the logo
 * set (tests/fixtures/logos).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPost, compilePack, raisedCategories, TEXT_CATEGORY_IDS, type CompiledPack, type PackInput } from '../rules';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface CorpusPost {
  id: string;
  school: string;
  platform: string;
  text: string;
  labels: string[];
  why: string;
}

interface CorpusSchool {
  id: string;
  name: string;
  aliases: string[];
  domains: string[];
  handles: string[];
  hashtags: string[];
  pupils: string[];
  staff: { name: string; title?: string; role?: string }[];
}

export interface CategoryScore {
  category: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CorpusEvaluation {
  scores: CategoryScore[];
  unlabeled: number;
  unlabeledClean: number;
  /** Per post, the categories raised (for listing misses). */
  raised: Map<string, Set<string>>;
  posts: CorpusPost[];
}

/** The shipped pack for a corpus school, with the corpus's identity and name lists put in. */
export function corpusPack(school: CorpusSchool): PackInput {
  const shipped = JSON.parse(readFileSync(resolve(root, 'assets/packs', `${school.id}.json`), 'utf8')) as PackInput;
  return {
    ...shipped,
    school: { name: school.name, aliases: school.aliases, domains: school.domains, handles: school.handles, hashtags: school.hashtags },
    people: { pupils: school.pupils, staff: school.staff },
    tests: [],
  };
}

export const DEV_CORPUS = resolve(root, 'tests/fixtures/corpus');
/** A second development set by another writer, so tuning does not fit one writer's phrasing. */
export const DEV_CORPUS_2 = resolve(root, 'tests/fixtures/corpus-2');
/** A third, focused on disparaging, confidential and child-comment (no sickness or personal data). */
export const DEV_CORPUS_3 = resolve(root, 'tests/fixtures/corpus-3');
/** A fourth, from many voices, weighted to confidential matters. */
export const DEV_CORPUS_4 = resolve(root, 'tests/fixtures/corpus-4');
/** Written independently of the engine and of the dev sets; reported, never tuned on. */
export const CHECK_CORPUS = resolve(root, 'tests/fixtures/check-corpus');

/** Every labelled corpus `npm run eval` reports, in order. */
export const CORPORA: { dir: string; title: string; tunedOn: boolean }[] = [
  { dir: DEV_CORPUS, title: 'tests/fixtures/corpus (development set, tuned on)', tunedOn: true },
  { dir: DEV_CORPUS_2, title: 'tests/fixtures/corpus-2 (second development set, tuned on)', tunedOn: true },
  { dir: DEV_CORPUS_3, title: 'tests/fixtures/corpus-3 (third development set: disparaging, confidential, child-comment; tuned on)', tunedOn: true },
  { dir: DEV_CORPUS_4, title: 'tests/fixtures/corpus-4 (fourth development set: many voices, confidential-weighted; tuned on)', tunedOn: true },
  { dir: CHECK_CORPUS, title: 'tests/fixtures/check-corpus (independent check set, never tuned on)', tunedOn: false },
];

export function loadCorpus(dir = DEV_CORPUS): { posts: CorpusPost[]; packs: Map<string, CompiledPack> } {
  // The check set reuses the dev set's schools and name lists.
  const schoolsFile = existsSync(resolve(dir, 'schools.json')) ? resolve(dir, 'schools.json') : resolve(DEV_CORPUS, 'schools.json');
  const schools = JSON.parse(readFileSync(schoolsFile, 'utf8')) as CorpusSchool[];
  const packs = new Map<string, CompiledPack>();
  for (const school of schools) {
    const compiled = compilePack(corpusPack(school));
    if (!compiled.ok) throw new Error(`corpus pack ${school.id}: ${compiled.error.message}`);
    packs.set(school.id, compiled.compiled);
  }
  const posts = readFileSync(resolve(dir, 'posts.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusPost);
  return { posts, packs };
}

export function evaluateCorpus(dir: string = DEV_CORPUS): CorpusEvaluation {
  const { posts, packs } = loadCorpus(dir);
  const raised = new Map<string, Set<string>>();
  for (const post of posts) {
    const compiled = packs.get(post.school)!;
    raised.set(post.id, raisedCategories(checkPost(compiled, { text: post.text })));
  }
  const scores = TEXT_CATEGORY_IDS.map((category): CategoryScore => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const post of posts) {
      const expected = post.labels.includes(category);
      const got = raised.get(post.id)!.has(category);
      if (expected && got) tp++;
      else if (got) fp++;
      else if (expected) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { category, tp, fp, fn, precision, recall, f1 };
  });
  const unlabeledPosts = posts.filter((p) => p.labels.length === 0);
  const unlabeledClean = unlabeledPosts.filter((p) => raised.get(p.id)!.size === 0).length;
  return { scores, unlabeled: unlabeledPosts.length, unlabeledClean, raised, posts };
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  for (const [i, corpus] of CORPORA.filter((c) => existsSync(c.dir)).entries()) {
    if (i > 0) console.log('');
    printCorpus(evaluateCorpus(corpus.dir), corpus.title, verbose && corpus.tunedOn);
  }
  const logoModule = resolve(root, 'src/cli/eval-logos.ts');
  const logoDir = resolve(root, 'tests/fixtures/logos');
  if (existsSync(logoModule) && existsSync(logoDir)) {
    const { evaluateLogos } = (await import('./eval-logos')) as { evaluateLogos: (dir: string) => Promise<{ lines: string[] }> };
    console.log('');
    for (const line of (await evaluateLogos(logoDir)).lines) console.log(line);
  }
}

function printCorpus(result: CorpusEvaluation, title: string, verbose: boolean): void {
  const pct = (x: number) => x.toFixed(3);
  console.log(`Text: ${result.posts.length} posts in ${title}`);
  console.log('category        precision  recall  F1     (tp/fp/fn)');
  for (const s of result.scores) {
    console.log(`${s.category.padEnd(15)} ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.f1)}  (${s.tp}/${s.fp}/${s.fn})`);
  }
  const share = result.unlabeledClean / result.unlabeled;
  console.log(`unlabeled posts raising nothing: ${result.unlabeledClean}/${result.unlabeled} (${(share * 100).toFixed(1)}%)`);
  if (verbose) {
    for (const post of result.posts) {
      const got = result.raised.get(post.id)!;
      const missing = post.labels.filter((l) => !got.has(l));
      const extra = [...got].filter((c) => !post.labels.includes(c));
      if (missing.length || extra.length) console.log(`${post.id} ${post.school} missing=[${missing}] extra=[${extra}] | ${post.text.slice(0, 160).replace(/\n/g, ' / ')}`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  });
}
