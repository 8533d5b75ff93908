import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImageFile, fingerprintLogoFile, checkImageFiles } from '../../src/cli/logo-files';
import { DEFAULT_SEVERITY } from '../../src/rules/compile';
import {
  checkImage, decodeFingerprint, fingerprintLogo, fingerprintProblem, logoDetailWarning, matchLogo,
  DEFAULT_LOGO_SEVERITY, FINGERPRINT_PREFIX, LOGO_RULE_ID,
  type LogoCheckInput, type LogoReference, type RgbaImage,
} from '../../src/rules/logo';

const corpus = (file: string) => fileURLToPath(new URL(`../fixtures/logos/${file}`, import.meta.url));

async function reference(id: string): Promise<LogoReference> {
  return { id, fingerprint: decodeFingerprint(await fingerprintLogoFile(corpus(`logos/${id}.png`))) };
}

const packWith = (logos: { id: string; name?: string; fingerprint: string }[], logo?: { enabled?: boolean; severity?: 'info' | 'warn' | 'block' }): LogoCheckInput => ({
  pack: {
    policy: {
      title: 'Hartwell Social Media Policy',
      url: 'https://hartwell.example/policy',
      clauses: [
        { id: 'conduct', ref: '3.1', text: 'Staff must act professionally.' },
        { id: 'brand', ref: '7.2', text: "Staff must not use the School's logos on personal accounts." },
      ],
    },
    categories: logo ? { logo: { enabled: logo.enabled ?? true, clauses: ['brand', 'conduct'], phrases: [], allow: [], ...(logo.severity ? { severity: logo.severity } : {}) } } : {},
    logos,
  },
});

describe('logo fingerprint', () => {
  it('is versioned text, small enough for a managed policy value, and decodes to what it encodes', async () => {
    const text = await fingerprintLogoFile(corpus('logos/hartwell.png'));
    expect(text.startsWith(FINGERPRINT_PREFIX)).toBe(true);
    expect(text).toMatch(/^pclogo1:[A-Za-z0-9+/=]+$/);
    expect(text.length).toBeLessThan(40_000);
    const fp = decodeFingerprint(text);
    expect(fp.keypoints.count).toBeGreaterThan(100);
    expect(fp.thumbnail.width).toBe(128);
    // Same pixels, same fingerprint: the pack can be rebuilt and diffed.
    expect(fingerprintLogo(await decodeImageFile(corpus('logos/hartwell.png')))).toBe(text);
  });

  it('says what is wrong with a damaged or foreign fingerprint', async () => {
    const text = await fingerprintLogoFile(corpus('logos/aldric.png'));
    expect(fingerprintProblem(text)).toBeNull();
    expect(fingerprintProblem('hello')).toMatch(/must start with "pclogo1:"/);
    expect(fingerprintProblem('pclogo2:AAAA')).toMatch(/format "pclogo2:"/);
    expect(fingerprintProblem(text.slice(0, 500))).toMatch(/truncated or damaged/);
    expect(fingerprintProblem('pclogo1:@@@')).toMatch(/not valid base64/);
  });

  it('fingerprints a flat image without failing (it simply matches nothing much)', () => {
    const flat: RgbaImage = { width: 48, height: 48, data: new Uint8ClampedArray(48 * 48 * 4).fill(200) };
    expect(fingerprintLogo(flat).startsWith(FINGERPRINT_PREFIX)).toBe(true);
    expect(() => fingerprintLogo({ width: 8, height: 8, data: new Uint8Array(256) })).toThrow(/at least 16×16/);
  });

  it('warns when a logo has too little detail to be found reliably', async () => {
    const plain = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300" fill="#fff"/>' +
        '<rect x="30" y="30" width="240" height="240" fill="#0A6E5C"/><polygon points="30,270 270,30 270,270" fill="#F4B400"/></svg>',
    );
    const { data, info } = await sharp(plain).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(logoDetailWarning(fingerprintLogo({ width: info.width, height: info.height, data }))).toMatch(/little detail/);
    expect(logoDetailWarning(await fingerprintLogoFile(corpus('logos/kingsmere.png')))).toBeNull();
  });
});

