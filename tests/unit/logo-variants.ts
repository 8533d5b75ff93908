import sharp, { type OverlayOptions, type Sharp } from 'sharp';
import { paperMask, rgbaToGray } from '../../src/rules/logo/gray';
import type { RgbaImage } from '../../src/rules/logo/types';

/*
 * Logos the matcher was NOT tuned on, their look-alikes, and the transforms
 * issue 5 lists, made with sharp (SVG rendering, JPEG, resize, rotate, blur,
 * modulate) plus a perspective warp of our own (sharp has none). Used by
 * logo-variants.test.ts to check that the method generalises beyond the dev set.
 */

const W = 512;

function svg(body: string, width = W, height = W, background = '#FFFFFF'): string {
  const bg = background === 'none' ? '' : `<rect width="${width}" height="${height}" fill="${background}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${bg}${body}</svg>`;
}

const text = (x: number, y: number, s: string, size: number, fill: string, font = 'DejaVu Serif', weight = 'bold') =>
  `<text x="${x}" y="${y}" font-family="${font}" font-weight="${weight}" font-size="${size}" fill="${fill}" text-anchor="middle">${s}</text>`;

const emblems = {
  lighthouse: (c: string, bg: string) =>
    `<polygon points="236,150 276,150 290,330 222,330" fill="${c}"/><rect x="226" y="128" width="60" height="22" fill="${c}"/>` +
    `<polygon points="256,92 290,128 222,128" fill="${c}"/><rect x="246" y="190" width="20" height="34" fill="${bg}"/>` +
    `<polygon points="290,135 380,110 380,160" fill="${c}" opacity="0.9"/><rect x="180" y="330" width="152" height="16" fill="${c}"/>`,
  tree: (c: string) =>
    `<rect x="244" y="230" width="24" height="110" fill="${c}"/><circle cx="256" cy="190" r="62" fill="${c}"/>` +
    `<circle cx="206" cy="228" r="40" fill="${c}"/><circle cx="306" cy="228" r="40" fill="${c}"/>`,
  bird: (c: string) =>
    `<polygon points="150,260 250,200 300,120 320,200 380,190 330,240 300,300 220,300" fill="${c}"/><circle cx="305" cy="150" r="8" fill="#FFFFFF"/>`,
  anchor: (c: string) =>
    `<circle cx="256" cy="140" r="22" fill="none" stroke="${c}" stroke-width="12"/><rect x="248" y="160" width="16" height="170" fill="${c}"/>` +
    `<rect x="200" y="190" width="112" height="14" fill="${c}"/><path d="M170,260 Q180,350 256,345 Q332,350 342,260" fill="none" stroke="${c}" stroke-width="16"/>`,
  waves: (c: string) =>
    [0, 1, 2].map((k) => `<path d="M60,${60 + k * 40} q30,-25 60,0 t60,0 t60,0" fill="none" stroke="${c}" stroke-width="14" stroke-linecap="round"/>`).join(''),
  sun: (c: string) =>
    `<circle cx="120" cy="100" r="34" fill="${c}"/>` +
    Array.from({ length: 10 }, (_, k) => {
      const a = (k * Math.PI) / 5;
      return `<line x1="${120 + 44 * Math.cos(a)}" y1="${100 + 44 * Math.sin(a)}" x2="${120 + 64 * Math.cos(a)}" y2="${100 + 64 * Math.sin(a)}" stroke="${c}" stroke-width="8"/>`;
    }).join(''),
};

/** A square badge with rounded corners, diagonal band and an emblem, name underneath. */
function badge(name: string, motto: string, field: string, band: string, emblem: string): string {
  return svg(
    `<rect x="70" y="40" width="372" height="372" rx="48" fill="${field}" stroke="${band}" stroke-width="14"/>` +
      `<polygon points="84,300 428,120 428,190 84,370" fill="${band}" opacity="0.35"/>` +
      emblem +
      `<rect x="40" y="420" width="432" height="64" rx="10" fill="${band}"/>` +
      text(256, 464, name, 34, field) +
      text(256, 505, motto, 16, field, 'DejaVu Sans', 'normal'),
  );
}

/** A heater shield, name on top. */
function shield(name: string, field: string, metal: string, emblem: string): string {
  return svg(
    text(256, 60, name, 34, field) +
      `<path d="M110,90 L402,90 L402,260 C402,370 330,420 256,460 C182,420 110,370 110,260 Z" fill="${field}" stroke="${metal}" stroke-width="14"/>` +
      emblem,
  );
}

/** A landscape wordmark: icon on the left, two lines of lettering. */
function wordmark(first: string, second: string, ink: string, icon: string): string {
  return svg(icon + text(370, 110, first, 52, ink, 'DejaVu Sans') + text(370, 165, second, 30, ink, 'DejaVu Sans', 'normal'), 620, 220);
}

export interface SyntheticLogo {
  id: string;
  svg: string;
  /** Look-alikes: same layout and palette, different emblem and name. Must not match. */
  lookalikes: string[];
  /** The school's name typed plainly. Must not match. */
  name: string;
}

