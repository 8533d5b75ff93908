/**
 * `npm run eval:logo [-- --seed N]`: a generated logo evaluation. For each fingerprinted logo
 * (tests/fixtures/logos/logos), variants drawn from the seed: up to 20% occluded (a hand, a
 * sticker, a crop through it), rotated up to ±15°, sheared up to 20% (sharp has no perspective
 * warp: an affine shear stands in for it), scaled down to 64 px across, JPEG quality down to 40,
 * blurred, in low light, with a colour cast, printed on fabric or a sign in a scene, and as a
 * small element of a 12 MP scene. Negatives: other schools' crests and their scenes, similar
 * shapes and text (tests/fixtures/logos/negatives), and ordinary photos with people
 * (tests/fixtures/photos). Every image is read as the extension reads it: at most
 * MAX_IMAGE_SIDE on its longer side. Prints recall, false matches, and the score spread per
 * transform. Seed 1 is for development; any other seed is a fresh held-out run.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type Sharp } from 'sharp';
import { MAX_IMAGE_SIDE } from '../images/pixels';
import { decodeFingerprint, MATCH_THRESHOLD, scoreLogos, type LogoReference, type RgbaImage } from '../rules/logo';
import { fingerprintLogoFile } from './logo-files';
import { seededRandom } from './photo-cases';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const LOGOS = join(ROOT, 'tests/fixtures/logos');

type Transform = 'occluded' | 'rotated' | 'sheared' | 'small' | 'jpeg' | 'blur' | 'low-light' | 'colour-cast' | 'fabric' | 'sign' | '12mp-scene';
const TRANSFORMS: Transform[] = ['occluded', 'rotated', 'sheared', 'small', 'jpeg', 'blur', 'low-light', 'colour-cast', 'fabric', 'sign', '12mp-scene'];

async function rgbaAsRead(image: Sharp | Buffer): Promise<RgbaImage> {
  const input = Buffer.isBuffer(image) ? sharp(image) : image;
  const { data, info } = await sharp(await input.png().toBuffer())
    .resize(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, { fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

async function variant(master: string, transform: Transform, random: () => number): Promise<Buffer> {
  const between = (low: number, high: number) => low + (high - low) * random();
  const flat = sharp(master).flatten({ background: '#ffffff' });
  const { width: mw = 512, height: mh = 512 } = await sharp(master).metadata();
  const jpeg = (image: Sharp, quality = 85) => image.jpeg({ quality }).toBuffer();
  const scene = async (width: number, height: number, colour: string) =>
    sharp({ create: { width, height, channels: 3, background: colour } }).composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect y="${height * 0.6}" width="${width}" height="${height * 0.4}" fill="#6b6f5a"/><rect x="${width * 0.05}" y="${height * 0.15}" width="${width * 0.25}" height="${height * 0.5}" fill="#8a7d6b"/></svg>`) }]);
  switch (transform) {
    case 'occluded': {
      const kind = Math.floor(random() * 3);
      if (kind === 2) {
        // A crop through the logo: up to 20% off one side.
        const cut = between(0.1, 0.2);
        return jpeg(sharp(await flat.png().toBuffer()).extract({ left: random() < 0.5 ? 0 : Math.round(mw * cut), top: 0, width: Math.round(mw * (1 - cut)), height: mh }));
      }
      // A hand (skin ellipse) or a sticker (rectangle), 10–20% of the logo's area.
      const area = between(0.1, 0.2) * mw * mh;
      const w = Math.sqrt(area * between(0.7, 1.4));
      const h = area / w;
      const x = between(0, mw - w);
      const y = between(0, mh - h);
      const shape = kind === 0 ? `<ellipse cx="${x + w / 2}" cy="${y + h / 2}" rx="${w / 1.6}" ry="${h / 1.6}" fill="#d9a38a"/>` : `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#f4d03f"/>`;
      return jpeg(flat.composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${mw}" height="${mh}">${shape}</svg>`) }]));
    }
    case 'rotated':
      return jpeg(flat.rotate(between(-15, 15), { background: '#ffffff' }));
    case 'sheared': {
      const s = between(-0.2, 0.2);
      return jpeg(flat.affine(random() < 0.5 ? [1, s, 0, 1] : [1, 0, s, 1], { background: '#ffffff' }));
    }
    case 'small':
      return jpeg(flat.resize({ width: Math.round(between(64, 110)) }), 90);
    case 'jpeg':
      return jpeg(flat.resize({ width: Math.round(between(200, 500)) }), Math.round(between(40, 60)));
    case 'blur':
      return jpeg(flat.blur(between(1, 2.5)));
    case 'low-light':
      return jpeg(flat.linear(between(0.3, 0.55), between(0, 15)));
    case 'colour-cast':
      return jpeg(flat.tint(['#ffb070', '#80a8ff', '#b0ffb0', '#ff90c0'][Math.floor(random() * 4)]!));
    case 'fabric': {
      // Printed on a jumper: coloured cloth with weave noise, the logo's paper taken by the cloth colour.
      const cloth = ['#1f2a44', '#7a1f2b', '#2f5d3a', '#555555'][Math.floor(random() * 4)]!;
      const lw = Math.round(between(160, 260));
      const logo = await sharp(master).flatten({ background: cloth }).resize({ width: lw }).png().toBuffer();
      const base = await sharp({ create: { width: 640, height: 800, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 110, sigma: 18 } } }).tint(cloth).png().toBuffer();
      return jpeg(sharp(base).composite([{ input: logo, left: Math.round(between(100, 640 - lw - 20)), top: Math.round(between(150, 400)) }]).blur(between(0.5, 1.2)), 75);
    }
    case 'sign': {
      const sw = 1200;
      const sh = 900;
      const lw = Math.round(sw * between(0.15, 0.3));
      const logo = await flat.resize({ width: lw }).extend({ top: 20, bottom: 60, left: 20, right: 20, background: '#ffffff' }).png().toBuffer();
      const turned = await sharp(logo).rotate(between(-6, 6), { background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer();
      return jpeg((await scene(sw, sh, '#9ec3e6')).composite([{ input: turned, left: Math.round(between(50, sw - lw - 100)), top: Math.round(between(50, sh * 0.4)) }]), 80);
    }
    case '12mp-scene': {
      const lw = Math.round(4000 * between(0.06, 0.09));
      const logo = await flat.resize({ width: lw }).png().toBuffer();
      return jpeg((await scene(4000, 3000, '#a8c4d8')).composite([{ input: logo, left: Math.round(between(200, 3500)), top: Math.round(between(300, 1500)) }]), 85);
    }
  }
}

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
  return sorted.length ? `min ${at(0)} p10 ${at(0.1)} median ${at(0.5)} max ${sorted[sorted.length - 1]!.toFixed(2)}` : '-';
}

export async function evaluateLogoVariants(seed: number, perTransform = 3): Promise<{ recall: number; falseMatches: number; lines: string[] }> {
  const random = seededRandom(seed);
  const masters = readdirSync(join(LOGOS, 'logos')).filter((f) => f.endsWith('.png')).sort();
  const references: LogoReference[] = [];
  for (const file of masters) references.push({ id: basename(file, '.png'), fingerprint: decodeFingerprint(await fingerprintLogoFile(join(LOGOS, 'logos', file))) });
  const rows = new Map<string, { found: number; total: number; wrong: number; scores: number[] }>();
  const misses: string[] = [];
  let falseMatches = 0;
  for (const transform of TRANSFORMS) {
    const row = { found: 0, total: 0, wrong: 0, scores: [] as number[] };
    for (const file of masters) {
      const id = basename(file, '.png');
      for (let k = 0; k < perTransform; k++) {
        const scores = scoreLogos(await rgbaAsRead(await variant(join(LOGOS, 'logos', file), transform, random)), references);
        const ownScore = scores.find((s) => s.logoId === id);
        const own = ownScore?.score ?? 0;
        const others = scores.filter((s) => s.logoId !== id && s.score >= MATCH_THRESHOLD);
        row.total++;
        row.scores.push(own);
        if (own >= MATCH_THRESHOLD) row.found++;
        else misses.push(`  MISS ${transform} ${id} #${k + 1}: score ${own.toFixed(2)} (${ownScore?.inliers ?? 0} corners agree, coverage ${(ownScore?.coverage ?? 0).toFixed(2)})`);
        row.wrong += others.length;
        falseMatches += others.length;
      }
    }
    rows.set(transform, row);
  }
  // Negatives: other crests, their scenes, shapes, text and screenshots; photos of people.
  const negatives = [
    ...readdirSync(join(LOGOS, 'negatives')).map((f) => join(LOGOS, 'negatives', f)),
    ...readdirSync(join(ROOT, 'tests/fixtures/photos/sources')).map((f) => join(ROOT, 'tests/fixtures/photos/sources', f)),
  ].sort();
  const negativeScores: number[] = [];
  let negativeMatches = 0;
  for (const path of negatives) {
    const best = Math.max(0, ...scoreLogos(await rgbaAsRead(sharp(path).flatten({ background: '#ffffff' })), references).map((s) => s.score));
    negativeScores.push(best);
    if (best >= MATCH_THRESHOLD) {
      negativeMatches++;
      misses.push(`  FALSE MATCH ${basename(path)}: score ${best.toFixed(2)}`);
    }
  }
  falseMatches += negativeMatches;
  const positives = [...rows.values()].reduce((n, r) => n + r.total, 0);
  const found = [...rows.values()].reduce((n, r) => n + r.found, 0);
  const recall = found / positives;
  const lines = [
    `Logo evaluation, seed ${seed}${seed === 1 ? ' (development)' : ' (held out)'}: ${masters.length} logos × ${TRANSFORMS.length} transforms × ${perTransform}, ${negatives.length} negatives, threshold ${MATCH_THRESHOLD}`,
    `  recall: ${found}/${positives} = ${recall.toFixed(3)} (target ≥ 0.97)`,
    `  false matches: ${falseMatches} (wrong logo on a variant: ${falseMatches - negativeMatches}; on a negative: ${negativeMatches}/${negatives.length}) (target 0)`,
    '  per transform (found / variants; own-logo score):',
    ...[...rows.entries()].map(([t, r]) => `    ${t.padEnd(12)} ${String(r.found).padStart(2)}/${String(r.total).padEnd(3)} ${spread(r.scores)}${r.wrong ? `, ${r.wrong} wrong-logo matches` : ''}`),
    `    negatives    best score ${spread(negativeScores)}`,
    ...misses,
  ];
  return { recall, falseMatches, lines };
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const seedAt = process.argv.indexOf('--seed');
  const seed = seedAt === -1 ? 1 : Number(process.argv[seedAt + 1]);
  if (!Number.isInteger(seed) || seed < 0) {
    console.error('eval:logo: --seed takes a whole number, e.g. --seed 7');
    process.exit(2);
  }
  for (const line of (await evaluateLogoVariants(seed)).lines) console.log(line);
}
