import { describe, expect, it } from 'vitest';
import { checkPost, compilePack, raisedCategories } from '../../src/rules';
import { checkWithRules } from '../../src/rules/check';
import { personCues, personSetting } from '../../src/rules/context/person';
import type { CheckContext } from '../../src/rules/detector';
import { parsePost } from '../../src/rules/document/document';
import { judgePersons } from '../../src/rules/judgement/person';
import { EXAMPLE_SCHOOL } from './example-school';

/**
 * The person-in-context decision: a first name alone on the lists is the pupil or colleague only
 * when the words around it make it them. The lists hold names that friends, relatives and neighbours
 * share (issue 10: "Happy birthday Grace!" is a friend, "Grace in my class" is the pupil).
 */
const compiled = (() => {
  const result = compilePack({
    ...EXAMPLE_SCHOOL,
    people: {
      pupils: [...(EXAMPLE_SCHOOL.people?.pupils ?? []), 'Libby Harrison', 'Freya Collins', 'Orla Devlin', 'Emeka Obi', 'Kai Turner', 'Teddy Marsh', 'Honey Wood', 'Faith Adebayo', 'Hannah Newton', 'Charlotte Walker', 'Oliver Tate', 'Isaac Robson', 'Will Greenaway', 'Hope Babatunde'],
      staff: [...(EXAMPLE_SCHOOL.people?.staff ?? []), { name: 'Hollie Barker', title: 'Miss' }, { name: 'Priya Shah', title: 'Mrs' }, { name: 'Imelda Ross', title: 'Mrs' }, { name: 'Declan Brophy', title: 'Mr' }, { name: 'Ann Whitlock', title: 'Mrs' }, { name: 'Sue Barlow', title: 'Mrs' }, { name: 'Bryony Hale', title: 'Ms' }, { name: 'Raymond Pike', title: 'Mr' }],
    },
  });
  if (!result.ok) throw result.error;
  return result.compiled;
})();
const raised = (text: string) => raisedCategories(checkPost(compiled, { text }));
const cuesOf = (text: string, name: string) => {
  const doc = parsePost(text);
  const token = doc.tokens.find((t) => t.key === name.toLowerCase())!;
  return [...personCues(doc, token, personSetting(doc, 0))];
};

describe('person cues', () => {
  it('reads a child in school from year groups, the school day, ages and parents', () => {
    expect(cuesOf('Tiny Kai in Class 1 asked me to marry him', 'Kai')).toEqual(expect.arrayContaining(['child:class', 'child:little']));
    expect(cuesOf("Emeka's first full sentence with his talker today", 'Emeka')).toContain('child:school-life');
    expect(cuesOf('Reuben turned 16 and came in wearing a huge badge', 'Reuben')).toContain('child:age');
    expect(cuesOf('Dexter is seven and runs away from the ball', 'Dexter')).toContain('child:age');
    expect(cuesOf('Dexter is forty and runs away from the ball', 'Dexter')).toContain('adult:age');
    // Not an age: a count, a time, the author's own age.
    expect(cuesOf("Food poisoning was 8 pints at Dexter's do", 'Dexter')).not.toContain('child:age');
    expect(cuesOf("It is seven o'clock and Dexter has not rung", 'Dexter')).not.toContain('child:age');
    expect(cuesOf('Dexter lent me the book I loved since I was fourteen', 'Dexter')).not.toContain('child:age');
    expect(cuesOf("Had to ring Hunter's mam three times before she came", 'Hunter')).toContain('child:parent');
  });
  it('reads an adult from life events, ages and work a child cannot have', () => {
    expect(cuesOf("Libby's hen do in Durham, tiaras and a pedalo", 'Libby')).toContain('adult:life');
    expect(cuesOf('Happy 40th to the one and only Grace!', 'Grace')).toContain('adult:age');
    expect(cuesOf("Sending love to Aoife who's been signed off with her back again", 'Aoife')).toContain('adult:work');
    expect(cuesOf('Congratulations, Grace, on the new job!', 'Grace')).toContain('adult:life');
  });
  it('reads the author’s own child, another setting and old classmates', () => {
    expect(cuesOf("Lovely morning at Isla's school assembly, she was a sunflower", 'Isla')).toContain('own-child');
    expect(cuesOf('Orla from Pilates brought flapjack to class today', 'Orla')).toContain('other-setting');
    expect(cuesOf('Class of 99 reunion! Jayden is a police sergeant now', 'Jayden')).toContain('adult:old-classmates');
  });
  it('does not take a leisure class, a distance or a nursery nurse for a school class', () => {
    expect(cuesOf('Hollie who takes the Tuesday circuits class is a legend', 'Hollie')).not.toContain('child:class');
    expect(cuesOf("Leo's first gala: third in the 25m backstroke", 'Leo')).not.toContain('child:class');
    expect(cuesOf('Reunion with the old nursery nurse crew: Chloe and me', 'Chloe')).not.toContain('child:class');
  });
});