export const SYNTHETIC_LOGOS: SyntheticLogo[] = [
  {
    id: 'thornbury',
    svg: badge('THORNBURY', 'LIGHT THE WAY', '#0F5E63', '#F28C28', emblems.lighthouse('#F28C28', '#0F5E63')),
    lookalikes: [
      badge('THORNFIELD', 'GROW TOGETHER', '#0F5E63', '#F28C28', emblems.tree('#F28C28')),
      badge('HARBOURSIDE', 'LIGHT THE WAY', '#0F5E63', '#F28C28', emblems.anchor('#F28C28')),
    ],
    name: 'Thornbury Academy',
  },
  {
    id: 'ravenscroft',
    svg: shield('RAVENSCROFT', '#8E1B1B', '#1A1A1A', emblems.bird('#1A1A1A')),
    lookalikes: [shield('ROSSCROFT', '#8E1B1B', '#1A1A1A', emblems.anchor('#1A1A1A')), shield('RAVENSWOOD', '#8E1B1B', '#1A1A1A', emblems.tree('#1A1A1A'))],
    name: 'Ravenscroft School',
  },
  {
    id: 'millbrook',
    svg: wordmark('Millbrook', 'PRIMARY SCHOOL', '#1C4E9A', `<g transform="translate(20,40)">${emblems.waves('#1C4E9A')}</g>`),
    lookalikes: [wordmark('Sunnybank', 'PRIMARY SCHOOL', '#1C4E9A', `<g transform="translate(0,10)">${emblems.sun('#1C4E9A')}</g>`)],
    name: 'Millbrook Primary School',
  },
];

export async function rgbaOf(input: Buffer | string | Sharp): Promise<RgbaImage> {
  const pipeline = typeof input === 'string' || Buffer.isBuffer(input) ? sharp(input) : input;
  const { data, info } = await pipeline.toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

export async function pngOf(svgText: string): Promise<Buffer> {
  return sharp(Buffer.from(svgText)).png().toBuffer();
}

export async function plainNameImage(name: string): Promise<Buffer> {
  return pngOf(svg(text(400, 130, name, 56, '#222222', 'DejaVu Sans', 'normal'), 800, 220));
}

/** Inverse-mapped perspective warp: the image's corners go to `to` (clockwise from top-left); outside is white. */
function perspective(img: RgbaImage, to: [number, number][]): RgbaImage {
  const from: [number, number][] = [[0, 0], [img.width, 0], [img.width, img.height], [0, img.height]];
  const h = homographyFrom(to, from);
  const out = new Uint8Array(img.width * img.height * 4).fill(255);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const w = h[6]! * x + h[7]! * y + h[8]!;
      const sx = Math.round((h[0]! * x + h[1]! * y + h[2]!) / w), sy = Math.round((h[3]! * x + h[4]! * y + h[5]!) / w);
      if (sx < 0 || sy < 0 || sx >= img.width || sy >= img.height) continue;
      const o = (y * img.width + x) * 4, i = (sy * img.width + sx) * 4;
      for (let c = 0; c < 4; c++) out[o + c] = img.data[i + c]!;
    }
  }
  return { width: img.width, height: img.height, data: out };
}

