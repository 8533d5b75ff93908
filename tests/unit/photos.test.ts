import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { packChecksImages } from '../../src/content/attachments';
import { checkImageForPack } from '../../src/images/check-service';
import { PartsInbox } from '../../src/images/pixels';
import { DEFAULT_SEVERITY } from '../../src/rules/compile';
import { checkPhoto, DEFAULT_PHOTOS_SEVERITY, FACE_CONFIRM_MIN_SCORE, FACE_MIN_SCORE, facesCounted, type DetectedFace, type PhotoCheckInput } from '../../src/rules/photos/check-photo';
import { tilesOf } from '../../src/images/face-run';

const policy = {
  title: 'Hartwell Social Media Policy',
  clauses: [
    { id: 'photos', ref: '9', text: 'Photographs of pupils must not be published on personal webspace.' },
    { id: 'conduct', ref: '3.1', text: 'Staff must act professionally.' },
  ],
};
const packWith = (photos?: { enabled?: boolean; severity?: 'info' | 'warn' | 'block' }): PhotoCheckInput => ({
  pack: { policy, categories: photos ? { photos: { enabled: photos.enabled ?? true, clauses: ['photos', 'conduct'], phrases: [], allow: [], ...(photos.severity ? { severity: photos.severity } : {}) } } : {} },
});
const face = (score: number): DetectedFace => ({ score, box: [0.1, 0.1, 0.2, 0.2] });

describe('photos finding', () => {
  it('says how many faces were seen, never who, and cites the pack clause', () => {
    const [finding, ...rest] = checkPhoto(packWith({}), [face(0.9), face(0.7)]);
    expect(rest).toEqual([]);
    expect(finding?.category).toBe('photos');
    expect(finding?.excerpt).toBe('2 faces');
    expect(finding?.data).toEqual({ faces: '2' });
    expect(finding?.message).toContain('2 faces');
    expect(finding?.message).toContain('cannot tell who they are');
    expect(finding?.clause).toMatchObject({ id: 'photos', ref: '9', policyTitle: 'Hartwell Social Media Policy' });
    expect(finding?.spans).toEqual([]);
    expect(finding?.severity).toBe(DEFAULT_PHOTOS_SEVERITY);
  });

  it('counts one face in the singular and ignores detections below the threshold', () => {
    expect(checkPhoto(packWith({}), [face(0.95), face(FACE_MIN_SCORE - 0.01)])[0]?.excerpt).toBe('1 face');
    expect(checkPhoto(packWith({}), [face(FACE_MIN_SCORE - 0.01)])).toEqual([]);
    expect(checkPhoto(packWith({}), [])).toEqual([]);
  });

  it('counts a face seen only in an enlarged tile after a confirming look, not before', () => {
    const inTile = (score: number, confirmed: boolean): DetectedFace => ({ ...face(score), tile: true, ...(confirmed ? { confirmed } : {}) });
    expect(facesCounted([inTile(0.99, false)])).toEqual([]);
    expect(facesCounted([inTile(FACE_CONFIRM_MIN_SCORE - 0.01, true)])).toEqual([]);
    expect(facesCounted([inTile(FACE_CONFIRM_MIN_SCORE, true)])).toHaveLength(1);
  });

  it('follows the pack: off, absent, or with its own severity', () => {
    expect(checkPhoto(packWith({ enabled: false }), [face(0.9)])).toEqual([]);
    expect(checkPhoto(packWith(), [face(0.9)])).toEqual([]);
    expect(checkPhoto(packWith({ severity: 'block' }), [face(0.9)])[0]?.severity).toBe('block');
    expect(DEFAULT_PHOTOS_SEVERITY).toBe(DEFAULT_SEVERITY.photos);
  });
});

describe('tiles for small faces', () => {
  it('cover the whole photo with overlapping squares, three across its longer side', () => {
    for (const [width, height, count] of [[800, 600, 9], [600, 800, 9], [800, 533, 6], [800, 450, 6], [800, 800, 9]] as const) {
      const tiles = tilesOf(width, height);
      expect(tiles, `${width}x${height}`).toHaveLength(count);
      const long = Math.max(width, height);
      for (const tile of tiles) {
        expect(tile.width).toBe(tile.height);
        expect(tile.width).toBeGreaterThan(long / 3);
        expect(tile.width).toBeLessThan(long / 2);
        expect(tile.left + tile.width).toBeLessThanOrEqual(width);
        expect(tile.top + tile.height).toBeLessThanOrEqual(height);
      }
      expect(Math.max(...tiles.map((t) => t.left + t.width))).toBe(width);
      expect(Math.max(...tiles.map((t) => t.top + t.height))).toBe(height);
      // Neighbours overlap by at least 18% of a tile, so a small face on a border is whole in one of them.
      for (const starts of [[...new Set(tiles.map((t) => t.left))], [...new Set(tiles.map((t) => t.top))]]) {
        for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeLessThanOrEqual(tiles[0]!.width * (1 - 0.18) + 1);
      }
    }
  });

  it('are not used on photos too small to need them', () => {
    expect(tilesOf(300, 200)).toEqual([]);
  });
});

describe('the background image check', () => {
  const photo = fileURLToPath(new URL('../fixtures/photos/sources/face-api-sample1.jpg', import.meta.url));

  async function rgbaMessage(): Promise<unknown> {
    const { data, info } = await sharp(readFileSync(photo)).resize(200).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { kind: 'rgba', width: info.width, height: info.height, base64: data.toString('base64') };
  }

  it('asks the detector only when the pack checks photos, and reports what it found', async () => {
    let asked = 0;
    const detect = async (): Promise<DetectedFace[]> => {
      asked++;
      return [face(0.9), face(0.8), face(0.6)];
    };
    const on = await checkImageForPack(async () => packWith({}).pack, await rgbaMessage(), new PartsInbox(), detect);
    expect(on.map((f) => [f.category, f.excerpt])).toEqual([['photos', '3 faces']]);
    const off = await checkImageForPack(async () => packWith({ enabled: false }).pack, await rgbaMessage(), new PartsInbox(), detect);
    expect(off).toEqual([]);
    expect(asked).toBe(1);
  });

  it('a detector that fails costs the photo finding, not the check', async () => {
    const failing = async (): Promise<DetectedFace[]> => {
      throw new Error('model did not load');
    };
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      await expect(checkImageForPack(async () => packWith({}).pack, await rgbaMessage(), new PartsInbox(), failing)).resolves.toEqual([]);
    } finally {
      console.warn = warn;
    }
  });
});

describe('which packs make the content script read images', () => {
  it('reads them for logos, or for photos unless turned off', () => {
    expect(packChecksImages({ logos: [{ id: 'crest' }], categories: {} })).toBe(true);
    expect(packChecksImages({ logos: [], categories: { photos: { clauses: ['photos'] } } })).toBe(true);
    expect(packChecksImages({ logos: [], categories: { photos: { enabled: false, clauses: ['photos'] } } })).toBe(false);
    expect(packChecksImages({ logos: [], categories: {} })).toBe(false);
    expect(packChecksImages(null)).toBe(false);
  });
});