describe('who a first name is, in the engine', () => {
  it.each([
    "Libby's hen do in Durham 👰 Tiaras, sashes and a pedalo on the Wear",
    '30 YEARS since we left school 😱 Reunion at the Black Bull. So far we have got Jayden, Summer and Freya',
    'Orla from Pilates brought homemade flapjack to class today and I think this is how cults start',
    'Lovely morning at Jayden’s school assembly 🥹 she was a sunflower',
    "Teddy's first day at nursery 🎒 He didn't look back once",
    'Our little Grace took her first steps today! Three wobbly ones towards the dog',
    'Welcome to the street Hannah, Mo and little Freya!! If you need anything just knock',
    'Hope you all had a lovely Eid 🌙 Mum outdid herself, biryani for 30',
    'Freya and Libby, my nieces, both passed their Grade 4 flute with merit',
    "Freya's GCSE results!! Three 9s and off to sixth form in September. Our girl!",
    "Libby's first dance show, she forgot every step and waved at me the whole time #proudmam",
  ])('a friend, relative or neighbour who shares a pupil’s name is not the pupil: %s', (text) => {
    expect(raised(text).has('pupil')).toBe(false);
  });

  it.each([
    'Hollie who takes the Tuesday circuits class has a voice like a foghorn. We heard you Hollie',
    'Congratulations Arjun & Priya on your beautiful baby boy 💙 Auntie Jo is ready for babysitting duties',
  ])('an adult from another setting who shares a colleague’s name is not the colleague: %s', (text) => {
    expect(raised(text).has('staff')).toBe(false);
  });

  it.each([
    ["Emeka's first full sentence with his talker today. We all felt that.", 'pupil'],
    ['Tiny Kai in Class 1 asked me to marry him because I gave him a sticker', 'pupil'],
    ['Six seizures for little Kai this week. Parveen our nurse has been amazing', 'pupil'],
    ['Thinking of Imelda in our kitchen whose husband passed on Sunday. Cards to the office please', 'staff'],
    ["mrs okafor has decided we're doing a wellbeing walk after school on friday", 'staff'],
    ["Hope used her talker to ask for 'more bubbles' all by herself in sensory today", 'pupil'],
    ["Emeka's EHCP review today. Forty minutes of the LA telling his mum what he can't do", 'pupil'],
    ['Tiny Kai in Class 1 asked me to marry him today. My boy has taste', 'pupil'],
  ])('a pupil or colleague placed by context is still caught: %s', (text, category) => {
    expect(raised(text).has(category as 'pupil' | 'staff')).toBe(true);
  });

  it.each([
    'Sue in reception covered my lunch duty so I could get to the dentist',
    'Bryony in exams has been in since 6am doing seating plans for 240 candidates',
    'Sue from dinners saved me a jacket potato again, what a woman',
    'Our Sue from work has lost her cat, ginger, answers to Biscuit. Ring her if you see him',
    'Caught Raymond the caretaker doing keepy ups with the lost property ball at break',
    'Rang Janice at 7am with my best croaky voice and I was on the beach by 10',
    'Pulled a sickie Friday for the races 🐎 don’t tell Sue',
    'Had my review with the business manager today. Sue says there is no money for my hours to go up.',
    'Sue and I did the home visit this morning. Child protection conference on Thursday.',
    'Last day before retirement for our Sue tomorrow 😭 27 years of dinners #TeamTestbourne',
  ])('a first name with colleague context is the colleague: %s', (text) => {
    expect(raised(text).has('staff')).toBe(true);
  });

  it.each([
    'Sue from the pub quiz team brought a round on the 80s and we came last',
    'Threw a sickie Friday and me and Sue did the three peaks (well, one peak and two pubs)',
    'Shout out to Sue on the front desk at our garage, who keeps this place running',
    'Honestly Sue from book club makes the best brownies in the county',
    'Bryony in the pub last night had us all in stitches',
    'Hospital update: Dad is out of ICU. Thank you to Nurse Imelda on Ward 11, an absolute angel',
    'Visiting Nana again. The nurse, Imelda, has been looking after her like her own',
    'Our Sue turned 7 today and wants a unicorn cake 🦄',
    'Lovely catch-up with my ex-colleagues from the bank: Priya, Sue and Hollie have not changed a bit',
    'Still in touch with my old team from the council, shout out to Sue and Bryony who sent me a card on my first day in the classroom',
  ])('someone who shares a colleague’s first name, placed outside work, is not the colleague: %s', (text) => {
    expect(raised(text).has('staff')).toBe(false);
  });

  it.each([
    'Delighted to see my former colleague Bryony Kettering promoted to Head of Operations at the water board. Bryony taught me everything I know about spreadsheets',
    'Today I was delighted to attend the retirement of my former colleague Sue Heald, whose knowledge of planning law was legendary. Congratulations, Sue.',
  ])('a first name the post has just given someone else’s surname is that person, not the colleague: %s', (text) => {
    expect(raised(text).has('staff')).toBe(false);
  });

  it('a namesake given in full does not hide the pupil of that name placed in a class, nor the colleague named in full', () => {
    expect(raised('We read about Kai Havertz in PE today. Kai in Class 1 now wants to be a footballer').has('pupil')).toBe(true);
    expect(raised('Sue Barlow has been our business manager for ten years. Sue, the office would fall apart without you').has('staff')).toBe(true);
  });

  it('a role that lives outside school too names a colleague as "our nurse" or in a post about school', () => {
    expect(raised('Imelda our nurse was amazing with the little ones today').has('staff')).toBe(true);
    expect(raised('The nurse, Imelda, sorted out the Year 3 nosebleed before assembly').has('staff')).toBe(true);
  });

  it('a colleague named in a post typed with no capitals at all is still the colleague', () => {
    expect(raised('imelda has moved the department meeting again, third time this week').has('staff')).toBe(true);
    expect(raised('Imelda has moved the department meeting again, third time this week').has('staff')).toBe(true);
    expect(raised('imelda has moved the department meeting again, Third time this week').has('staff')).toBe(false);
  });

  it('a title and a surname that is an ordinary word, typed in lower case, is not taken as the colleague', () => {
    expect(raised('took the car to mr mills at the garage, fixed in an hour').has('staff')).toBe(false);
  });
});

