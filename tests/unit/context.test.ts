import { describe, expect, it } from 'vitest';
import { compilePack } from '../../src/rules';
import { absenceClaim, claimContradicted } from '../../src/rules/context/absence';
import { childReferences } from '../../src/rules/context/children';
import { postSetting } from '../../src/rules/context/setting';
import { sentenceStances } from '../../src/rules/context/stance';
import { postSubjects } from '../../src/rules/context/subjects';
import type { CheckContext } from '../../src/rules/detector';
import { parsePost } from '../../src/rules/document/document';
import { collectFeatures, postFeatures, stemOf } from '../../src/rules/judgement/features';
import { judgementGate } from '../../src/rules/judgement';
import { judge, loadModel, PostScorer, sigmoid, unpackWeights, type ModelWeights, type PackedWeights } from '../../src/rules/judgement/model';
import weights from '../../src/rules/judgement/weights.json';
import { EXAMPLE_SCHOOL } from './example-school';

const compiled = (() => {
  const result = compilePack(EXAMPLE_SCHOOL);
  if (!result.ok) throw result.error;
  return result.compiled;
})();
const contextOf = (text: string): CheckContext => ({ doc: parsePost(text), compiled, memo: new Map() });

describe('stance', () => {
  it('marks a sentence emphatic by an intensifier or a face emoji, where AFINN rates none of its words', () => {
    expect(sentenceStances(contextOf('Chase is an absolute nightmare'))[0]!.emphatic).toBe(false);
    expect(sentenceStances(contextOf('Chase is absolutely a nightmare'))[0]!.emphatic).toBe(true);
    expect(sentenceStances(contextOf('Year 9 did the Van de Graaff 😂'))[0]!.emphatic).toBe(true);
    expect(sentenceStances(contextOf('Year 9 did the Van de Graaff ⚡'))[0]!.emphatic).toBe(false);
  });
  it('rates words, weakens and reverses negated ones, and boosts intensified ones', () => {
    const [plain] = sentenceStances(contextOf('The lesson was awful'));
    const [negated] = sentenceStances(contextOf('The lesson was not awful'));
    const [boosted] = sentenceStances(contextOf('The lesson was really awful'));
    expect(plain!.valence).toBeLessThan(0);
    expect(negated!.valence).toBeGreaterThan(0);
    expect(negated!.negated).toBe(1);
    expect(boosted!.valence).toBeLessThan(plain!.valence);
  });
  it('sees irony by its signs, per sentence', () => {
    const stances = sentenceStances(contextOf('Great meeting again. Yeah right 🙄'));
    expect(stances.map((s) => s.irony)).toEqual([false, true]);
  });
});

