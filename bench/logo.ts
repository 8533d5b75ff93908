import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { fingerprintLogoFile } from '../src/cli/logo-files';
import { checkImage, type LogoCheckInput, type RgbaImage } from '../src/rules/logo';

/*
 * Logo checking speed: a 1,080 × 1,080 and a 4,000 × 3,000 photo-like scene
 * with a dev crest composited in, checked against a pack with two logos.
 * Decoding is timed apart from matching: in the browser createImageBitmap
 * decodes, and the matcher's time is what the tab pays on top.
 */

const corpus = (file: string) => fileURLToPath(new URL(`../tests/fixtures/logos/${file}`, import.meta.url));

/** Sky, buildings and noise at any size, then the crest pasted at `logoShare` of the width; returned as JPEG bytes. */
async function scene(width: number, height: number, logoShare: number): Promise<Buffer> {
  let state = width * 31 + height;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  const blocks = Array.from({ length: 60 }, () => {
    const w = width * (0.03 + random() * 0.15), h = height * (0.05 + random() * 0.35);
    const shade = () => Math.floor(50 + random() * 170);
    return `<rect x="${random() * width}" y="${height * (0.35 + random() * 0.65) - h}" width="${w}" height="${h}" fill="rgb(${shade()},${shade()},${shade()})"/>`;
  }).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8EC5FF"/><stop offset="1" stop-color="#EDE6D6"/></linearGradient></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>${blocks}</svg>`;
  const logoWidth = Math.round(width * logoShare);
  const logo = await sharp(corpus('logos/hartwell.png')).resize({ width: logoWidth }).png().toBuffer();
  const base = await sharp(Buffer.from(svg)).blur(1).png().toBuffer();
  return sharp(base)
    .composite([{ input: logo, left: Math.round(width * 0.55), top: Math.round(height * 0.2) }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

async function decode(jpeg: Buffer): Promise<RgbaImage> {
  const { data, info } = await sharp(jpeg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const format = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;

export async function run(): Promise<string[]> {
  const compiled: LogoCheckInput = {
    pack: {
      policy: { title: 'Bench policy', clauses: [{ id: 'brand', ref: '1', text: 'No logos.' }] },
      categories: { logo: { enabled: true, clauses: ['brand'], phrases: [], allow: [] } },
      logos: [
        { id: 'hartwell', fingerprint: await fingerprintLogoFile(corpus('logos/hartwell.png')) },
        { id: 'aldric', fingerprint: await fingerprintLogoFile(corpus('logos/aldric.png')) },
      ],
    },
  };
  const lines: string[] = [];
  for (const [width, height, runs] of [[1080, 1080, 21], [4000, 3000, 11]] as const) {
    const jpeg = await scene(width, height, 0.2);
    const decodeTimes: number[] = [];
    const matchTimes: number[] = [];
    const cpuTimes: number[] = [];
    let found = 0;
    for (let i = 0; i < runs + 1; i++) {
      let t = performance.now();
      const image = await decode(jpeg);
      const decodeMs = performance.now() - t;
      t = performance.now();
      const cpu = process.cpuUsage();
      const findings = checkImage(compiled, image);
      const matchMs = performance.now() - t;
      const cpuMs = process.cpuUsage(cpu).user / 1000;
      // The first run warms the JIT and the fingerprint cache; it is not counted.
      if (i === 0) continue;
      decodeTimes.push(decodeMs);
      matchTimes.push(matchMs);
      cpuTimes.push(cpuMs);
      if (findings.some((f) => f.data.logoId === 'hartwell')) found++;
    }
    matchTimes.sort((a, b) => a - b);
    decodeTimes.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    lines.push(
      `logo check ${width}x${height}, 2 logos: p50 ${format(percentile(matchTimes, 0.5))}, p95 ${format(percentile(matchTimes, 0.95))}` +
        // CPU time says what the matcher costs when other work shares the cores and stretches wall time.
        ` (CPU p50 ${format(percentile(cpuTimes, 0.5))}; decode with sharp p50 ${format(percentile(decodeTimes, 0.5))}; logo found in ${found}/${runs} runs)`,
    );
  }
  return lines;
}
