import type { Pack } from '../pack/schema';
import type { Finding, Severity } from '../types';
import { decodeFingerprint } from './fingerprint';
import { MATCH_THRESHOLD, matchLogo } from './match';
import type { LogoFingerprint, LogoReference, RgbaImage } from './types';
import { citeClause } from '../findings/cite';

/**
 * What checkImage needs from a compiled pack. Structural, so the CompiledPack
 * from compilePack fits, and so does `{ pack }` in tests.
 */
export interface LogoCheckInput {
  pack: Pick<Pack, 'policy' | 'categories' | 'logos'>;
}

export const LOGO_RULE_ID = 'school-logo';
export const LOGO_MESSAGE_ID = 'schoolLogo';
/**
 * Same value as DEFAULT_SEVERITY.logo in compile.ts (a unit test holds them
 * equal); not imported, so checking an image does not load the text engine.
 */
export const DEFAULT_LOGO_SEVERITY: Severity = 'warn';

/**
 * Decoded fingerprints by text. Packs change rarely and hold at most 20 logos,
 * so a small cache saves decoding on every attachment.
 */
const decoded = new Map<string, LogoFingerprint | null>();
const CACHE_LIMIT = 64;

function decodeCached(text: string): LogoFingerprint | null {
  if (decoded.has(text)) return decoded.get(text) ?? null;
  let fp: LogoFingerprint | null;
  try {
    fp = decodeFingerprint(text);
  } catch {
    // A damaged fingerprint must not stop the other logos being checked; pack validation reports it (fingerprintProblem).
    fp = null;
  }
  if (decoded.size >= CACHE_LIMIT) decoded.delete(decoded.keys().next().value ?? '');
  decoded.set(text, fp);
  return fp;
}

/** `logo` findings for the pack's logos seen in the image; none when the category is absent or off. */
export function checkImage(compiled: LogoCheckInput, image: RgbaImage): Finding[] {
  const { pack } = compiled;
  const settings = pack.categories.logo;
  if (!settings || settings.enabled === false || pack.logos.length === 0) return [];
  const clause = pack.policy.clauses.find((c) => c.id === settings.clauses[0]);
  if (!clause) return [];
  const references: LogoReference[] = [];
  for (const logo of pack.logos) {
    const fingerprint = decodeCached(logo.fingerprint);
    if (fingerprint) references.push({ id: logo.id, fingerprint });
  }
  if (references.length === 0) return [];
  const names = new Map(pack.logos.map((l) => [l.id, l.name ?? l.id]));
  return matchLogo(image, references).map((m): Finding => {
    const logoName = names.get(m.logoId) ?? m.logoId;
    return {
      category: 'logo',
      ruleId: LOGO_RULE_ID,
      messageId: LOGO_MESSAGE_ID,
      data: { logoId: m.logoId, logoName, score: m.score.toFixed(2) },
      message: `This image appears to show ${logoName}. The policy does not allow the school's logo on personal accounts.`,
      severity: settings.severity ?? DEFAULT_LOGO_SEVERITY,
      spans: [],
      excerpt: logoName,
      score: m.score,
      threshold: MATCH_THRESHOLD,
      clause: citeClause(pack, clause),
    };
  });
}
