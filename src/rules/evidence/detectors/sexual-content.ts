import type { Detector, DetectorExamples } from '../../detector';
import * as sexual from '../../vocab/sexual.json';
import { boundedTerms } from '../../vocab';
import { allMatches } from '../../document/matches';

const SEXUAL = boundedTerms(sexual.terms, 'gu');
const INNUENDO = new Set(sexual.innuendoEmoji);
const SUGGESTIVE = new Set(sexual.suggestiveEmoji);
/** Droplets are water unless another innuendo emoji stands with them. */
const ALONE_NOT_ENOUGH = '💦';

/** Innuendo by emoji: two different innuendo emoji, or the aubergine or the peach beside a suggestive face. The span covers them. */
function emojiInnuendo(text: string): [number, number] | null {
  // Checked on every pause in typing: most posts hold none of the emoji, and need no walk by code point.
  if (!sexual.innuendoEmoji.some((emoji) => text.includes(emoji))) return null;
  const seen = new Set<string>();
  let suggestive = false;
  let first = -1;
  let last = -1;
  // Emoji are whole code points: iterate by code point, keeping UTF-16 offsets for the span.
  let at = 0;
  for (const ch of text) {
    if (INNUENDO.has(ch)) {
      seen.add(ch);
      if (first < 0) first = at;
      last = at + ch.length;
    } else if (SUGGESTIVE.has(ch)) suggestive = true;
    at += ch.length;
  }
  const enough = seen.size >= 2 || (suggestive && [...seen].some((e) => e !== ALONE_NOT_ENOUGH));
  return enough ? [first, last] : null;
}

export const sexualContent: Detector = {
  meta: {
    id: 'sexual-content',
    category: 'offensive',
    defaultSeverity: 'warn',
    description: 'Sexual content, with or without swearing.',
    cites: 'the clause on conduct that could bring the school into disrepute',
  },
  messages: { sexual: 'Sexual content (“{excerpt}”) is something your school’s policy asks staff not to post.' },
  check({ doc }) {
    const hits = allMatches(SEXUAL, doc.lower).filter((m) => !/comic\s+$/u.test(doc.lower.slice(Math.max(0, m.index - 8), m.index))).map((m) => ({ spans: [[m.index, m.index + m[0].length]] as [number, number][], messageId: 'sexual' }));
    const emoji = hits.length ? null : emojiInnuendo(doc.text);
    if (emoji) hits.push({ spans: [emoji], messageId: 'sexual' });
    return hits;
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: ['Comic strip club after school is the best', 'Stripped the beds and did the washing', 'Paddling pool out for the spaniel 🐶💦', 'Peach crumble for pudding 🍑', 'Moussaka tonight 🍆'],
  invalid: [
    { text: 'nobody tell the head we ended up at a strip club', excerpt: 'strip club' },
    { text: 'Stag weekend in Riga, two lapdancing bars in one night', excerpt: 'lapdancing' },
    { text: 'Work do got very lively after midnight 🍆💦', excerpt: '🍆💦' },
    { text: 'Met a lovely fireman last night 😏🍑', excerpt: '🍑' },
    { text: 'Mr Mills in those PE shorts though 🍑🔥', excerpt: '🍑' },
  ],
};