describe('absence claim', () => {
  const claimOf = (text: string) => absenceClaim(contextOf(text));
  it("finds the author's own absence, told or claimed, and not someone else's", () => {
    expect(claimOf('Rang in sick this morning').absences).toHaveLength(1);
    expect(claimOf('Told the clerk I had a migraine').absences).toHaveLength(1);
    expect(claimOf('Claiming a bad back today').absences).toHaveLength(1);
    const others = claimOf('She rang in sick again');
    expect(others.absences).toHaveLength(0);
    expect(others.othersAbsences).toBe(1);
    expect(claimOf("Off with 'stress' apparently. Saw her at the races").absences).toHaveLength(0);
  });
  it('hears calling in in the present tense, by the absence line, and a mental health day as the author\'s own absence', () => {
    for (const text of ["Had to ring in, throat's that bad", 'Phoned the attendance line at 7', 'I tell school I have terrible flu', "Taking a mental health day"]) {
      expect(claimOf(text).absences, text).toHaveLength(1);
    }
    expect(claimOf('Rang the office with my best croaky voice').illness).toBe(true);
    expect(claimOf("Shhh I'm 'at the doctor's'").quoted).toHaveLength(1);
  });
  it('reads an excuse in quotes as not meant, unless it is reported of someone else', () => {
    expect(claimOf("Day three of the 'flu'. Day three of the Tour").quoted).toHaveLength(1);
    expect(claimOf("'Tonsillitis' apparently. He looked well at the gig").quoted).toHaveLength(0);
  });
  it('reads an ailment in quotes, named by a symptom or a body part in trouble, as an excuse not meant', () => {
    expect(claimOf("Signed off with 'back pain' but still made leg day").quoted).toHaveLength(1);
    expect(claimOf("Had my 'dental emergency' today 😏").quoted).toHaveLength(1);
    expect(claimOf("A day 'off with my back' 😉 then the 10k").quoted).toHaveLength(1);
    // An apostrophe is no quote mark, and a quoted phrase with no ailment in it is no excuse.
    expect(claimOf("I'm off with my back, it's killing me").quoted).toHaveLength(0);
    expect(claimOf("'Back to school' shopping done").quoted).toHaveLength(0);
  });
  it('leaves out leisure and boasts the author denies', () => {
    expect(claimOf('Off sick with a fever. No gym, no fun').leisure).toHaveLength(0);
    expect(claimOf('Off sick with my back, not skiving').sickie).toHaveLength(0);
    expect(claimOf('Off sick, currently at the races').leisure.length).toBeGreaterThan(0);
  });
  it('opens the sickness judgement only where something contradicts the claim, with no school word needed', () => {
    const genuine = contextOf('Off sick with flu, staying in bed 🤒');
    expect(claimContradicted(genuine, absenceClaim(genuine))).toBe(false);
    expect(judgementGate(genuine, 'sickness')).toBe('closed');
    expect(judgementGate(contextOf('Rang in sick. Currently three pints deep at the darts 🎯'), 'sickness')).toBe('open');
    expect(judgementGate(contextOf('Migraine cleared up nicely in time for the caravan 😎'), 'sickness')).toBe('weak');
  });
});

describe('setting', () => {
  it('weighs school words against private-life words', () => {
    const school = postSetting(contextOf('Marking mocks for my Year 11 class after the staff meeting'));
    const home = postSetting(contextOf('Lovely wedding on Saturday, then the pub with my sister'));
    expect(school.school).toBeGreaterThan(school.private);
    expect(home.private).toBeGreaterThan(home.school);
  });
  it('counts a listed colleague, colleagues by role in the plural, year groups in the plural and form groups as school life', () => {
    expect(postSetting(contextOf("Mrs Okafor's idea of light touch is three drop-ins a week")).schoolSigns).toBe(1);
    expect(postSetting(contextOf('Half the TAs at this place could not find their own coats')).schoolSigns).toBe(1);
    expect(postSetting(contextOf('My Year 10s got 72% on the mocks')).schoolSigns).toBeGreaterThan(0);
    expect(postSetting(contextOf('Half of 9X nodded off during the Tudors')).schoolSigns).toBe(1);
  });
  it('counts the bodies and routines around a school as one sign with a life outside school', () => {
    const around = postSetting(contextOf('Another annual review where the local authority sent nobody. The diocese was no better.'));
    expect(around.schoolSigns).toBe(1);
    expect(around.onlySharedWords).toBe(true);
    expect(postSetting(contextOf('Another review where the council sent nobody')).schoolSigns).toBe(0);
  });
  it('knows the work of a school year: key stages, coursework, invigilation, SEN provision; half term and attendance also live outside school', () => {
    for (const text of ['The new curriculum is a slideshow from 2019', 'SEN transport left them waiting again', 'Three hours invigilating in a cold hall', 'Coursework deadline moved AGAIN']) {
      const setting = postSetting(contextOf(text));
      expect(setting.schoolSigns, text).toBe(1);
      expect(setting.onlySharedWords, text).toBe(false);
    }
    for (const text of ['Half term cannot come soon enough', 'Attendance at the meeting was poor']) {
      expect(postSetting(contextOf(text)).onlySharedWords, text).toBe(true);
    }
    expect(postSetting(contextOf('Please send support, the kettle broke')).schoolSigns).toBe(0);
  });
  it('does not take a postcode, a race or a battery for a form group', () => {
    for (const text of ['Party at 14 Cranmer Road, W13 9QT, bring wellies', 'Ran the 10K in under an hour', 'Needs a 9V battery']) {
      expect(postSetting(contextOf(text)).schoolSigns).toBe(0);
    }
  });
});

