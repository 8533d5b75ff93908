import { describe, expect, it } from 'vitest';
import { CHECK_CORPUS, DEV_CORPUS, DEV_CORPUS_2, DEV_CORPUS_3, DEV_CORPUS_4, evaluateCorpus } from '../../src/cli/eval';

/**
 * Floors reached on the labelled corpora (npm run eval), pinned so they cannot slip.
 * Raise them when the engine improves; never lower them to make a change pass
 * (the one exception, a deliberate trade of recall for precision, says so in its commit).
 */
type Floors = Record<string, [precision: number, recall: number]>;

const CORPORA: { name: string; dir: string; floors: Floors; unlabeledClean: number }[] = [
  {
    name: 'development corpus',
    dir: DEV_CORPUS,
    unlabeledClean: 1.0,
    floors: {
      school: [1.0, 1.0],
      pupil: [1.0, 1.0],
      staff: [1.0, 0.97],
      sickness: [1.0, 1.0],
      disparaging: [1.0, 0.97],
      offensive: [1.0, 1.0],
      'personal-data': [1.0, 1.0],
      confidential: [1.0, 1.0],
      'child-comment': [1.0, 0.94],
    },
  },
  {
    name: 'development corpus',
    dir: DEV_CORPUS,
    unlabeledClean: 1.0,
    floors: {
      school: [1.0, 1.0],
      pupil: [1.0, 1.0],
      staff: [1.0, 0.94],
      sickness: [1.0, 1.0],
      disparaging: [1.0, 0.85],
      offensive: [1.0, 1.0],
      'personal-data': [1.0, 1.0],
      confidential: [1.0, 0.97],
      'child-comment': [0.92, 0.86],
    },
  },
  // Focused on three categories; sickness, offensive and personal data have too few posts to speak of.
  {
    name: 'third development corpus',
    dir: DEV_CORPUS_3,
    unlabeledClean: 0.98,
    floors: {
      school: [1.0, 0.97],
      pupil: [1.0, 1.0],
      staff: [1.0, 0.97],
      sickness: [1.0, 1.0],
      disparaging: [1.0, 0.76],
      offensive: [1.0, 0.8],
      'personal-data': [1.0, 1.0],
      confidential: [0.98, 0.94],
      'child-comment': [1.0, 0.61],
    },
  },
  // Many voices, weighted to confidential matters.
  {
    name: 'fourth development corpus',
    dir: DEV_CORPUS_4,
    unlabeledClean: 0.98,
    floors: {
      school: [1.0, 0.9],
      pupil: [1.0, 0.92],
      staff: [0.94, 0.78],
      sickness: [0.8, 0.57],
      disparaging: [0.93, 0.84],
      offensive: [0.9, 1.0],
      'personal-data': [1.0, 1.0],
      confidential: [1.0, 0.96],
      'child-comment': [0.93, 0.66],
    },
  },
  // Never tuned on: these floors only guard against regressions.
  {
    name: 'independent check set',
    dir: CHECK_CORPUS,
    unlabeledClean: 0.94,
    floors: {
      school: [0.86, 0.95],
      pupil: [1.0, 0.91],
      staff: [1.0, 0.93],
      sickness: [1.0, 1.0],
      disparaging: [1.0, 0.63],
      offensive: [1.0, 0.92],
      'personal-data': [1.0, 0.92],
      confidential: [1.0, 0.54],
      'child-comment': [0.94, 0.77],
    },
  },
];

for (const corpus of CORPORA) {
  describe(corpus.name, () => {
    const result = evaluateCorpus(corpus.dir);

    it.each(result.scores.map((s) => [s.category, s] as const))('%s holds its precision and recall floors', (category, score) => {
      const [precision, recall] = corpus.floors[category]!;
      expect(score.precision).toBeGreaterThanOrEqual(precision);
      expect(score.recall).toBeGreaterThanOrEqual(recall);
    });

    it(`at least ${Math.round(corpus.unlabeledClean * 100)}% of unlabeled posts raise nothing`, () => {
      expect(result.unlabeledClean / result.unlabeled).toBeGreaterThanOrEqual(corpus.unlabeledClean);
    });
  });
}
