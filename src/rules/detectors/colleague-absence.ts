import type { Detector } from '../detector';
import { sentenceAt } from '../document';
import { nameMentions } from '../names';
import { bounded, termsPattern } from '../vocab';
import confidential from '../vocab/confidential.json';

const ABOUT_COLLEAGUE = bounded(termsPattern(confidential.aboutColleague), 'gu');
/** The author's own absence is the sickness rule's business, not this one. */
const FIRST_PERSON = /(?:^|[\s,.!?])(?:i|i'm|i've|i'd|me|my)(?:[\s,.!?']|$)/u;
const SOMEONE_ELSE = /\b(?:she|he|they|who|who's|a member of staff|colleague|colleagues|[a-z]+'s been|our (?:safeguarding lead|dsl|head|deputy|senco|ta|caretaker|bursar|business manager|office manager))\b/u;

export const colleagueAbsence: Detector = {
  meta: {
    id: 'colleague-absence',
    category: 'confidential',
    defaultSeverity: 'block',
    description: "A colleague's sickness absence or suspension.",
    cites: "the clause on colleagues' confidential information",
  },
  messages: { absence: 'This shares a colleague’s sickness or HR situation, which your school’s policy keeps confidential.' },
  check(ctx) {
    const { lower } = ctx.doc;
    const staffNamed = nameMentions(ctx).some((m) => m.person.kind === 'staff');
    const hits = [];
    for (const m of lower.matchAll(ABOUT_COLLEAGUE)) {
      const sentence = ctx.doc.sentences[sentenceAt(ctx.doc, m.index)];
      const before = lower.slice(sentence?.start ?? 0, m.index);
      if (FIRST_PERSON.test(` ${before}`) && !SOMEONE_ELSE.test(before)) continue;
      if (!staffNamed && !SOMEONE_ELSE.test(before)) continue;
      hits.push({ spans: [[m.index, m.index + m[0].length]] as [number, number][], messageId: 'absence' });
    }
    return hits;
  },
  examples: {
    valid: ["'signed off with stress' so obviously I'm at Glastonbury", 'I got signed off for a week with flu'],
    invalid: [{ text: "Thinking of Derek the caretaker who's been signed off for six weeks", excerpt: 'signed off' }],
  },
};