describe('a colleague from a former workplace', () => {
  it('is someone else, and so is the same first name later in the post', () => {
    for (const text of ["Congratulations to my former colleague Bryony on her appointment as Head of Finance. We started in the payroll team the same week. Coffee's on me, Bryony.", 'Ex-colleague Bryony from my bank days just got married 😍']) {
      expect(raised(text).has('staff'), text).toBe(false);
    }
    expect(raised('My colleague Bryony covered my Year 9s again today').has('staff')).toBe(true);
  });
});

describe('a whole name said of an adult, whatever the post is about', () => {
  it('is someone else as a former colleague or with a life\'s dates', () => {
    expect(raised('So pleased for my former colleague Hannah Newton, appointed Clinical Lead. Hannah, you were always the best teacher of us all').has('pupil')).toBe(false);
    expect(raised('Funeral today for Uncle Oliver. Oliver Tate, 1938–2024. Miner, pigeon man, worst singer at school').has('pupil')).toBe(false);
    expect(raised('Oliver Tate in my Year 9 class, 14 and already a better writer than me').has('pupil')).toBe(true);
  });
});

describe('adults in other jobs and leisure classes', () => {
  it('are not the pupil or the colleague who shares their name', () => {
    expect(raised('Our wedding celebrant Hannah Newton had the whole room laughing within five minutes').has('pupil')).toBe(false);
    expect(raised('Our Uber driver Raymond talked us through his own wedding at every red light').has('staff')).toBe(false);
    expect(raised('Priya from my Italian evening class corrected my grammar so gently').has('staff')).toBe(false);
  });
});

