import type { PostDocument } from '../document/document';
import { normalizeText } from '../document/normalize';
import type { Pack } from '../pack/schema';
import { compactKey } from './people';
import { boundedTerms, SCHOOL_CONTEXT } from '../vocab';
import { allMatches } from '../document/matches';
import { sortInPlace } from '../document/sort';

/**
 * Finds where a post identifies the school: its name, a short form in a
 * school context, its domain, handle or hashtag. Short forms that are also
 * places or other things ("Stoke Mandeville", "TCS London Marathon",
 * "Waterloo station") are left alone.
 */
export type SchoolMentionKind = 'name' | 'alias' | 'domain' | 'handle' | 'hashtag';

export interface SchoolMention {
  kind: SchoolMentionKind;
  start: number;
  end: number;
}

export interface SchoolMatcher {
  find(doc: PostDocument): SchoolMention[];
}

/** Nouns that turn a place-like school name into the place. */
const PLACE_NOUNS = ['village', 'station', 'hospital', 'road', 'street', 'lane', 'park', 'river', 'valley', 'town', 'bridge', 'common', 'fc', 'united', 'rovers', 'services', 'way', 'avenue', 'hall', 'house', 'church', 'reservoir', 'moor', 'moors', 'junction', 'bus', 'train', 'line', 'marathon', 'half', 'festival', 'show', 'retail'];
const PLACE_AFTER = new RegExp(`^(?:'s)?\\s+(?:${PLACE_NOUNS.join('|')})\\b`, 'u');
/** Nouns of school life that, after a short form, make it the school ("TCS timetable"). */
const WORK_AFTER = /^(?:'s)?\s+(?:(?:has|have) been (?:told|judged|rated|graded|asked)|is (?:recruiting|hiring|closing)|has announced|got (?:outstanding|good)|governors?|staff|timetable|parents?|pupils?|students?|kids|children|slt|head|leadership|office|staffroom|assembly|sports day|inset|english|maths|science|department|team|family|families|choir|website|newsletter|uniform|canteen)\b/u;
const LEAD_IN = /(?:\bat|\bfrom|\bto|\bour|\bthe|\btell|\boutside|\binside|\btold|\btexted|\brang|\bphoned|\bemailed|\bjoin|\bjoined|\bjoining|\bleft|\bleaving|\bwork at|\bteach at|\bteaching at|\bwhole of|@)\s*$/u;

/** A handle as a profile link: "facebook.com/KettleshulmeStJamesPrimary". */
const SOCIAL_PROFILE = /(?:facebook|instagram|x|twitter|linkedin)\.com\/(?:company\/|school\/)?([\p{L}\p{N}_.-]+)/gu;
const fold = (s: string) => normalizeText(s).lower.trim();
const isAcronym = (alias: string) => /^[A-Z0-9]{2,6}$/.test(alias.trim());

export function buildSchoolMatcher(school: Pack['school']): SchoolMatcher {
  const names = [school.name, ...school.aliases.filter((a) => !isAcronym(a) && a.trim().includes(' '))].map(fold);
  const placeLike = school.aliases.filter((a) => !isAcronym(a) && !a.trim().includes(' ')).map(fold);
  const acronyms = school.aliases.filter(isAcronym).map((a) => a.trim());
  const nameRe = names.length ? boundedTerms(names, 'gu') : null;
  const placeLikeRe = placeLike.length ? boundedTerms(placeLike, 'gu') : null;
  // Acronyms count only in capitals: "tcs" in lower case is too often something else.
  const acronymRe = acronyms.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${acronyms.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  // In lower case an acronym counts only straight after "our", "at"…: "our wvps runners".
  const lowerAcronymRe = acronyms.length ? new RegExp(`(?<=(?:\\bour|\\bat|\\bfrom|\\bjoin|\\bjoined|\\bleft) )(?:${acronyms.map((a) => a.toLowerCase()).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  const domains = school.domains.map((d) => fold(d).replace(/^https?:\/\//, '').replace(/^www\./, ''));
  const domainRe = domains.length ? new RegExp(`(?<![\\p{L}\\p{N}.-])(?:www\\.)?(?:${domains.map((d) => d.replace(/\./g, '\\.')).join('|')})(?![\\p{L}\\p{N}-])`, 'gu') : null;
  const handles = new Set(school.handles.map((h) => compactKey(h.replace(/^@/, '').replace(/^.*\//, ''))));
  const hashtags = new Set(school.hashtags.map((h) => compactKey(h.replace(/^#/, ''))));
  // A hashtag that contains the school's name run together (#ProudToBeTestbourne) names it too.
  const distinctive = [school.name, ...school.aliases].filter((a) => !isAcronym(a)).map((a) => compactKey(fold(a))).filter((k) => k.length >= 8);

  function find(doc: PostDocument): SchoolMention[] {
    const out: SchoolMention[] = [];
    const { lower, text } = doc;
    const schoolish = SCHOOL_CONTEXT.test(lower);
    /** School life in the same sentence as the mention. */
    const schoolishAround = (start: number, end: number) => {
      const from = Math.max(lower.lastIndexOf('.', start), lower.lastIndexOf('\n', start), lower.lastIndexOf('!', start), lower.lastIndexOf('?', start)) + 1;
      const stops = ['.', '\n', '!', '?'].map((c) => lower.indexOf(c, end)).filter((i) => i >= 0);
      return SCHOOL_CONTEXT.test(lower.slice(from, stops.length ? Math.min(...stops) : lower.length));
    };
    if (nameRe) {
      for (const m of allMatches(nameRe, lower)) {
        if (PLACE_AFTER.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 16)) && !schoolish) continue;
        out.push({ kind: 'name', start: m.index, end: m.index + m[0].length });
      }
    }
    if (placeLikeRe) {
      for (const m of allMatches(placeLikeRe, lower)) {
        const end = m.index + m[0].length;
        const after = lower.slice(end, end + 24);
        if (PLACE_AFTER.test(after)) continue;
        const before = lower.slice(Math.max(0, m.index - 24), m.index);
        // "Stoke Mandeville": part of another proper noun (unless "At", "Told"… leads in).
        if (!LEAD_IN.test(before) && /\p{Lu}\p{Ll}+\s+$/u.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
        if (LEAD_IN.test(before) || WORK_AFTER.test(after) || after.startsWith("'s") || schoolishAround(m.index, end)) out.push({ kind: 'alias', start: m.index, end });
      }
    }
    if (acronymRe) {
      for (const m of allMatches(acronymRe, text)) {
        const end = m.index + m[0].length;
        if (/^\s+\p{Lu}\p{Ll}/u.test(text.slice(end, end + 4))) continue; // "TCS London Marathon"
        const before = lower.slice(Math.max(0, m.index - 24), m.index);
        const after = lower.slice(end, end + 24);
        if (LEAD_IN.test(before) || WORK_AFTER.test(after) || schoolishAround(m.index, end)) out.push({ kind: 'alias', start: m.index, end });
      }
    }
    if (lowerAcronymRe) for (const m of allMatches(lowerAcronymRe, text)) out.push({ kind: 'alias', start: m.index, end: m.index + m[0].length });
    if (domainRe) for (const m of allMatches(domainRe, lower)) out.push({ kind: 'domain', start: m.index, end: m.index + m[0].length });
    for (const t of doc.tokens) {
      if (t.kind === 'handle' && handles.has(compactKey(t.text.slice(1)))) out.push({ kind: 'handle', start: t.start, end: t.end });
      if (t.kind === 'hashtag') {
        const key = compactKey(t.text.slice(1));
        if (hashtags.has(key) || distinctive.some((d) => key.includes(d))) out.push({ kind: 'hashtag', start: t.start, end: t.end });
      }
    }
    // Handles as profile links: "facebook.com/KettleshulmeStJamesPrimary".
    for (const m of allMatches(SOCIAL_PROFILE, lower)) {
      if (handles.has(compactKey(m[1]!))) out.push({ kind: 'handle', start: m.index, end: m.index + m[0].length });
    }
    return sortInPlace(out, (a, b) => a.start - b.start).filter((m, i, all) => i === 0 || m.start >= all[i - 1]!.end);
  }

  return { find };
}

/**
 * The school mentions in this check's post, computed once and shared by every detector.
 * Takes the check context by shape so this module stays below detector.ts (which needs
 * the compiled pack, which holds this matcher): no import circle.
 */
export function schoolMentions(ctx: { doc: PostDocument; compiled: { school: SchoolMatcher }; memo: Map<string, unknown> }): SchoolMention[] {
  let mentions = ctx.memo.get('school') as SchoolMention[] | undefined;
  if (!mentions) ctx.memo.set('school', (mentions = ctx.compiled.school.find(ctx.doc)));
  return mentions;
}
