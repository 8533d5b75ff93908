import type { PackInput, PersonEntry } from '../src/rules/pack/schema';
import { seededRandom } from '../src/rules/seeded-random';

export { seededRandom };

/**
 * Deterministic inputs for the benchmark and for tests that want realistic
 * volume: a school's worth of names and posts a teacher might write. Same seed,
 * same output, so figures from different runs compare.
 */


function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Given names common in UK classrooms and staffrooms, including ones that are also words (Grace, Summer, Will). */
export const FIRST_NAMES = [
  'Oliver', 'George', 'Noah', 'Arthur', 'Harry', 'Leo', 'Muhammad', 'Jack', 'Charlie', 'Oscar',
  'Jacob', 'Henry', 'Thomas', 'Freddie', 'Alfie', 'Theo', 'William', 'Theodore', 'Archie', 'Joshua',
  'Alexander', 'James', 'Isaac', 'Edward', 'Lucas', 'Tommy', 'Finley', 'Max', 'Logan', 'Ethan',
  'Mohammed', 'Teddy', 'Benjamin', 'Arlo', 'Joseph', 'Sebastian', 'Harrison', 'Elijah', 'Adam', 'Daniel',
  'Samuel', 'Louie', 'Mason', 'Reuben', 'Rory', 'Jaxon', 'Hugo', 'Luca', 'Albie', 'Dylan',
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Ivy', 'Freya', 'Lily', 'Florence', 'Mia', 'Willow',
  'Rosie', 'Sophia', 'Isabella', 'Grace', 'Daisy', 'Sienna', 'Poppy', 'Elsie', 'Emily', 'Ella',
  'Evelyn', 'Phoebe', 'Sofia', 'Evie', 'Charlotte', 'Harper', 'Millie', 'Matilda', 'Maya', 'Sophie',
  'Alice', 'Emilia', 'Isabelle', 'Ruby', 'Luna', 'Maisie', 'Aria', 'Penelope', 'Mila', 'Bonnie',
  'Eliza', 'Hallie', 'Violet', 'Summer', 'Ada', 'Zoë', 'Siân', 'Aoife', 'Niamh', 'Ffion',
  'Oluwaseun', 'Chidi', 'Amara', 'Kwame', 'Aaliyah', 'Zainab', 'Priya', 'Arjun', 'Aisha', 'Yusuf',
  'Ayaan', 'Hamza', 'Fatima', 'Maryam', 'Ibrahim', 'Anaya', 'Rohan', 'Jasmine', 'Kacper', 'Zofia',
  'Jayden', 'Tyler', 'Kai', 'Riley', 'Jessica', 'Chloe', 'Megan', 'Bethany', 'Lauren', 'Hannah',
  'Sarah', 'Rebecca', 'Claire', 'Helen', 'Rachel', 'Joanne', 'Gemma', 'Kirsty', 'Nicola', 'Emma',
  'David', 'Paul', 'Andrew', 'Mark', 'Richard', 'Stephen', 'Gareth', 'Craig', 'Neil', 'Will',
  'Seán', 'Ciarán', 'Róisín', 'Eilidh', 'Callum', 'Euan', 'Morgan', 'Rhys', 'Dafydd', 'Iwan',
] as const;