describe('a first name a colleague and a pupil share', () => {
  // Bryony Hale teaches here; Bryony Shaw is in Year 4. Real schools of 1,200 pupils share many first names with their staff.
  const shared = (() => {
    const result = compilePack({ ...EXAMPLE_SCHOOL, people: { pupils: [...(EXAMPLE_SCHOOL.people?.pupils ?? []), 'Bryony Shaw'], staff: [...(EXAMPLE_SCHOOL.people?.staff ?? []), { name: 'Bryony Hale', title: 'Ms' }] } });
    if (!result.ok) throw result.error;
    return result.compiled;
  })();
  const raisedShared = (text: string) => raisedCategories(checkPost(shared, { text }));

  it('is the colleague where nothing around it makes it a child', () => {
    for (const text of ["Bryony's 'quick' staff meeting now entering hour two. Bless her.", "Bryony's PE lesson today was carnage in the best way. Parachute games, bubbles, the lot"]) {
      const got = raisedShared(text);
      expect(got.has('staff'), text).toBe(true);
      expect(got.has('pupil'), text).toBe(false);
    }
  });

  it('is the pupil where the words around it make it a child in school', () => {
    expect(raisedShared('Bryony in my Year 4 class read her poem to the whole school today').has('pupil')).toBe(true);
    expect(raisedShared("Little Bryony cried all through phonics this morning").has('pupil')).toBe(true);
  });
});

describe('who a whole name is, in the engine', () => {
  it.each([
    'Incredibly proud to share that my wife, Dr Faith Adebayo, has been appointed Consultant Paediatrician',
    'Special mention to our club captain Hannah Newton for organising the whole water station',
    "Charlotte Walker's salon on Chestergate is the best kept secret in town. Best balayage in years",
    'Submarine on Film4 tonight. Oliver Tate is the most painfully accurate teenage boy ever put on screen',
    'Appointed a trustee of the community transport charity. Looking forward to working with our chair, Isaac Robson',
    'Congratulations to Oliver Tate, my godson, on passing out from the Royal Marines. 19 and built like a barn door',
    'Isaac Robson, my oldest mate, finally popped the question last night. About time!',
    'Kai Turner from my Sunday league team got man of the match again, knees of a pensioner',
    'Libby Harrison from my salsa class won the regional showcase, and she only started at 52',
    'Congratulations to Hannah Newton on her appointment as Head of People at the housing trust. We started out together',
    'So proud of my brother-in-law Kai Turner, who passed out as a police officer today',
    'Brilliant talk from Hannah Newton, Head of Digital at the county council, on open data',
    'Congratulations to Isaac Robson, our lodger for three years, who has just qualified as a paramedic',
    'Can recommend Isaac Robson Roofing, out the same day after the storm and a fair price',
    'Oliver Tate on Love Island is the most chaotic contestant in years',
  ])('a pupil’s full name on an adult, a business or a character, with no school in the post, is not the pupil: %s', (text) => {
    expect(raised(text).has('pupil')).toBe(false);
  });

  it.each([
    'Mr Brophy the farrier came out first thing to sort the pony’s front shoes',
    'Mrs Whitlock down our road has just turned 100!! Card from the King and everything',
    'Mrs Shah on the maternity ward was brilliant with my sister yesterday, calm as anything at 3am',
    // The author's child at another school, named only as "St <Name>'s".
    "Parents' evening at St Anne's for our Poppy. Mrs Whitlock says her reading has come on leaps and bounds",
  ])('a colleague’s title and surname on a trade, a neighbour or a teacher at another school is not the colleague: %s', (text) => {
    expect(raised(text).has('staff')).toBe(false);
  });

  it.each([
    ['Well done to Faith Adebayo in Year 6 for her poem', 'pupil'],
    ['Hannah Newton was made team captain in PE today, so proud of our Year 5s', 'pupil'],
    ['Mr Brophy is covering my Year 9s this afternoon', 'staff'],
    ['Mrs Whitlock down our road is also our new SENCo, small world', 'staff'],
    ['Will Greenaway walked ten steps with his frame at physio today!!! Theo the OT was over the moon', 'pupil'],
    ['Kai Turner from my form group read his poem out beautifully', 'pupil'],
    ['Kai Turner wants to be a solicitor when he grows up, and argued his case for extra golden time brilliantly', 'pupil'],
    ["Isaac Robson's roofing project in DT was the best in Year 8", 'pupil'],
    // A job near the name that is someone else's: only a job given to the name makes it an adult.
    ['Sent Kai Turner to the Head of Year after he threw a chair', 'pupil'],
    ['Kai Turner told the director of our school play he wants more lines', 'pupil'],
    ['Kai Turner needs his inhaler before PE now, nurse showed me how today', 'pupil'],
    ['Libby Harrison from my Year 8 class has been picked for the county squad', 'pupil'],
    ['Hollie my work bestie covered my playground duty today, owe her a brew', 'staff'],
  ])('the same names with a sign of school stay the pupil or colleague: %s', (text, category) => {
    expect(raised(text).has(category as 'pupil' | 'staff')).toBe(true);
  });
});