describe('children', () => {
  it('reads a form group and a set, but not an age or a time after "my" or "in", and not "my own Year 8"', () => {
    const refs = (text: string) => childReferences(contextOf(text)).map((r) => text.slice(r.start, r.end));
    expect(refs('Two of the lads in 10B were superb at parents evening')).toContain('in 10B');
    expect(refs('My 11yo rolled his eyes at me so hard. Year 6 homework again')).not.toContain('My 11yo');
    expect(refs('Back in 2hr, school run first')).toEqual([]);
    expect(refs('Sent my own Year 8 off with his PE kit and a packed lunch')).toEqual([]);
    expect(refs('Year 8 took the PE kit cupboard apart')).toEqual(['Year 8']);
    expect(refs('Set 4 this afternoon: one asleep, one eating noodles')).toEqual(['Set 4']);
    expect(refs('Gave the login Set4 to IT')).toEqual([]);

  });
});

describe('setting: idioms and private life', () => {
  it('does not take "on a school night" for school life, and counts a village fete and karaoke as private life', () => {
    expect(postSetting(contextOf('Karaoke at the Swan on a school night, what were we thinking')).schoolSigns).toBe(0);
    expect(postSetting(contextOf('Karaoke at the Swan on a school night, what were we thinking')).private).toBeGreaterThan(0);
    expect(postSetting(contextOf('Raffle prizes sorted for the village fete')).private).toBe(2);
    expect(postSetting(contextOf('School was mad today')).schoolSigns).toBe(1);
  });
});

describe('subjects', () => {
  it('finds children described, named pupils, staff, parents and leaders in their sentences', () => {
    const subjects = postSubjects(contextOf('One of my Year 9s was brilliant. Mrs Okafor agreed. The parents and SLT did not.'));
    const kinds = subjects.map((s) => `${s.kind}@${s.sentence}`);
    expect(kinds).toEqual(expect.arrayContaining(['child@0', 'staff@1', 'parents@2', 'leadership@2']));
  });
});

