import type { Detector, DetectorExamples } from '../../detector';
import * as mailRobots from '../../vocab/mail-robots.json';
import { allMatches } from '../../document/matches';

const EMAIL = /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+)@((?:[\p{L}\p{N}-]+\.)*[\p{L}\p{N}-]+\.\p{L}{2,})(?![\p{L}\p{N}])/gu;
const ROBOT_PARTS = new Set(mailRobots.localParts);
const ROBOT_AFFIX = new RegExp(`^(?:${mailRobots.localAffixes.join('|')})[-_]|[-_](?:${mailRobots.localAffixes.join('|')})$`, 'u');
const PLACEHOLDER_DOMAINS = mailRobots.domains;
let listSigns: RegExp | undefined;
/**
 * Made when a post first holds an address, as few do: V8 looks up each of its 18 letter and
 * number classes when it makes the pattern, a millisecond of a fresh CLI's start (issue 12).
 * Each alternative starts only where a local part starts, so a long word is read once.
 */
const listSignsPattern = () =>
  (listSigns ??= new RegExp(
    [
      `(?<![\\p{L}\\p{N}._+])([\\p{L}\\p{N}._+]+)[-_](?:${mailRobots.localAffixes.join('|')})@`,
      `(?<![\\p{L}\\p{N}._+-])owner-([\\p{L}\\p{N}._+]+)@`,
      `/listinfo/([\\p{L}\\p{N}._+-]+)`,
      `\\blist:\\s*([\\p{L}\\p{N}._%+-]+)@`,
      `(?<![\\p{L}\\p{N}._%+-])([\\p{L}\\p{N}._%+-]+)@[\\p{L}\\p{N}.-]+\\s+(?:mailing\\s+)?list\\b`,
    ].join('|'),
    'giu',
  ));

/** A person's address, not a mailing robot, a role mailbox, a list or a placeholder. */
export function isPersonalAddress(local: string, domain: string, lists: ReadonlySet<string> = new Set()): boolean {
  const l = local.toLowerCase();
  const d = domain.toLowerCase();
  if (ROBOT_PARTS.has(l) || ROBOT_AFFIX.test(l) || lists.has(l)) return false;
  // An anonymised or placeholder mailbox: one letter repeated ("xxxx@", "zzzz@").
  if (/^(\p{L})\1{2,}$/u.test(l)) return false;
  // A message id or tracking token ("200209130231.g8D2VO@host"), not a mailbox.
  if (/^[_\d]{8}/u.test(l)) return false;
  if (PLACEHOLDER_DOMAINS.some((p) => d === p || d.endsWith(`.${p}`))) return false;
  // Mailing-list hosts: lists.debian.org, mail.python.org/mailman.
  if (/^(?:lists?|listserv|mailman)\./u.test(d)) return false;
  return true;
}

/**
 * Local parts the post itself shows to be mailing lists: a list's own
 * administrative addresses (Mailman's "fork-admin@", "fork-request@", Majordomo's
 * "owner-fork@"), its Mailman page ("/listinfo/ilug"), or an address labelled
 * as a list ("List: iiu@…", "the iiu@… mailing list").
 */
export function listLocalParts(text: string): Set<string> {
  const lists = new Set<string>();
  for (const m of allMatches(listSignsPattern(), text)) lists.add((m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]!).toLowerCase());
  return lists;
}

export const emailAddress: Detector = {
  meta: { id: 'email-address', category: 'personal-data', defaultSeverity: 'block', description: "A person's email address (not a no-reply, newsletter, role or placeholder address).", cites: 'the clause on personal data' },
  messages: { email: 'This is an email address. Your school’s policy asks staff not to share personal contact details.' },
  check({ doc }) {
    const matches = allMatches(EMAIL, doc.text);
    const lists = matches.length ? listLocalParts(doc.text) : new Set<string>();
    return matches
      .filter((m) => isPersonalAddress(m[1]!, m[2]!, lists))
      .map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'email' }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: [
    'Thanks @nasen_org for a great session',
    'See justgiving.com/page/run4mind',
    'Sign up at newsletter@mumsnet.com for the weekly deals',
    'Replies to noreply@amazon.co.uk go nowhere',
    'Questions to info@parkrun.org.uk or support@strava.com',
    'Use the format name@example.com on the form',
    'Post to the list at pta-announce@lists.example.org',
    '-- Irish Linux Users\' Group: ilug@linux.ie http://www.linux.ie/mailman/listinfo/ilug for (un)subscription information.',
    'From: fork-admin@xent.com On Behalf Of Geege Sent: Monday To: fork@spamassassin.taint.org',
    'The IIU@iiu.taint.org mailing list has 1 request waiting',
    'zzzz@example.org (Justin Mason) writes: that is my guess',
  ],
  invalid: [
    { text: 'email yarisforsale2018@gmail.com', excerpt: 'yarisforsale2018@gmail.com' },
    { text: 'Email me at sarah.jones72@gmail.com', excerpt: 'sarah.jones72@gmail.com' },
    { text: 'contact j.smith@testbourne.hants.sch.uk', excerpt: 'j.smith@testbourne.hants.sch.uk' },
    { text: 'From: Owen <owen@permafrost.net> To: fork-admin@xent.com', excerpt: 'owen@permafrost.net' },
  ],
};
