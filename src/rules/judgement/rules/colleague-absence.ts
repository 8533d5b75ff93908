import type { Detector, DetectorExamples } from '../../detector';
import { sentenceAt } from '../../document/document';
import { nameMentions } from '../../evidence/names';
import { boundedTerms } from '../../vocab';
import * as confidential from '../../vocab/confidential.json';
import { allMatches } from '../../document/matches';

const ABOUT_COLLEAGUE = boundedTerms(confidential.aboutColleague, 'gu');
/** The author's own absence is the sickness rule's business, not this one. */
const FIRST_PERSON = /(?:^|[\s,.!?])(?:i|i'm|i've|i'd|me|my)(?:[\s,.!?']|$)/u;
const SOMEONE_ELSE = /\b(?:she|he|they|who|who's|a member of staff|colleague|colleagues|[a-z]+'s been|our (?:safeguarding lead|dsl|head|deputy|senco|ta|caretaker|bursar|business manager|office manager))\b/u;

/** End offset (shifted by `offset`) of the first match of `re` in `text`, or Infinity. */
function firstMatchEnd(re: RegExp, text: string, offset: number): number {
  const m = re.exec(text);
  return m ? offset + m.index + m[0].length : Infinity;
}

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
    // Where each sentence first speaks of the author or of someone else: found once per sentence,
    // so a phrase repeated through one long sentence does not rescan it.
    const cues = new Map<number, { firstPerson: number; someoneElse: number }>();
    const cuesOf = (index: number) => {
      let found = cues.get(index);
      if (!found) {
        const start = ctx.doc.sentences[index]?.start ?? 0;
        const text = lower.slice(start, ctx.doc.sentences[index]?.end ?? lower.length);
        found = { firstPerson: firstMatchEnd(FIRST_PERSON, ` ${text}`, start - 1), someoneElse: firstMatchEnd(SOMEONE_ELSE, text, start) };
        cues.set(index, found);
      }
      return found;
    };
    for (const m of allMatches(ABOUT_COLLEAGUE, lower)) {
      const { firstPerson, someoneElse } = cuesOf(sentenceAt(ctx.doc, m.index));
      // "Before the phrase" = a cue that ends no later than the phrase starts.
      const someoneElseBefore = someoneElse <= m.index;
      if (firstPerson <= m.index && !someoneElseBefore) continue;
      if (!staffNamed && !someoneElseBefore) continue;
      hits.push({ spans: [[m.index, m.index + m[0].length]] as [number, number][], messageId: 'absence' });
    }
    return hits;
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: ["'signed off with stress' so obviously I'm at Glastonbury", 'I got signed off for a week with flu'],
  invalid: [{ text: "Thinking of Derek the caretaker who's been signed off for six weeks", excerpt: 'signed off' }],
};
