import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compilePack, checkPost } from '../../src/rules';
import { isCheckingOn, toActiveConfig } from '../../src/settings/active';
import { readManagedCache, readManagedPolicy, type ManagedCache } from '../../src/settings/managed';
import { packWithNames, readLocalSettings, resolveSettings } from '../../src/settings/resolve';
import { DEFAULT_SETTINGS } from '../../src/settings/schema';

const pack = JSON.parse(readFileSync('assets/packs/testbourne.json', 'utf8')) as Record<string, unknown>;
const schoolName = (pack.school as { name: string }).name;

function managed(policy: ManagedCache['policy'], problems: ManagedCache['problems'] = []): ManagedCache {
  return { policy, problems, savedAt: 0 };
}

describe('local settings', () => {
  it('falls back to the defaults key by key', () => {
    const settings = readLocalSettings({ on: 'yes', mode: 'block', enabledSites: { x: false }, snoozedUntil: 'soon' });
    expect(settings.on).toBe(DEFAULT_SETTINGS.on);
    expect(settings.mode).toBe('block');
    expect(settings.enabledSites).toEqual({ x: false });
    expect(settings.snoozedUntil).toBeNull();
  });

  it('reads what the e2e harness and npm start preload', () => {
    const config = toActiveConfig(resolveSettings({ pack, mode: 'block' }, null));
    expect(config.mode).toBe('block');
    expect(config.pack).toEqual(pack);
    expect(config.managedBy).toBeNull();
    expect(isCheckingOn(config, 'facebook')).toBe(true);
  });
});

describe('managed > local > defaults', () => {
  it('lets a managed value win over the local one and greys out its control', () => {
    const settings = resolveSettings({ mode: 'warn', enabledSites: { x: false } }, managed({ mode: 'block', schoolPack: pack }));
    expect(settings.mode).toBe('block');
    expect(settings.enabledSites.x).toBe(false);
    expect(settings.managedBy).toBe(schoolName);
    expect(settings.lockReasons.mode).toBe(`Managed by ${schoolName}`);
    expect(settings.lockReasons.sites).toBeNull();
    expect(settings.packSource).toBe('managed');
  });

  it('lock keeps PostCheck on, un-snoozed and on the managed pack and names only', () => {
    const local = { on: false, snoozedUntil: Date.now() + 60_000, enabledSites: { facebook: false }, pack: { id: 'other' }, pupils: ['Local Child'] };
    const settings = resolveSettings(local, managed({ lock: true, schoolPack: pack, pupils: ['Grace Hetherington'] }));
    const config = toActiveConfig(settings);
    expect(isCheckingOn(config, 'facebook')).toBe(true);
    expect(settings.pupils).toEqual(['Grace Hetherington']);
    expect(settings.staff).toEqual([]);
    const { eventLog, ...locked } = settings.lockReasons;
    expect(Object.values(locked).every((reason) => reason === `Managed by ${schoolName}`)).toBe(true);
    // The log is the user's own record: the lock leaves it to them unless the policy sets it.
    expect(eventLog).toBeNull();
  });

  it('the event log: off by default, on when the school pack asks, the user may turn it off, a managed policy overrides all', () => {
    const off = resolveSettings({ pack }, null);
    expect(off).toMatchObject({ eventLog: false, eventLogSource: 'default', packAsksForEventLog: false });
    const asking = { ...pack, eventLog: true };
    expect(resolveSettings({ pack: asking }, null)).toMatchObject({ eventLog: true, eventLogSource: 'pack', packAsksForEventLog: true });
    expect(toActiveConfig(resolveSettings({ pack: asking }, null)).eventLog).toBe(true);
    expect(resolveSettings({ pack: asking, eventLogChoice: false }, null)).toMatchObject({ eventLog: false, eventLogSource: 'you', packAsksForEventLog: true });
    expect(resolveSettings({ pack, eventLogChoice: true }, null)).toMatchObject({ eventLog: true, eventLogSource: 'you' });
    // A managed pack asks just as a loaded one does; a managed eventLog has the last word, locked.
    expect(resolveSettings({}, managed({ schoolPack: asking }))).toMatchObject({ eventLog: true, eventLogSource: 'pack' });
    const policyOff = resolveSettings({ pack: asking, eventLogChoice: true }, managed({ eventLog: false }));
    expect(policyOff).toMatchObject({ eventLog: false, eventLogSource: 'policy' });
    expect(policyOff.lockReasons.eventLog).toMatch(/^Managed by /);
    expect(resolveSettings({ pack }, managed({ eventLog: true }))).toMatchObject({ eventLog: true, eventLogSource: 'policy' });
    // Earlier versions stored eventLog: false on every save: that is no choice, and must not silence the pack.
    expect(resolveSettings({ pack: asking, eventLog: false }, null)).toMatchObject({ eventLog: true, eventLogSource: 'pack' });
    expect(resolveSettings({ pack, eventLog: true }, null)).toMatchObject({ eventLog: true, eventLogSource: 'you' });
  });

  it('ignores keys the defaults do not know', () => {
    const { policy, problems } = readManagedPolicy({ mode: 'block', colour: 'red' });
    expect(policy).toEqual({ mode: 'block' });
    expect(problems).toEqual([{ field: 'colour', message: expect.stringContaining('not a PostCheck policy') }]);
  });

  it('merges the name lists into the pack the content script compiles', () => {
    const config = toActiveConfig(resolveSettings({}, managed({ schoolPack: pack, pupils: ['Zebedee Marchbanks'] })));
    const compiled = compilePack(config.pack);
    if (!compiled.ok) throw new Error(compiled.error.message);
    expect(checkPost(compiled.compiled, { text: 'Zebedee Marchbanks won the race today' }).map((f) => f.category)).toContain('pupil');
    expect(packWithNames(null, ['A B'], [])).toBeNull();
  });
});