/** UK surnames, with hyphens, apostrophes and accents as MIS exports carry them. */
export const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson',
  'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Thomas', 'Clarke',
  'Jackson', 'Wood', 'Harris', 'Edwards', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Hughes',
  'Moore', 'Clark', 'King', 'Harrison', 'Lewis', 'Baker', 'Lee', 'Allen', 'Morris', 'Khan',
  'Scott', 'Watson', 'Davis', 'Parker', 'James', 'Bennett', 'Young', 'Phillips', 'Richardson', 'Mitchell',
  'Bailey', 'Carter', 'Cook', 'Singh', 'Shaw', 'Bell', 'Collins', 'Morgan', 'Kelly', 'Begum',
  'Miller', 'Cox', 'Hussain', 'Marshall', 'Simpson', 'Price', 'Anderson', 'Adams', 'Wilkinson', 'Ali',
  'Ahmed', 'Foster', 'Ellis', 'Murphy', 'Chapman', 'Mason', 'Gray', 'Richards', 'Webb', 'Griffiths',
  'Hunt', 'Palmer', 'Campbell', 'Holmes', 'Mills', 'Rogers', 'Barnes', 'Knight', 'Matthews', 'Barker',
  'Hetherington', 'Okafor', 'Adeyemi', 'Nwosu', 'Mensah', 'Kowalski', 'Nowak', 'Ionescu', 'Nguyen', 'Chen',
  "O'Connor", "O'Brien", "O'Neill", "D'Arcy", 'McDonald', 'MacLeod', 'Fitzgerald', 'Ní Bhriain', 'Ó Briain', 'Gallagher',
  'Smith-Jones', 'Prys-Davies', 'Bowes-Lyon', 'Lloyd-Webber', 'Fairweather', 'Brontë', 'Dubois', 'Rahman', 'Chowdhury', 'Sharma',
  'Gupta', 'Kaur', 'Mahmood', 'Iqbal', 'Akhtar', 'Hassan', 'Yilmaz', 'Rossi', 'Silva', 'Santos',
  'Hargreaves', 'Ashworth', 'Pemberton', 'Whitfield', 'Thornton', 'Sutcliffe', 'Brennan', 'Doherty', 'Quinn', 'Sweeney',
  'Llewellyn', 'Pritchard', 'Vaughan', 'Howells', 'Jenkins', 'Rees', 'Powell', 'Owen', 'Lloyd', 'Rowlands',
  'Robson', 'Atkinson', 'Armstrong', 'Dixon', 'Lamb', 'Grant', 'Booth', 'Fox', 'Stone', 'Field',
] as const;

const STAFF_TITLES = ['Mr', 'Mrs', 'Miss', 'Ms', 'Dr', 'Mx'] as const;
const STAFF_ROLES = ['Class Teacher', 'Teaching Assistant', 'Head of Year 7', 'SENCo', 'Deputy Headteacher', 'Science Teacher', 'Business Manager', 'Site Manager'] as const;
/** Short forms a child might be known by. */
const KNOWN_AS: Partial<Record<string, string>> = {
  Oliver: 'Ollie', William: 'Billy', Alexander: 'Alex', Theodore: 'Teddy', Benjamin: 'Ben', Samuel: 'Sam',
  Isabella: 'Bella', Charlotte: 'Lottie', Matilda: 'Tilly', Penelope: 'Penny', Oluwaseun: 'Seun', Elizabeth: 'Beth',
};

export interface NameLists {
  pupils: PersonEntry[];
  staff: PersonEntry[];
}

/**
 * `count` distinct people, 90% pupils and 10% staff. Pupils are mostly plain
 * strings (as a school types them); some carry a known-as name. Staff carry a
 * title and often a role, as an MIS staff export does.
 */
export function generateNames(count: number, seed = 2026): NameLists {
  const random = seededRandom(seed);
  const fullNames = distinctFullNames(count, random);
  const staffCount = Math.round(count * 0.1);
  const staff = fullNames.slice(0, staffCount).map(([first, last]): PersonEntry => {
    const role = random() < 0.6 ? { role: pick(random, STAFF_ROLES) } : {};
    return random() < 0.85 ? { name: `${first} ${last}`, title: pick(random, STAFF_TITLES), ...role } : { name: `${first} ${last}`, ...role };
  });
  const pupils = fullNames.slice(staffCount).map(([first, last]): PersonEntry => {
    const knownAs = KNOWN_AS[first];
    return knownAs && random() < 0.5 ? { name: `${first} ${last}`, knownAs } : `${first} ${last}`;
  });
  return { pupils, staff };
}

/** Distinct forename/surname pairs in a seeded order; with 160 × 160 there are 25,600 to draw from. */
function distinctFullNames(count: number, random: () => number): [string, string][] {
  const pairs: [string, string][] = [];
  for (const first of FIRST_NAMES) for (const last of SURNAMES) pairs.push([first, last]);
  if (count > pairs.length) throw new Error(`generateNames: at most ${pairs.length} distinct names, asked for ${count}`);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  return pairs.slice(0, count);
}

/**
 * Sentences a teacher might post. {pupil} and {staff} take a full name from
 * the lists, {first} a pupil's first name; the rest is ordinary text,
 * including words that are also names ("amazing grace", "will", "summer").
 */
