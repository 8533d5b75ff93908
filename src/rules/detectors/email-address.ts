import type { Detector } from '../detector';
import mailRobots from '../vocab/mail-robots.json';

const EMAIL = /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+)@((?:[\p{L}\p{N}-]+\.)*[\p{L}\p{N}-]+\.\p{L}{2,})(?![\p{L}\p{N}])/gu;
const ROBOT_PARTS = new Set(mailRobots.localParts);
const ROBOT_AFFIX = new RegExp(`^(?:${mailRobots.localAffixes.join('|')})[-_]|[-_](?:${mailRobots.localAffixes.join('|')})$`, 'u');
const PLACEHOLDER_DOMAINS = mailRobots.domains;

/** A person's address, not a mailing robot, a role mailbox, a list or a placeholder. */
export function isPersonalAddress(local: string, domain: string): boolean {
  const l = local.toLowerCase();
  const d = domain.toLowerCase();
  if (ROBOT_PARTS.has(l) || ROBOT_AFFIX.test(l)) return false;
  // A message id or tracking token ("200209130231.g8D2VO@host"), not a mailbox.
  if (/^[_\d]{8}/u.test(l)) return false;
  if (PLACEHOLDER_DOMAINS.some((p) => d === p || d.endsWith(`.${p}`))) return false;
  // Mailing-list hosts: lists.debian.org, mail.python.org/mailman.
  if (/^(?:lists?|listserv|mailman)\./u.test(d)) return false;
  return true;
}

export const emailAddress: Detector = {
  meta: { id: 'email-address', category: 'personal-data', defaultSeverity: 'block', description: "A person's email address (not a no-reply, newsletter, role or placeholder address).", cites: 'the clause on personal data' },
  messages: { email: 'This is an email address. Your school’s policy asks staff not to share personal contact details.' },
  check({ doc }) {
    return [...doc.text.matchAll(EMAIL)]
      .filter((m) => isPersonalAddress(m[1]!, m[2]!))
      .map((m) => ({ spans: [[m.index, m.index + m[0].length]], messageId: 'email' }));
  },
  examples: {
    valid: [
      'Thanks @nasen_org for a great session',
      'See justgiving.com/page/run4mind',
      'Sign up at newsletter@mumsnet.com for the weekly deals',
      'Replies to noreply@amazon.co.uk go nowhere',
      'Questions to info@parkrun.org.uk or support@strava.com',
      'Use the format name@example.com on the form',
      'Post to the list at pta-announce@lists.example.org',
    ],
    invalid: [
      { text: 'email yarisforsale2018@gmail.com', excerpt: 'yarisforsale2018@gmail.com' },
      { text: 'Email me at sarah.jones72@gmail.com', excerpt: 'sarah.jones72@gmail.com' },
      { text: 'contact j.smith@testbourne.hants.sch.uk', excerpt: 'j.smith@testbourne.hants.sch.uk' },
    ],
  },
};