describe('a whole name with its possessive typed without the apostrophe', () => {
  it('is still the pupil or the colleague', () => {
    expect(raised('if anyone finds a navy puffer coat its faith adebayos, she left it on the yard').has('pupil')).toBe(true);
    expect(raised('Covering Mr Brophys Year 9s again this afternoon').has('staff')).toBe(true);
  });
  it('but not a longer surname that merely starts with the listed one', () => {
    expect(raised('Faith Adebayoss came round for tea').has('pupil')).toBe(false);
  });
});

describe('a double-barrelled surname on the staff list, alone', () => {
  it('is the colleague in a post with no sign of private life, even with no school word in it', () => {
    expect(raised("Mottram-Evans's 'open door policy' apparently doesn't extend to January. Door shut all week").has('staff')).toBe(true);
  });
  it('is someone else in a post about family or a night out', () => {
    expect(raised("Lovely dinner with the Mottram-Evans lot tonight, my sister's in-laws").has('staff')).toBe(false);
  });
});

describe('the learned person-in-context decision', () => {
  const contextOf = (text: string): CheckContext => ({ doc: parsePost(text), compiled, memo: new Map() });
  const section = (mode: 'rules' | 'union', weight: number) => ({
    features: ['child:school-life', 'adult:life'],
    models: { pupil: { mode, threshold: 0.5, bias: -2, weights: [weight, -4] } },
  });
  const text = 'Honey had the best day in the sensory room today';

  // Training turns the union off when, at its best threshold, it raises more development hard negatives than its allowance
  // (scripts/train.ts); the sixth session's retrain did (38 against 35 of 2,198, allowed 37), so the rules decide first names.
  it('the shipped weights leave first names to the rules, adding neither a pupil the rules left nor a friend', () => {
    expect(judgePersons(contextOf(text))).toEqual([]);
    expect(judgePersons(contextOf("Honey's hen do was at a spa with the girls"))).toEqual([]);
  });
  it('in union mode adds a first name the rules left, where the cues score over the threshold', () => {
    // "Honey" is also a word: the rules want more than the sensory room before calling her the pupil.
    expect(raisedCategories(checkWithRules(compiled, { text }).findings).has('pupil')).toBe(false);
    const [decision] = judgePersons(contextOf(text), section('union', 4));
    expect(decision?.person.name).toBe('Honey Wood');
    expect(decision!.score).toBeGreaterThan(0.5);
    expect(judgePersons(contextOf(text), section('union', 1))).toEqual([]);
    expect(judgePersons(contextOf(text), section('rules', 4))).toEqual([]);
    expect(judgePersons(contextOf("Honey's hen do was in the sensory room of a spa"), section('union', 4))).toEqual([]);
  });
});
