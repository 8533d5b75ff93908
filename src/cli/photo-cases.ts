import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp, { type OverlayOptions, type Sharp } from 'sharp';
import { seededRandom } from '../rules/seeded-random';

export { seededRandom };

/**
 * The labelled photo evaluation's images, made deterministically from a seed: real photos that
 * ship in npm packages (tests/fixtures/photos/sources.json, licences recorded there) and images
 * composed from them, with faces pasted at different sizes, angles and lighting, crowds, faces
 * on posters and screens; and images with no visible face: synthetic scenes, crests and text
 * (tests/fixtures/logos), crops of the same photos that avoid every face (bodies, hands,
 * rooms), and drawn backs of heads. A new seed gives new compositions (a held-out run).
 */

export type PhotoKind = 'photo' | 'pasted' | 'crowd' | 'poster' | 'screen' | 'scene' | 'people-no-face' | 'back-of-head' | 'pattern';

export interface PhotoCase {
  name: string;
  kind: PhotoKind;
  /** Whether a face is visible: the photo must be warned about. */
  face: boolean;
  /** An encoded image file (JPEG or PNG). */
  file: Buffer;
}

type Box = [number, number, number, number];
interface Source {
  file: string;
  faces: Box[];
}


export function readSources(photosDir: string): { path: string; faces: Box[] }[] {
  const { sources } = JSON.parse(readFileSync(join(photosDir, 'sources.json'), 'utf8')) as { sources: Source[] };
  return sources.map((s) => ({ path: join(photosDir, s.file), faces: s.faces }));
}

/** Synthetic scenes without faces from the logo set: streets, plain jumpers, gradients, shapes, text, other schools' crests. */
function sceneFiles(logosDir: string): string[] {
  const negatives = readdirSync(join(logosDir, 'negatives')).map((f) => join(logosDir, 'negatives', f));
  const positives = readdirSync(join(logosDir, 'positives')).map((f) => join(logosDir, 'positives', f));
  return [...negatives, ...positives].filter((f) => /\.(png|jpe?g)$/.test(f)).sort();
}