/** Homography taking four points `a` to `b` (solved directly, 8×8). */
function homographyFrom(a: [number, number][], b: [number, number][]): number[] {
  const m: number[][] = [];
  const v: number[] = [];
  for (let k = 0; k < 4; k++) {
    const [x, y] = a[k]!, [u, w] = b[k]!;
    m.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    v.push(u);
    m.push([0, 0, 0, x, y, 1, -w * x, -w * y]);
    v.push(w);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    [v[c], v[p]] = [v[p]!, v[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k < 8; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
      v[r] = v[r]! - f * v[c]!;
    }
  }
  return [...v.map((val, i) => val / m[i]![i]!), 1];
}

/** A photo-like scene: gradient sky, blocks, noise; deterministic for a seed. */
async function scene(width: number, height: number, seed: number): Promise<Buffer> {
  let state = seed;
  const rnd = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  const blocks = Array.from({ length: 40 }, () => {
    const x = rnd() * width, y = height * 0.3 + rnd() * height * 0.7, w = 30 + rnd() * width * 0.15, h = 30 + rnd() * height * 0.3;
    const c = `rgb(${Math.floor(60 + rnd() * 150)},${Math.floor(60 + rnd() * 150)},${Math.floor(60 + rnd() * 150)})`;
    return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${c}"/>`;
  }).join('');
  const base = svg(
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8EC5FF"/><stop offset="1" stop-color="#E8E4D8"/></linearGradient></defs>` +
      `<rect width="${width}" height="${height}" fill="url(#g)"/>${blocks}`,
    width, height, 'none',
  );
  return sharp(Buffer.from(base)).blur(1.2).png().toBuffer();
}

/**
 * The paper around the logo (near-white connected to the border) made
 * transparent, as a school's transparent PNG would be, so it can be printed on
 * a jumper or banner of another colour. White inside the logo stays white.
 */
async function paperToTransparent(png: Buffer): Promise<Buffer> {
  const img = await rgbaOf(sharp(png).flatten({ background: '#ffffff' }));
  const paper = paperMask(rgbaToGray(img));
  const out = Buffer.from(img.data);
  for (let p = 0; p < paper.length; p++) if (paper[p]) out[p * 4 + 3] = 0;
  return sharp(out, { raw: { width: img.width, height: img.height, channels: 4 } }).png().toBuffer();
}

export interface Variant {
  name: string;
  image: RgbaImage;
}

/** The transforms issue 5 requires, at their limits, applied to a master PNG. */
export async function variantsOf(master: Buffer, seed = 1): Promise<Variant[]> {
  const meta = await sharp(master).metadata();
  const mw = meta.width ?? W, mh = meta.height ?? W;
  const out: Variant[] = [];
  const add = async (name: string, p: Sharp | Buffer) => out.push({ name, image: await rgbaOf(p) });
  const jpeg = async (p: Sharp, q: number) => sharp(await p.jpeg({ quality: q }).toBuffer());
  await add('jpeg-q40', await jpeg(sharp(master), 40));
  await add('64px', sharp(master).resize({ width: 64 }));
  await add('64px-jpeg-q40', await jpeg(sharp(master).flatten({ background: '#ffffff' }).resize({ width: 64 }), 40));
  await add('crop-20-left-top', sharp(master).extract({ left: Math.round(mw * 0.2), top: Math.round(mh * 0.1), width: Math.round(mw * 0.8), height: Math.round(mh * 0.9) }));
  await add('crop-20-right', sharp(master).extract({ left: 0, top: 0, width: Math.round(mw * 0.8), height: mh }));
  await add('rotate+10', sharp(master).rotate(10, { background: '#ffffff' }));
  await add('rotate-10-jpeg', await jpeg(sharp(master).rotate(-10, { background: '#ffffff' }), 60));
  // Saved as a grey PNG first: sharp's grayscale() would otherwise win over the RGB conversion in rgbaOf.
  await add('grayscale', await sharp(master).grayscale().png().toBuffer());
  await add('bright-contrast', sharp(master).linear(1.35, -40).modulate({ brightness: 1.1 }));
  await add('dark-lowcontrast', sharp(master).linear(0.6, 20));
  await add('blur-1.5', sharp(master).blur(1.5));
  await add('blur-small-jpeg', await jpeg(sharp(master).blur(1.2).resize({ width: 200 }), 50));
  const rgba = await rgbaOf(sharp(master).flatten({ background: '#ffffff' }));
  const t = 0.1;
  await add('tilt-left-10', await sharp(Buffer.from(perspective(rgba, [[0, mh * t / 2], [mw, 0], [mw, mh], [0, mh * (1 - t / 2)]]).data), { raw: { width: mw, height: mh, channels: 4 } }).png().toBuffer());
  await add('tilt-top-10', await sharp(Buffer.from(perspective(rgba, [[mw * t / 2, 0], [mw * (1 - t / 2), 0], [mw, mh], [0, mh]]).data), { raw: { width: mw, height: mh, channels: 4 } }).png().toBuffer());
  // In photos: the logo 15–20% of the width, printed on a sign (white plate) or straight on a coloured surface.
  // The share of the width (and the crop) is the logo's own: its drawing trimmed of paper, as the issue states it.
  const trimmed = await sharp(master).flatten({ background: '#ffffff' }).trim({ background: '#ffffff', threshold: 10 }).png().toBuffer();
  const tm = await sharp(trimmed).metadata();
  const tw = tm.width ?? mw, th = tm.height ?? mh;
  await add('crop-10-every-side', await jpeg(sharp(trimmed).extract({ left: Math.round(tw * 0.1), top: Math.round(th * 0.1), width: Math.round(tw * 0.8), height: Math.round(th * 0.8) }), 75));
  const transparent = await paperToTransparent(trimmed);
  for (const [k, [sw, sh, frac, onPlate, tint]] of ([
    [1200, 900, 0.15, true, ''],
    [1080, 1080, 0.16, false, '#5A5E63'],
    [2000, 1500, 0.18, false, '#1F2A44'],
    [1400, 800, 0.2, true, ''],
    [4000, 3000, 0.15, false, '#7B7F86'],
  ] as const).entries()) {
    const lw = Math.round(sw * frac);
    const logo = await sharp(onPlate ? trimmed : transparent).resize({ width: lw }).png().toBuffer();
    const lh = (await sharp(logo).metadata()).height ?? lw;
    const x = Math.round(sw * (0.2 + 0.5 * ((seed * 7 + k * 3) % 10) / 10)), y = Math.round(sh * 0.25);
    const layers: OverlayOptions[] = [];
    if (tint) layers.push({ input: { create: { width: lw + 80, height: lh + 80, channels: 4, background: tint } }, left: x - 40, top: y - 40 });
    layers.push({ input: logo, left: x, top: y });
    const composed = await sharp(await scene(sw, sh, seed * 31 + k)).composite(layers).png().toBuffer();
    await add(`photo-${sw}x${sh}-${Math.round(frac * 100)}pc${tint ? '-on-colour' : '-plate'}`, await jpeg(sharp(composed), 80));
  }
  return out;
}