describe('learned judgement features and scoring', () => {
  it('replaces names and the school with what they are, so no name becomes a feature', () => {
    const features = postFeatures(contextOf('Grace Hetherington was brilliant at Testbourne today'), new Set());
    const words = features.sentences.flat();
    expect(words).toContain('w:<pupil>');
    expect(words).toContain('w:<school>');
    expect(words.some((w) => w.includes('grace') || w.includes('testbourne'))).toBe(false);
  });
  it('carries stance toward a subject and the rules\' verdicts as features', () => {
    const features = postFeatures(contextOf('My Year 9s were awful today, absolutely useless'), new Set(['child-comment']));
    expect(features.post).toEqual(expect.arrayContaining(['about:child', 'stance:negative-about-child', 'rule:child-comment']));
  });
  it('reads sarcasm and the words beside a target, and a whale\'s head is no head teacher', () => {
    const sneer = postFeatures(contextOf('Love how SLT announce a new marking policy the week before reports. Genius.'), new Set());
    expect(sneer.post).toEqual(expect.arrayContaining(['tone:sarcasm', 'tone:sarcasm-about-leadership']));
    expect(sneer.sentences.flat()).toContain('p:leadership~announce');
    expect(sneer.sentences.flat().some((f) => f.startsWith('p:') && f.endsWith('~a'))).toBe(false);
    const whale = postFeatures(contextOf('The whale lifted its enormous head above the waves.'), new Set());
    expect(whale.post).not.toContain('about:leadership');
    expect(postSetting(contextOf('The whale lifted its enormous head above the waves.')).onlySharedWords).toBe(true);
    expect(postSetting(contextOf('The head came to my Year 6 class today.')).onlySharedWords).toBe(false);
  });
  it('scores with the weights given and underlines the sentence that weighs most', () => {
    const weights: ModelWeights = {
      version: 1,
      trained: 'test',
      seed: 1,
      features: ['w:feral', 'about:child'],
      categories: { disparaging: { mode: 'union', threshold: 0.5, bias: -2, weights: [3, 0.5] } },
    };
    const model = loadModel(weights);
    const feral = judge(model, postFeatures(contextOf('Nice weather. My class were feral.'), new Set()), ['disparaging'])[0]!;
    const calm = judge(model, postFeatures(contextOf('Nice weather. My class were calm.'), new Set()), ['disparaging'])[0]!;
    expect(feral.score).toBeGreaterThan(0.5);
    expect(feral.sentence).toBe(1);
    expect(calm.score).toBeLessThan(0.5);
  });
  it('scores features found by their parts as the sums over their names, to the last bit', () => {
    const model = loadModel(weights as PackedWeights);
    const plain = unpackWeights(weights as PackedWeights);
    const index = new Map(plain.features.map((f, i) => [f, i]));
    const ids = (names: string[]) => names.flatMap((f) => index.get(f) ?? []);
    // The categories the model scores ("rules" ships no weights).
    const categories = (['disparaging', 'sickness', 'confidential', 'child-comment'] as const).filter((c) => plain.categories[c]?.mode === 'union');
    expect(categories.length).toBeGreaterThan(1);
    for (const text of [
      'Love how SLT announce a new marking policy the week before reports. Genius.',
      'My Year 9s were awful today, absolutely useless. The parents were worse!! Grace Hetherington was lovely though',
      'Off sick again 🙄 but the beach was glorious. Mrs Okafor is covering my class',
    ]) {
      // The sums as they were written before the scorer: post features, then each word once, in order.
      const features = postFeatures(contextOf(text), new Set(['child-comment']));
      const sentences = features.sentences.map(ids);
      const expected = categories.map((category) => {
        const m = plain.categories[category]!;
        let z = m.bias;
        for (const id of [...ids(features.post), ...new Set(sentences.flat())]) z += m.weights[id]!;
        const sentenceWeights = sentences.map((s) => s.reduce((w, id) => w + m.weights[id]!, 0));
        return { category, mode: m.mode, score: sigmoid(z), threshold: m.threshold, sentence: sentenceWeights.indexOf(Math.max(...sentenceWeights)) };
      });
      const scorer = new PostScorer(model, categories);
      collectFeatures(contextOf(text), new Set(['child-comment']), scorer);
      expect(scorer.judgements()).toEqual(expected);
      expect(judge(model, features, categories)).toEqual(expected);
    }
  });
  it('stems as the regular expression it replaced did, letters beyond the BMP counting once', () => {
    const byPattern = (word: string) => (word.length < 5 || !/^\p{L}+$/u.test(word) ? word : (/^(.{3,}?)(?:ing|ed|es|s|ly|er|est|ness|ful)$/u.exec(word)?.[1] ?? word));
    for (const word of ['moaned', 'moaning', 'moans', 'classes', 'goodness', 'abness', 'bless', 'wonderful', 'ringing', 'hopefully', '<pupil>', 'year9s', '𝐀𝐁s', '𝐀𝐁𝐂s', '𝐀𝐀𝐀𝐀ing']) {
      expect(stemOf(word)).toBe(byPattern(word));
    }
  });
});

describe('sentences', () => {
  it('a run of marks ends one sentence at its last mark, and an ellipsis run into a word joins the clauses', () => {
    const texts = (text: string) => parsePost(text).sentences.map((s) => text.slice(s.start, s.end));
    expect(texts('Well... ok!!! Fine?! Yes.')).toEqual(['Well...', 'ok!!!', 'Fine?!', 'Yes.']);
    expect(texts('as bad as this year....rude, lazy and proud of it')).toEqual(['as bad as this year....rude, lazy and proud of it']);
  });
});