export async function buildPhotoCases(seed: number, photosDir: string, logosDir: string): Promise<PhotoCase[]> {
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + (high - low) * random();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sources = readSources(photosDir);
  const scenes = sceneFiles(logosDir);
  const allFaces = sources.flatMap((s) => s.faces.map((box) => ({ path: s.path, box })));
  const cases: PhotoCase[] = [];
  const jpeg = (image: Sharp, quality = Math.round(between(45, 92))) => image.jpeg({ quality }).toBuffer();

  /** A background W×H from a face-free scene. */
  const background = async (width: number, height: number) => sharp(await sharp(pick(scenes)).resize(width, height, { fit: 'cover' }).removeAlpha().toBuffer());

  /** A head cut out of a source photo (the face box grown by `grow`), resized, turned, lit and masked to an oval. */
  const head = async (width: number, grow: number, angle: number, brightness: number, tint: string | null) => {
    const { path, box } = pick(allFaces);
    const meta = await sharp(path).metadata();
    const [x, y, w, h] = box;
    const cx = x + w / 2;
    const cy = y + h / 2;
    const size = Math.max(w, h) * grow;
    const left = Math.max(0, Math.round(cx - size / 2));
    const top = Math.max(0, Math.round(cy - size / 2));
    const cut = { left, top, width: Math.min(meta.width! - left, Math.round(size)), height: Math.min(meta.height! - top, Math.round(size * 1.15)) };
    const heightOut = Math.round((width * cut.height) / cut.width);
    const oval = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${heightOut}"><ellipse cx="${width / 2}" cy="${heightOut / 2}" rx="${width / 2}" ry="${heightOut / 2}" fill="#fff"/></svg>`);
    let image = sharp(path).extract(cut).resize(width, heightOut).modulate({ brightness, saturation: between(0.6, 1.3) });
    if (tint) image = image.tint(tint);
    const masked = await image.ensureAlpha().composite([{ input: oval, blend: 'dest-in' }]).png().toBuffer();
    return sharp(masked).rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer({ resolveWithObject: true });
  };

  // Real photos: as shipped, and re-encoded smaller, darker or in grey.
  for (const [index, source] of sources.entries()) {
    cases.push({ name: `photo-${index + 1}`, kind: 'photo', face: true, file: readFileSync(source.path) });
    const width = Math.round(between(360, 800));
    let image = sharp(source.path).resize(width).modulate({ brightness: between(0.45, 1.3) });
    if (random() < 0.3) image = image.grayscale();
    cases.push({ name: `photo-${index + 1}-varied`, kind: 'photo', face: true, file: await jpeg(image) });
  }

  // One face pasted into a scene: sizes 40 to 260 px across, turned up to ±25°, lit from dim to bright, some with a colour cast.
  for (let i = 0; i < 60; i++) {
    const [W, H] = pick([[800, 600], [1200, 900], [600, 800], [1024, 576]] as const);
    const width = Math.round(W * between(0.05, 0.32));
    const tint = random() < 0.25 ? pick(['#ffc080', '#80a0ff', '#c0ffc0']) : null;
    const face = await head(width, 1.6, between(-25, 25), between(0.45, 1.4), tint);
    const left = Math.round(between(0, Math.max(1, W - face.info.width)));
    const top = Math.round(between(0, Math.max(1, H - face.info.height)));
    const scene = (await background(W, H)).composite([{ input: face.data, left, top }]);
    cases.push({ name: `pasted-${i + 1}-${width}px`, kind: 'pasted', face: true, file: await jpeg(scene) });
  }

  // Crowds: 6 to 14 small faces (28 to 70 px) in one scene.
  for (let i = 0; i < 15; i++) {
    const W = 1200;
    const H = 800;
    const count = 6 + Math.floor(random() * 9);
    const layers: OverlayOptions[] = [];
    for (let k = 0; k < count; k++) {
      const face = await head(Math.round(between(28, 70)), 1.6, between(-15, 15), between(0.6, 1.2), null);
      layers.push({ input: face.data, left: Math.round(((k + random() * 0.5) / count) * (W - 80)), top: Math.round(between(H * 0.2, H * 0.7)) });
    }
    cases.push({ name: `crowd-${i + 1}-${count}`, kind: 'crowd', face: true, file: await jpeg((await background(W, H)).composite(layers)) });
  }

  // A face on a poster (white border) or a screen (dark bezel, blue cast) in a scene.
  for (const kind of ['poster', 'screen'] as const) {
    for (let i = 0; i < 15; i++) {
      const W = 900;
      const H = 700;
      const width = Math.round(between(90, 300));
      const face = await head(width, 2.4, 0, kind === 'screen' ? between(0.8, 1.2) : between(0.6, 1.1), kind === 'screen' ? '#b0c8ff' : null);
      const border = kind === 'poster' ? Math.round(width * 0.08) : Math.round(width * 0.05);
      const framed = await sharp(face.data)
        .flatten({ background: kind === 'poster' ? '#f2efe6' : '#203040' })
        .extend({ top: border, bottom: border * (kind === 'poster' ? 3 : 1), left: border, right: border, background: kind === 'poster' ? '#f7f5ee' : '#111111' })
        .png()
        .toBuffer();
      const turned = await sharp(framed).rotate(between(-8, 8), { background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer({ resolveWithObject: true });
      const left = Math.round(between(0, W - turned.info.width));
      const top = Math.round(between(0, H - turned.info.height));
      let scene = (await background(W, H)).composite([{ input: turned.data, left, top }]);
      if (random() < 0.4) scene = sharp(await scene.png().toBuffer()).blur(between(0.6, 1.5));
      cases.push({ name: `${kind}-${i + 1}-${width}px`, kind, face: true, file: await jpeg(scene) });
    }
  }

  // No visible face: the synthetic scenes, re-encoded at a random size.
  for (const [index, scene] of scenes.entries()) {
    if (random() < 0.5) continue;
    const width = Math.round(between(300, 1000));
    cases.push({ name: `scene-${index + 1}`, kind: 'scene', face: false, file: await jpeg(sharp(scene).resize(width).flatten({ background: '#ffffff' })) });
  }

  // No visible face: crops of the real photos that stay clear of every face (bodies, hands, furniture).
  let crops = 0;
  for (let attempt = 0; attempt < 400 && crops < 40; attempt++) {
    const source = pick(sources);
    const meta = await sharp(source.path).metadata();
    const w = Math.round(between(160, 420));
    const h = Math.round(between(160, 420));
    if (w >= meta.width! || h >= meta.height!) continue;
    const x = Math.round(between(0, meta.width! - w));
    const y = Math.round(between(0, meta.height! - h));
    // Clear of each face box grown by half its size (hair, chin and ears stay out too).
    const clear = source.faces.every(([fx, fy, fw, fh]) => x + w < fx - fw * 0.5 || x > fx + fw * 1.5 || y + h < fy - fh * 0.5 || y > fy + fh * 1.5);
    if (!clear) continue;
    crops++;
    cases.push({ name: `people-no-face-${crops}`, kind: 'people-no-face', face: false, file: await jpeg(sharp(source.path).extract({ left: x, top: y, width: w, height: h }).resize(Math.round(w * between(1, 2)))) });
  }

  // No visible face: backs of heads, drawn (hair over shoulders), one to five in a scene.
  for (let i = 0; i < 20; i++) {
    const W = 800;
    const H = 600;
    const count = 1 + Math.floor(random() * 5);
    const shapes: string[] = [];
    for (let k = 0; k < count; k++) {
      const r = between(30, 80);
      const cx = ((k + 0.5) / count) * W;
      const cy = between(H * 0.35, H * 0.6);
      const hair = pick(['#2b1d14', '#5a3b22', '#9b7040', '#d8b070', '#111111']);
      const top = pick(['#334466', '#8a2a2a', '#2f6b3a', '#dddddd']);
      shapes.push(`<ellipse cx="${cx}" cy="${cy + r * 2.4}" rx="${r * 2}" ry="${r * 1.4}" fill="${top}"/><ellipse cx="${cx}" cy="${cy}" rx="${r}" ry="${r * 1.2}" fill="${hair}"/>`);
    }
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${shapes.join('')}</svg>`);
    cases.push({ name: `back-of-head-${i + 1}-${count}`, kind: 'back-of-head', face: false, file: await jpeg((await background(W, H)).composite([{ input: svg }]).blur(1)) });
  }

  // No visible face: patterns and text (round shapes, dots, signs).
  for (let i = 0; i < 20; i++) {
    const W = 800;
    const H = 600;
    const parts: string[] = [];
    for (let k = 0; k < 12; k++) {
      const colour = `hsl(${Math.round(between(0, 360))},${Math.round(between(20, 80))}%,${Math.round(between(20, 80))}%)`;
      parts.push(random() < 0.5 ? `<circle cx="${between(0, W)}" cy="${between(0, H)}" r="${between(10, 90)}" fill="${colour}"/>` : `<text x="${between(0, W - 200)}" y="${between(40, H)}" font-size="${Math.round(between(18, 60))}" fill="${colour}">${pick(['Sports Day', 'Well done!', 'OPEN', 'Year 6', 'Bake sale', 'o o', ': )'])}</text>`);
    }
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="hsl(${Math.round(between(0, 360))},30%,85%)"/>${parts.join('')}</svg>`);
    cases.push({ name: `pattern-${i + 1}`, kind: 'pattern', face: false, file: await jpeg(sharp(svg)) });
  }
  return cases;
}
