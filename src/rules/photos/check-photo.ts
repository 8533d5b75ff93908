import type { Pack } from '../pack/schema';
import type { Finding, Severity } from '../types';
import { citeClause } from '../findings/cite';

/**
 * Findings for people in an attached photo, from the faces the on-device detector reported
 * (src/images/faces.ts). Pure: no model here, so the engine, the CLI and the tests share it.
 * It says what was seen, never who: the detector finds faces and knows nothing of identity.
 */

/** One face the detector reported; `box` is in fractions of the image's width and height. */
export interface DetectedFace {
  score: number;
  box: [x: number, y: number, width: number, height: number];
  /** Found in a tile of the photo, enlarged (small faces), or a weak find in the whole photo, rather than a clear one in the whole. */
  tile?: boolean;
  /** Looked at a second time, in a crop centred on it; `score` is then that look's. */
  confirmed?: boolean;
  /** The first look's score, which made it a candidate for confirming. */
  firstScore?: number;
}

/**
 * BlazeFace scores at or above this, on the whole photo, count as a face. Set on the photo
 * evaluation's development seed (docs/images.md).
 */
export const FACE_MIN_SCORE = 0.55;
/**
 * Candidates for a confirming look: a tile scoring this, or the whole photo scoring this
 * (below FACE_MIN_SCORE). A tile is enlarged before the detector sees it, and enlarged texture
 * (foliage, patterns, hair) scores higher than it does in the whole photo, so a candidate
 * counts only when the mean of its first look and a confirming look centred on it reaches
 * FACE_CONFIRM_MIN_SCORE.
 * All three set on the development seed, like FACE_MIN_SCORE.
 */
export const FACE_TILE_CANDIDATE_SCORE = 0.3;
export const FACE_WHOLE_CANDIDATE_SCORE = 0.3;
export const FACE_CONFIRM_MIN_SCORE = 0.62;

export interface PhotoCheckInput {
  pack: Pick<Pack, 'policy' | 'categories'>;
}

export const PHOTO_RULE_ID = 'people-in-photo';
export const PHOTO_MESSAGE_ID = 'peopleInPhoto';
/** Same value as DEFAULT_SEVERITY.photos in compile.ts (a unit test holds them equal). */
export const DEFAULT_PHOTOS_SEVERITY: Severity = 'warn';

export function facesCounted(faces: readonly DetectedFace[]): DetectedFace[] {
  return faces.filter((face) => (face.tile ? face.confirmed === true && face.score >= FACE_CONFIRM_MIN_SCORE : face.score >= FACE_MIN_SCORE));
}

function facesPhrase(count: number): string {
  return count === 1 ? '1 face' : `${count} faces`;
}

/** A `photos` finding when the image shows at least one face; none when the category is absent or off. */
export function checkPhoto(compiled: PhotoCheckInput, faces: readonly DetectedFace[]): Finding[] {
  const { pack } = compiled;
  const settings = pack.categories.photos;
  if (!settings || settings.enabled === false) return [];
  const clause = pack.policy.clauses.find((c) => c.id === settings.clauses[0]);
  if (!clause) return [];
  const count = facesCounted(faces).length;
  if (count === 0) return [];
  const seen = facesPhrase(count);
  return [
    {
      category: 'photos',
      ruleId: PHOTO_RULE_ID,
      messageId: PHOTO_MESSAGE_ID,
      data: { faces: String(count) },
      message: `This image shows people (${seen}). PostCheck cannot tell who they are: if any of them is a pupil, the policy does not allow the photo on a personal account.`,
      severity: settings.severity ?? DEFAULT_PHOTOS_SEVERITY,
      spans: [],
      excerpt: seen,
      clause: citeClause(pack, clause),
    },
  ];
}
