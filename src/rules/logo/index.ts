/**
 * Logo recognition: pure TypeScript on decoded pixels, no DOM and no Node APIs,
 * so the content script (OffscreenCanvas) and the CLI (sharp) share it.
 */
export { checkImage, DEFAULT_LOGO_SEVERITY, LOGO_MESSAGE_ID, LOGO_RULE_ID, type LogoCheckInput } from './check-image';
export { decodeFingerprint, fingerprintLogo, fingerprintProblem, logoDetailWarning, logoRefusal, FINGERPRINT_PREFIX, FINGERPRINT_VERSION } from './fingerprint';
export { matchLogo, scoreLogos, MATCH_THRESHOLD, type LogoScore } from './match';
export type { Box, LogoFingerprint, LogoMatch, LogoReference, RgbaImage } from './types';
