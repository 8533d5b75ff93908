/**
 * `npm run findings-digest -- <out.jsonl>`: every finding the engine makes on every evaluation set
 * (the labelled sets but held-out ones not yet seen, hard negatives and real text, at school-size lists, exactly as `npm run eval`
 * checks them), one line per post. A change meant to cost less and find the same (a faster regex,
 * a lazily loaded tagger, a smaller weights file) is proven by two digests that are byte-identical:
 *
 *   npm run findings-digest -- /tmp/before.jsonl   (on the commit before)
 *   npm run findings-digest -- /tmp/after.jsonl    (on the change)
 *   cmp /tmp/before.jsonl /tmp/after.jsonl
 */
import { writeFileSync } from 'node:fs';
import { checkPost, type CompiledPack, type Finding } from '../src/rules';
import { DEV_CORPUS, evalSets, hardNegativeFiles, loadCorpus, loadFirstSight, loadSchools, readJsonl, schoolPacks, type CorpusPost } from '../src/cli/eval';
import { realTextSnippets } from '../src/cli/real-text';

const out = process.argv[2];
if (!out) {
  console.error('usage: npm run findings-digest -- <out.jsonl>');
  process.exit(2);
}

/** What a user sees of a finding: where, what (with the categories merged into it), which rule, and the score where one decided it. */
const digestOf = (findings: Finding[]) => findings.map((f) => [f.category, f.alsoRaises ?? [], f.ruleId, f.messageId, f.severity, f.spans.map((s) => [s.start, s.end]), f.score ?? null, f.threshold ?? null]);

const lines: string[] = [];
const record = (set: string, id: string, compiled: CompiledPack, text: string) => lines.push(JSON.stringify([set, id, digestOf(checkPost(compiled, { text }))]));

// A held-out set nobody has measured yet stays unread until its first sight, here as everywhere.
const seen = new Set(loadFirstSight().entries.map((e) => e.set));
for (const set of evalSets()) {
  if (set.kind === 'labelled' && set.role === 'held-out' && !seen.has(set.id)) continue;
  if (set.kind === 'labelled') {
    const { posts, packs } = loadCorpus(set.dir);
    for (const post of posts) record(set.id, post.id, packs.get(post.school)!, post.text);
  } else if (set.kind === 'hard-negative') {
    const posts = hardNegativeFiles().flatMap((file) => readJsonl<CorpusPost>(file));
    const negatives = posts.filter((p) => !p.labels.includes('pupil') && !p.labels.includes('staff'));
    const packs = schoolPacks(loadSchools(DEV_CORPUS), negatives.map((p) => p.text), 'school');
    for (const post of negatives) record(set.id, post.id, packs.get(post.school)!, post.text);
  } else {
    const packs = [...schoolPacks(loadSchools(DEV_CORPUS), null, 'school').values()];
    realTextSnippets().forEach((snippet, i) => record(set.id, snippet.id, packs[i % packs.length]!, snippet.text));
  }
  console.log(`${set.id}: ${lines.length} posts so far`);
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`wrote ${lines.length} posts' findings to ${out}`);
