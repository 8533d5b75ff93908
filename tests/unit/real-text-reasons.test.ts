import { describe, expect, it } from 'vitest';
import { checkPost, compilePack, raisedCategories } from '../../src/rules';
import { postSetting } from '../../src/rules/context/setting';
import { correspondentSpans } from '../../src/rules/context/correspondence';
import { parsePost } from '../../src/rules/document/document';
import { EXAMPLE_SCHOOL } from './example-school';

/**
 * The general reasons behind the real-text check's quiet (docs/evaluation.md): each case is a
 * sentence a careful reader would not flag, beside one they would.
 */
const compiled = (() => {
  const result = compilePack(EXAMPLE_SCHOOL);
  if (!result.ok) throw result.error;
  return result.compiled;
})();
const raised = (text: string) => raisedCategories(checkPost(compiled, { text }));

describe('a name in quoted e-mail is the correspondent, not a pupil', () => {
  it('reads attributions and headers, and only in text that quotes e-mail', () => {
    expect(raised('On Mon, 2002-10-07 at 12:48, Grace Hetherington wrote: > I suppose Canada can be cited as a success.').has('pupil')).toBe(false);
    expect(raised('> From: Grace Hetherington <grace@permafrost.net> > A flippant remark that I will regret').has('pupil')).toBe(false);
    expect(raised('Forwarded-by: dpbsmith@bellatlantic.net (Grace Hetherington)').has('pupil')).toBe(false);
    expect(raised('Grace Hetherington wrote a brilliant poem in my class today').has('pupil')).toBe(true);
    expect(correspondentSpans(parsePost("Grace Hetherington read her poem beautifully today")).length).toBe(0);
  });
});

describe('a baby is not a pupil', () => {
  it('"little" before a name is a child in school unless the post is about a baby or toddler', () => {
    expect(raised('Our little Grace took her first steps today! Three wobbly ones towards the dog.').has('pupil')).toBe(false);
    expect(raised("Lovely day at little Summer's christening. Cried in church, held the baby.").has('pupil')).toBe(false);
    expect(raised("Little Jayden's reading has come on so much").has('pupil')).toBe(true);
  });
});

describe('a middle initial is not a surname initial', () => {
  it('"George W. De Long", "Grace H. Baker" continue a full name; "Grace H. Brilliant effort" is a pupil', () => {
    expect(raised('Lieutenant-Commander Grace H. De Long and his companions of the expedition').has('pupil')).toBe(false);
    expect(raised('On Wed, Aug 14, 2002, Grace H. Baker asked about the gstreamer repository').has('pupil')).toBe(false);
  });
});

describe('words that also name things outside school', () => {
  it('are one sign of school life however often they occur', () => {
    const doc = parsePost('Drop your tongs, cook, and hear my orders, cook.');
    const ctx = { doc, compiled, memo: new Map() };
    expect(postSetting(ctx).school).toBe(2);
    expect(postSetting(ctx).schoolSigns).toBe(1);
  });
  it('are a target for a disparaging remark only in a post set in school', () => {
    expect(raised('The oars were useless as propellers, performing now the office of life-preservers.').has('disparaging')).toBe(false);
    expect(raised('Management are useless. Third set of marking deadlines this term.').has('disparaging')).toBe(true);
  });
});

describe('e-mail addresses that are no one person\'s', () => {
  it('mailing lists shown by the post itself and anonymised placeholders', () => {
    expect(raised("-- Irish Linux Users' Group: ilug@linux.ie http://www.linux.ie/mailman/listinfo/ilug for (un)subscription information.").has('personal-data')).toBe(false);
    expect(raised('zzzz@spamassassin.taint.org (Justin Mason) writes: my guess').has('personal-data')).toBe(false);
    expect(raised('From: owen@permafrost.net To: fork-admin@xent.com').has('personal-data')).toBe(true);
  });
});
