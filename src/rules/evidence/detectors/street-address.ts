import type { Detector, DetectorExamples } from '../../detector';
import { allMatches } from '../../document/matches';

const STREET_TYPES = '(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Crescent|Cres|Drive|Dr|Gardens|Gdns|Way|Place|Pl|Terrace|Grove|Court|Ct|Hill|View|Row|Walk|Mews|Square|Sq|Park|Green|Rise|Parade|Vale|Cottages|Cottage|Wharf)';
/** "14 Stanhope Road", "Flat 2, 9 Winchester St", "48 Crosby Road North", "Fold Cottage, Paddock Lane". */
const ADDRESS = new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:[Ff]lat|[Aa]partment|[Aa]pt|[Uu]nit)\\s+\\d+[a-z]?,?\\s+)?\\d{1,4}[a-z]?,?\\s+(?:\\p{Lu}[\\p{L}'-]+\\s+){1,3}${STREET_TYPES}(?:\\s+(?:North|South|East|West))?(?![\\p{L}])|(?:\\p{Lu}[\\p{L}'-]+\\s+)(?:Cottage|Farm|House|Barn|Lodge),\\s+(?:\\p{Lu}[\\p{L}'-]+\\s+){1,2}${STREET_TYPES}(?![\\p{L}])`, 'gu');

export const streetAddress: Detector = {
  meta: { id: 'street-address', category: 'personal-data', defaultSeverity: 'block', description: 'A home or postal address with a house number and street.', cites: 'the clause on personal data' },
  messages: { address: 'This is a street address. Your school’s policy asks staff not to share anyone’s address.' },
  check({ doc }) {
    return allMatches(ADDRESS, doc.text).map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'address' }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: ['A café on Northfield Avenue', 'Parked across the gate on Front Street', 'Year 10 walked 2 miles along the Thames Path'],
  invalid: [{ text: 'pop round to 14 Stanhope Road after 4', excerpt: '14 Stanhope Road' }, { text: "it's Flat 2, 9 Winchester St", excerpt: 'Flat 2, 9 Winchester St' }],
};
