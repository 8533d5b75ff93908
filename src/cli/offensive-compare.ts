/**
 * `npm run eval:offensive`: the offensive-language detector side by side with
 * two maintained libraries, obscenity and @2toad/profanity, on the real-text
 * check and on the labelled sets. Swearing and slurs only: the libraries do
 * not judge threats or sweeping statements, so our profanity and slur rules
 * are measured alone as well as the whole offensive category.
 *
 *   --candidates   print every snippet any of them flags, for adjudication
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { Profanity } from '@2toad/profanity';
import { checkPost, type CompiledPack } from '../rules';
import { evalSets, loadCorpus, schoolPacks, loadSchools, DEV_CORPUS } from './eval';
import { realTextSnippets } from './real-text';

export type OffensiveJudge = (text: string) => boolean;

export function judges(pack: CompiledPack): Record<string, OffensiveJudge> {
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const toad = new Profanity({ wholeWord: true });
  return {
    'ours: offensive category': (text) => checkPost(pack, { text }).some((f) => f.category === 'offensive'),
    'ours: swearing + slurs': (text) => checkPost(pack, { text }).some((f) => f.ruleId === 'profanity' || (f.ruleId === 'discriminatory-language' && f.messageId === 'slur')),
    'obscenity 0.4.6 (english preset)': (text) => obscenity.hasMatch(text),
    '@2toad/profanity 3.3.0 (whole words)': (text) => toad.exists(text),
  };
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const pr = (s: Score) => `P ${(s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1).toFixed(3)}  R ${(s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1).toFixed(3)}  (${s.tp}/${s.fp}/${s.fn})`;

function score(items: { text: string; offensive: boolean }[], judge: OffensiveJudge): Score {
  const s = { tp: 0, fp: 0, fn: 0 };
  for (const item of items) {
    const got = judge(item.text);
    if (got && item.offensive) s.tp++;
    else if (got) s.fp++;
    else if (item.offensive) s.fn++;
  }
  return s;
}

function main(): void {
  const pack = [...schoolPacks(loadSchools(DEV_CORPUS), null, 'listed').values()][0]!;
  const all = judges(pack);
  const snippets = realTextSnippets();
  if (process.argv.includes('--candidates')) {
    for (const s of snippets) {
      const by = Object.entries(all).filter(([, j]) => j(s.text)).map(([n]) => n.split(/[: ]/)[0]);
      if (by.length && s.source !== 'everyday') console.log(`${s.id}\t[${[...new Set(by)].join(',')}]\t${s.truth.includes('offensive') ? 'TRUE' : ''}\t${s.text.replace(/\s+/g, ' ')}`);
    }
    return;
  }
  const real = snippets.map((s) => ({ text: s.text, offensive: s.truth.includes('offensive') }));
  const labelled = evalSets()
    .filter((s) => s.kind === 'labelled')
    .flatMap((set) => loadCorpus((set as { dir: string }).dir, 'listed').posts.map((p) => ({ text: p.text, offensive: p.labels.includes('offensive') })));
  console.log(`Offensive language: ${real.length} real-text snippets (truth: everyday labels + adjudicated hits), ${labelled.length} labelled posts`);
  console.log(`${'detector'.padEnd(38)} ${'real text'.padEnd(36)} labelled sets`);
  for (const [name, judge] of Object.entries(all)) console.log(`${name.padEnd(38)} ${pr(score(real, judge)).padEnd(36)} ${pr(score(labelled, judge))}`);
}

main();
