/**
 * `npm run weights:pack`: rewrites src/rules/judgement/weights.json in the packed form the engine
 * ships (model.ts, PackedWeights), from the plain form ({ features: string[], weights: number[] })
 * that older training runs wrote. Lossless: it refuses to write unless every weight the engine
 * uses unpacks to the same number. `npm run train` writes the packed form itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packWeights, unpackWeights, type ModelWeights, type PackedWeights } from '../src/rules/judgement/model';

const file = resolve(dirname(fileURLToPath(import.meta.url)), '../src/rules/judgement/weights.json');
const weights = JSON.parse(readFileSync(file, 'utf8')) as ModelWeights | PackedWeights;
if ('packing' in weights) {
  console.log(`${file} is already packed`);
  process.exit(0);
}
const packed = packWeights(weights);
const back = unpackWeights(packed);
for (const [category, model] of Object.entries(weights.categories)) {
  const same = model.mode === 'rules' || model.weights.every((w, i) => back.categories[category as keyof typeof back.categories]!.weights[i] === w);
  if (!same) throw new Error(`${category}: packed weights differ from the plain ones; not written`);
}
if (back.features.join('\n') !== weights.features.join('\n')) throw new Error('features differ after packing; not written');
writeFileSync(file, `${JSON.stringify(packed)}\n`);
console.log(`packed ${weights.features.length} features into ${file}`);
