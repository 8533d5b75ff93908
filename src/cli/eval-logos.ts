import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fingerprintLogo, decodeFingerprint } from '../rules/logo/fingerprint';
import { MATCH_THRESHOLD, scoreLogos } from '../rules/logo/match';
import type { LogoReference } from '../rules/logo/types';
import { decodeImageFile } from './logo-files';

/*
 * `npm run eval` for logos: fingerprints the reference logos in dir/logos, checks
 * every labelled image and reports precision, recall and false matches.
 */

interface LogoLabel {
  file: string;
  /** The logo id the image shows, or null for a negative. */
  logo: string | null;
  transform: string;
  note?: string;
}

export interface LogoEvaluation {
  lines: string[];
  recall: number;
  falseMatches: number;
  precision: number;
}

export async function evaluateLogos(dir: string): Promise<LogoEvaluation> {
  const labels = JSON.parse(await readFile(join(dir, 'labels.json'), 'utf8')) as LogoLabel[];
  const references: LogoReference[] = [];
  for (const label of labels.filter((l) => l.transform === 'master' && l.logo)) {
    const text = fingerprintLogo(await decodeImageFile(join(dir, label.file)));
    references.push({ id: label.logo!, fingerprint: decodeFingerprint(text) });
  }
  let positives = 0, found = 0, matches = 0, falseMatches = 0, negatives = 0;
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const label of labels.filter((l) => l.transform !== 'master')) {
    const scores = scoreLogos(await decodeImageFile(join(dir, label.file)), references);
    const matched = scores.filter((s) => s.score >= MATCH_THRESHOLD);
    matches += matched.length;
    if (label.logo) {
      positives++;
      const own = scores.find((s) => s.logoId === label.logo);
      if (own && own.score >= MATCH_THRESHOLD) found++;
      else misses.push(`  missed ${label.file} (${label.transform}; score ${(own?.score ?? 0).toFixed(2)})`);
    } else {
      negatives++;
    }
    for (const m of matched.filter((s) => s.logoId !== label.logo)) {
      falseMatches++;
      wrong.push(`  false match ${label.file} as ${m.logoId} (score ${m.score.toFixed(2)}; ${label.note ?? label.transform})`);
    }
  }
  const recall = positives ? found / positives : 1;
  const precision = matches ? (matches - falseMatches) / matches : 1;
  const lines = [
    `logo: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${found}/${positives}), ` +
      `false matches ${falseMatches} (${negatives} negatives, ${references.length} logos, threshold ${MATCH_THRESHOLD})`,
    ...misses,
    ...wrong,
  ];
  return { lines, recall, falseMatches, precision };
}
