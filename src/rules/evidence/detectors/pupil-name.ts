import type { Detector, DetectorExamples } from '../../detector';
import { nameMentions } from '../names';

export const pupilName: Detector = {
  meta: {
    id: 'pupil-name',
    category: 'pupil',
    defaultSeverity: 'block',
    description: "Names a pupil on the school's list: full name, or a first name where the context makes it the pupil.",
    cites: 'the clause on naming or identifying pupils',
  },
  messages: {
    named: 'This names {name}, a pupil at your school.',
  },
  check(ctx) {
    return nameMentions(ctx)
      .filter((m) => m.person.kind === 'pupil')
      .map((m) => ({ spans: [[m.start, m.end]], messageId: 'named', data: { name: m.person.name, form: m.form } }));
  },
};

/** Posts it must stay quiet on and posts it must flag, run by tests/unit/detectors.test.ts; nothing in the engine imports them, so its bundle leaves them out. */
export const examples: DetectorExamples = {
  valid: [
    'Amazing Grace at the carol service gave me goosebumps',
    'Summer holidays countdown: 12 days to go',
    'I will get through this marking. I will.',
    'Sick goal from Jack Grealish last night',
    'Daisy chains in the park with my niece',
    'Hope everyone has a restful half term',
    'Lunch with my niece Daisy today',
    'Mark your calendars: sports day is 12 June',
    'Jayden said the pub quiz was rigged',
    'Grace said she would meet us at the station',
    'Is your Jayden coming to the barbecue?',
    'Happy birthday Jayden! Have a great night at the pub',
    'Grace H. Wilkinson gave the reading at the wedding',
    'Year 3 trip cancelled: Summer held on for a week of sun and then the storm came in',
    'Grace Hetherington, my goddaughter, got her GCSE results today!',
    'Marking all weekend, lesson planning all Sunday. Jayden was 8 pints down by ten at his 30th, so worth it',
    'Grace Hetherington at number 42 fixed our boiler on Boxing Day. Neighbour of the year',
    'Summer the border collie took first in the novice class at the sheepdog trials',
    "Jayden's first parents' evening at his secondary in Winchester. Apparently he talks a lot in science",
    "Daisy's graduation today: nursing degree, first class honours. My god-daughter, my hero",
    "Thank you, Miss Tierney at Grace's primary in Hanwell, for the most beautiful report: 'Grace brings joy to our classroom'",
  ],
  invalid: [
    { text: 'Grace Hetherington read her poem beautifully today', excerpt: 'Grace Hetherington' },
    { text: 'so proud of grace hetherington today', excerpt: 'grace hetherington' },
    { text: 'Grace in my class got her pen licence!', excerpt: 'Grace' },
    { text: "Little Jayden's reading has come on so much", excerpt: "Jayden's" },
    { text: 'Zoe Kowalski won the spelling bee', excerpt: 'Zoe Kowalski' },
    { text: 'Well done Summer Robson!', excerpt: 'Summer Robson' },
    { text: 'Shout out to Grace\nHetherington for her reading award', excerpt: 'Grace\nHetherington' },
    { text: 'Proud of @GraceHetherington', excerpt: '@GraceHetherington' },
    { text: 'Jayden and Summer in my Year 3 class built a volcano', excerpt: 'Jayden' },
    { text: 'G r a c e Hetherington came top', excerpt: 'G r a c e Hetherington' },
    { text: 'Seun Adeyemi came top in the spelling test', excerpt: 'Seun Adeyemi' },
    { text: 'Seun in my class finished his first chapter book', excerpt: 'Seun' },
    { text: 'Jayden said the funniest thing in phonics today', excerpt: 'Jayden' },
    { text: 'Lambing trip with Year 3 🐑 Summer held a lamb and announced it was her sister', excerpt: 'Summer' },
    { text: 'Scary moment today when one of our girls, Daisy, had a big seizure in the hydro pool', excerpt: 'Daisy' },
    { text: 'Grace Hetherington, her mum tells me, has read every book in the school library', excerpt: 'Grace Hetherington' },
    { text: 'Jayden is 8 and already reads better than half my Year 6 class', excerpt: 'Jayden' },
    { text: 'After-school club football: Jayden is seven and runs away from the ball', excerpt: 'Jayden' },
    { text: 'Grace Hetherington left us today, off to a new school in Leicester. I will miss her jokes', excerpt: 'Grace Hetherington' },
    { text: 'One of mine, Jayden. His mum sent me a video of him reading to his sister', excerpt: 'Jayden' },
    { text: 'Little Daisy in Nursery has been hitting out all week, poor lamb', excerpt: 'Daisy' },
    { text: "Summer's Year 11 art portfolio is unreal #TCSproud", excerpt: "Summer's" },
  ],
};