describe('a managed value of the wrong type', () => {
  it('is named in a clear message and the other keys survive', () => {
    const { policy, problems } = readManagedPolicy({ mode: 'strict', lock: 'yes', pupils: 'Grace', enabledSites: { x: 'no' }, eventLog: false });
    expect(policy).toEqual({ eventLog: false });
    expect(problems.map((p) => p.field).sort()).toEqual(['enabledSites', 'lock', 'mode', 'pupils']);
    expect(problems.find((p) => p.field === 'mode')?.message).toMatch(/mode .*"warn" or "block"/);
    expect(problems.find((p) => p.field === 'pupils')?.message).toMatch(/pupils must be a list of names \(got text\)/);
    expect(problems.find((p) => p.field === 'enabledSites')?.message).toMatch(/enabledSites\.x must be true or false/);
  });

  it('keeps the last good value already loaded', () => {
    const previous = { schoolPack: pack, mode: 'block' as const, pupils: ['Grace Hetherington'] };
    const broken = { ...pack, policy: { title: 'x', clauses: [] } };
    const { policy, problems } = readManagedPolicy({ schoolPack: broken, mode: 3, pupils: ['Tobias Quennell'] }, previous);
    expect(policy.schoolPack).toBe(pack);
    expect(policy.mode).toBe('block');
    expect(policy.pupils).toEqual(['Tobias Quennell']);
    expect(problems).toContainEqual({ field: 'schoolPack', message: 'schoolPack.policy.clauses must list at least one clause' });
  });

  it('reads the pack from JSON text, reporting malformed JSON with its position', () => {
    expect(readManagedPolicy({ schoolPackJson: JSON.stringify(pack) }).policy.schoolPack).toEqual(pack);
    expect(readManagedPolicy({ schoolPackJson: `\uFEFF${JSON.stringify(pack)}` }).policy.schoolPack).toEqual(pack);
    expect(readManagedPolicy({ schoolPack: 'not an object' }).problems).toEqual([{ field: 'schoolPack', message: 'schoolPack must be an object (the rule pack; got text)' }]);
    const { problems } = readManagedPolicy({ schoolPackJson: '{"schemaVersion": 1,' });
    expect(problems[0]).toEqual({ field: 'schoolPackJson', message: expect.stringMatching(/^schoolPackJson is not valid JSON: .* at line 1/) });
  });

  it('refuses a list over 50,000 names', () => {
    const names = Array.from({ length: 50_001 }, (_, i) => `Pupil Number${i}`);
    const { policy, problems } = readManagedPolicy({ staff: names, mode: 'warn' });
    expect(policy).toEqual({ mode: 'warn' });
    expect(problems[0]?.message).toMatch(/staff has more than 50000 names/);
  });

  it('refuses a pack over 5 MB, keeping the one already in force', () => {
    const huge = JSON.stringify({ ...pack, note: 'x'.repeat(5 * 1024 * 1024) });
    const { policy, problems } = readManagedPolicy({ schoolPackJson: huge }, { schoolPack: pack });
    expect(policy.schoolPack).toBe(pack);
    expect(problems).toEqual([{ field: 'schoolPackJson', message: 'schoolPackJson is over 5 MB' }]);
  });

  it('survives a corrupt cache', () => {
    expect(readManagedCache('nonsense')).toBeNull();
    expect(readManagedCache({ policy: { mode: 'nope', lock: true } })?.policy).toEqual({ lock: true });
  });
});