describe('matchLogo', () => {
  it('finds the logo in its transformed copies and says where', async () => {
    const refs = [await reference('hartwell'), await reference('kingsmere')];
    for (const file of ['hartwell_02_jpeg_q75.jpg', 'hartwell_06_rotate.jpg', 'hartwell_07_gray.png', 'hartwell_09_banner.jpg', 'hartwell_10_jumper.jpg']) {
      const matches = matchLogo(await decodeImageFile(corpus(`positives/${file}`)), refs);
      expect(matches.map((m) => m.logoId), file).toEqual(['hartwell']);
    }
    const [banner] = matchLogo(await decodeImageFile(corpus('positives/hartwell_09_banner.jpg')), refs);
    // make.py puts the 256-px logo canvas on the banner; the box is the crest inside it.
    expect(banner?.box?.width).toBeGreaterThan(150);
    expect(banner?.box?.width).toBeLessThan(260);
    expect(banner?.score).toBeGreaterThan(0.6);
  });

  it('does not match look-alike crests, text in the logo colours, or ordinary photos', async () => {
    const refs = [await reference('hartwell'), await reference('aldric'), await reference('kingsmere'), await reference('brookfield')];
    for (const file of ['other_ashbury.png', 'other_stbedes.png', 'other_queensbury.png', 'other_elmwood.png', 'text_navy_gold_card.png', 'photo_street_1.jpg', 'shape_plain_shield.png']) {
      expect(matchLogo(await decodeImageFile(corpus(`negatives/${file}`)), refs), file).toEqual([]);
    }
  });

  it('takes Uint8ClampedArray pixels (ImageData) and copes with tiny or empty images', async () => {
    const refs = [await reference('brookfield')];
    const image = await decodeImageFile(corpus('positives/brookfield_03_resize180.png'));
    const clamped: RgbaImage = { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
    expect(matchLogo(clamped, refs).map((m) => m.logoId)).toEqual(['brookfield']);
    expect(matchLogo({ width: 1, height: 1, data: new Uint8Array(4) }, refs)).toEqual([]);
    expect(() => matchLogo({ width: 10, height: 10, data: new Uint8Array(12) }, refs)).toThrow(/RGBA needs 400/);
  });
});

describe('checkImage', () => {
  it('raises a logo finding citing the first clause of categories.logo', async () => {
    const fingerprint = await fingerprintLogoFile(corpus('logos/aldric.png'));
    const compiled = packWith([{ id: 'aldric', name: "St Aldric's crest", fingerprint }], {});
    const findings = checkImage(compiled, await decodeImageFile(corpus('positives/aldric_11_sign.jpg')));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      category: 'logo',
      ruleId: LOGO_RULE_ID,
      messageId: 'schoolLogo',
      severity: 'warn',
      spans: [],
      excerpt: "St Aldric's crest",
      data: { logoId: 'aldric', logoName: "St Aldric's crest" },
      clause: { id: 'brand', ref: '7.2', policyTitle: 'Hartwell Social Media Policy', policyUrl: 'https://hartwell.example/policy' },
    });
    expect(findings[0]?.message).toContain("St Aldric's crest");
  });

  it('uses the pack severity, and finds nothing when the category is off or absent', async () => {
    const fingerprint = await fingerprintLogoFile(corpus('logos/aldric.png'));
    const logos = [{ id: 'aldric', fingerprint }];
    const image = await decodeImageFile(corpus('positives/aldric_02_jpeg_q75.jpg'));
    expect(checkImage(packWith(logos, { severity: 'block' }), image)[0]?.severity).toBe('block');
    expect(checkImage(packWith(logos, { enabled: false }), image)).toEqual([]);
    expect(checkImage(packWith(logos), image)).toEqual([]);
    expect(checkImage(packWith([{ id: 'broken', fingerprint: 'pclogo1:AAAA' }, ...logos], {}), image).map((f) => f.data.logoId)).toEqual(['aldric']);
  });

  it('defaults to the same severity as the rest of the engine', () => {
    expect(DEFAULT_LOGO_SEVERITY).toBe(DEFAULT_SEVERITY.logo);
  });
});

describe('logo files', () => {
  it('names the file and the problem when it cannot be read', async () => {
    await expect(fingerprintLogoFile(corpus('logos/nope.png'))).rejects.toThrow(/nope\.png: cannot read the image \(no such file\)/);
    await expect(fingerprintLogoFile(corpus('README.md'))).rejects.toThrow(/README\.md: not a readable PNG, JPEG or WebP image/);
  });

  it('checks several files in order', async () => {
    const fingerprint = await fingerprintLogoFile(corpus('logos/kingsmere.png'));
    const results = await checkImageFiles(packWith([{ id: 'kingsmere', fingerprint }], {}), [corpus('positives/kingsmere_05_crop.jpg'), corpus('negatives/other_queensbury.png')]);
    expect(results.map((r) => [r.image.split('/').pop(), r.findings.length])).toEqual([
      ['kingsmere_05_crop.jpg', 1],
      ['other_queensbury.png', 0],
    ]);
  });
});
