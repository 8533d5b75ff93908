import type { Detector, DetectorExamples } from '../../detector';
import { allMatches } from '../../document/matches';

const MONTHS = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A full date, its year as `numericYear` after digits ("02/09/91") and as `writtenYear` after a month's name. */
const fullDate = (numericYear: string, writtenYear: string) =>
  `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]${numericYear}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTHS}\\.?,?\\s+${writtenYear}|${MONTHS}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+${writtenYear})`;
const DATE = fullDate('(?:19|20)?\\d{2}', '(?:19|20)\\d{2}');
/** A date given as someone's birth date: "born 12 August 1984", "DOB 02/09/1991". */
const DOB = new RegExp(`(?<![\\p{L}])(?:born(?:\\s+on)?|d\\.?o\\.?b\\.?:?|date of birth:?|birthday(?:\\s+is)?(?:\\s+on)?)\\s+${DATE}(?![\\p{N}])`, 'gu');
/**
 * A birthday with a full date in the last century a few words on in its sentence: "it's her birthday Friday too,
 * 14/03/1991". A year of the 1900s is a birth year, not a party booked; later years need "born" or "DOB" beside them.
 */
const LAST_CENTURY = fullDate('19\\d{2}', '19\\d{2}');
const BIRTHDAY_THEN_DATE = new RegExp(`(?<![\\p{L}])(?:birthday|born)(?![\\p{L}])[^.!?\\n\\d]{1,40}?${LAST_CENTURY}(?![\\p{N}])`, 'gu');

export const dateOfBirth: Detector = {
  meta: { id: 'date-of-birth', category: 'personal-data', defaultSeverity: 'block', description: "Someone's date of birth.", cites: 'the clause on personal data' },
  messages: { dob: 'This gives a date of birth, which is personal data.' },
  check({ doc }) {
    const beside = allMatches(DOB, doc.lower);
    // Both lists run in text order without overlaps of their own: one walk finds a "birthday … date" a "born <date>" already covers.
    let next = 0;
    const apart = allMatches(BIRTHDAY_THEN_DATE, doc.lower).filter((m) => {
      while (next < beside.length && beside[next]!.index + beside[next]![0].length <= m.index) next++;
      return !(next < beside.length && beside[next]!.index < m.index + m[0].length);
    });
    return [...beside, ...apart].map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'dob' }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: ['Happy 10th birthday to my nephew!', 'Born to teach 😂', 'Trip on 14/03/2025 confirmed', 'Birthday meal booked for 14/03/2027'],
  invalid: [{ text: 'born 12 August 1984 and still looks 25', excerpt: 'born 12 August 1984' }, { text: 'born 02/09/1991 🎉', excerpt: 'born 02/09/1991' }, { text: "it's her birthday Friday too, 14/03/1991, she'll kill me", excerpt: 'birthday Friday too, 14/03/1991' }],
};
