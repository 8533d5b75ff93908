/**
 * `npx tsx scripts/compose-photo-fixtures.ts`: writes the composed photo fixtures listed under
 * `composed` in tests/fixtures/photos/sources.json, from the photos and scenes named there,
 * so that each can be made again and its making read. Today one: a small group of people in a
 * street (issue 13: the e2e test that attaching it warns), faces cut from the sample photos,
 * bodies drawn, on a street scene with nobody in it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type OverlayOptions } from 'sharp';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PHOTOS = join(ROOT, 'tests/fixtures/photos');

interface Person {
  /** Which face: the sample photo and the face's index among its boxes in sources.json. */
  photo: string;
  face: number;
  /** Where the head goes in the composed photo (its centre) and how wide it is, in pixels. */
  x: number;
  y: number;
  width: number;
  coat: string;
}

interface Composed {
  file: string;
  background: string;
  width: number;
  height: number;
  people: Person[];
}

const { sources, composed } = JSON.parse(readFileSync(join(PHOTOS, 'sources.json'), 'utf8')) as {
  sources: { file: string; faces: [number, number, number, number][] }[];
  composed: Composed[];
};

for (const photo of composed) {
  const layers: OverlayOptions[] = [];
  const bodies: string[] = [];
  for (const person of photo.people) {
    const source = sources.find((s) => s.file === person.photo);
    if (!source) throw new Error(`${photo.file}: ${person.photo} is not among the sources`);
    const [x, y, w, h] = source.faces[person.face]!;
    // The face box grown to take in hair and chin, cut to an oval.
    const size = Math.round(Math.max(w, h) * 1.5);
    const left = Math.max(0, Math.round(x + w / 2 - size / 2));
    const top = Math.max(0, Math.round(y + h / 2 - size / 2));
    const height = Math.round(person.width * 1.15);
    const oval = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${person.width}" height="${height}"><ellipse cx="${person.width / 2}" cy="${height / 2}" rx="${person.width / 2}" ry="${height / 2}" fill="#fff"/></svg>`);
    const headImage = await sharp(join(PHOTOS, source.file)).extract({ left, top, width: size, height: Math.round(size * 1.15) }).resize(person.width, height).ensureAlpha().composite([{ input: oval, blend: 'dest-in' }]).png().toBuffer();
    layers.push({ input: headImage, left: Math.round(person.x - person.width / 2), top: Math.round(person.y - height / 2) });
    // A coat and legs under the head, drawn.
    const u = person.width;
    const neck = person.y + height / 2 - u * 0.05;
    bodies.push(
      `<rect x="${person.x - u * 0.18}" y="${neck + u * 2.1}" width="${u * 0.16}" height="${u * 1.6}" fill="#2a2a35"/>`,
      `<rect x="${person.x + u * 0.02}" y="${neck + u * 2.1}" width="${u * 0.16}" height="${u * 1.6}" fill="#2a2a35"/>`,
      `<rect x="${person.x - u * 0.65}" y="${neck}" width="${u * 1.3}" height="${u * 2.3}" rx="${u * 0.35}" fill="${person.coat}"/>`,
    );
  }
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${photo.width}" height="${photo.height}">${bodies.join('')}</svg>`);
  const jpeg = await sharp(join(ROOT, photo.background)).resize(photo.width, photo.height, { fit: 'cover' }).composite([{ input: svg }, ...layers]).jpeg({ quality: 85 }).toBuffer();
  writeFileSync(join(PHOTOS, photo.file), jpeg);
  console.log(`wrote ${photo.file} (${photo.people.length} people, ${jpeg.length} bytes)`);
}