export const POST_SENTENCES = [
  'Such a proud moment watching {pupil} read her poem in assembly this morning.',
  'Huge thanks to {staff} for organising the Year 6 residential, the children loved every minute.',
  'Summer holidays countdown: eleven days of marking, reports and sports day to go!',
  'Amazing grace sung beautifully by the choir at the carol service tonight.',
  '{first} in my class finally got her pen licence and was beaming all afternoon.',
  'I will get through this pile of marking before the weekend, I will.',
  'Well done to {pupil} for the reading award, all those bedtime stories paid off.',
  'Staff meeting ran over again, so it is a takeaway and an early night for me.',
  'Brilliant trip to the science museum with {staff} and thirty very excited Year 4s.',
  'Anyone got a good recipe for a classroom volcano that does not end up on the ceiling?',
  'Rainy playtime number four this week; the wet-play board games have seen better days.',
  'Lovely to catch up with {staff} at the training day, we have missed her laugh.',
  'Parents evening done, coffee number five, and a very happy head of department.',
  'So many brilliant ideas from the school council today, especially from {pupil}.',
  'Half term at last. Walking boots on, phone off, back on Monday refreshed.',
  'Mark your calendars: the summer fair is on the twelfth of June, bring cakes!',
  'Our new library corner is finally finished, thank you to every family who donated books.',
  'Daisy chains, ice lollies and a sports day that ended just before the thunderstorm.',
  'Incredible effort from the whole team at the cross-country, {first} came third!',
  'Reading the Year 2 stories about dragons has made my whole week, they are so creative.',
] as const;

/**
 * A post of exactly `length` characters built from POST_SENTENCES with names
 * from `names`. Cut mid-sentence at the end, which a real draft often is.
 */
export function composePost(length: number, names: NameLists, seed = 7): string {
  const random = seededRandom(seed);
  const parts: string[] = [];
  let total = 0;
  while (total < length) {
    const sentence = fillSentence(pick(random, POST_SENTENCES), names, random);
    parts.push(sentence);
    total += sentence.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

function fillSentence(template: string, names: NameLists, random: () => number): string {
  return template
    .replace('{pupil}', () => nameOf(pick(random, names.pupils)))
    .replace('{staff}', () => staffReference(pick(random, names.staff), random))
    .replace('{first}', () => nameOf(pick(random, names.pupils)).split(' ')[0]!);
}

function nameOf(entry: PersonEntry): string {
  return typeof entry === 'string' ? entry : entry.name;
}

/** Staff are written "Mrs Okafor" as often as "Sarah Okafor". */
function staffReference(entry: PersonEntry, random: () => number): string {
  const name = nameOf(entry);
  if (typeof entry !== 'string' && entry.title && random() < 0.5) return `${entry.title} ${name.split(' ').slice(1).join(' ')}`;
  return name;
}

/** A pack for an invented school with every text category enabled, carrying `names`. */
export function benchPack(names: NameLists): PackInput {
  return {
    schemaVersion: 1,
    id: 'bench-school',
    school: {
      name: 'Millbrook Church of England Primary School',
      aliases: ['Millbrook Primary', 'Millbrook CE'],
      domains: ['millbrook.example.sch.uk'],
      handles: ['@MillbrookCEP'],
      hashtags: ['#MillbrookMagic'],
    },
    policy: {
      title: 'Millbrook Social Media Policy',
      clauses: [
        { id: 'identify-pupils', ref: '3.1', text: 'Staff must not identify pupils on personal social media.' },
        { id: 'colleagues', ref: '3.2', text: 'Staff must not name colleagues without their consent.' },
        { id: 'reputation', ref: '3.3', text: 'Staff must not bring the school into disrepute.' },
        { id: 'confidential', ref: '3.4', text: 'Confidential information must never be shared online.' },
      ],
    },
    people: { pupils: names.pupils, staff: names.staff },
    categories: {
      school: { clauses: ['reputation'] },
      pupil: { clauses: ['identify-pupils'] },
      staff: { clauses: ['colleagues'] },
      sickness: { clauses: ['reputation'] },
      disparaging: { clauses: ['reputation'] },
      offensive: { clauses: ['reputation'] },
      'personal-data': { clauses: ['confidential'] },
      confidential: { clauses: ['confidential'] },
      'child-comment': { clauses: ['identify-pupils'] },
    },
  };
}
