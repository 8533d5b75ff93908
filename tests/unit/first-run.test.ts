import { describe, expect, it } from 'vitest';
import { shouldOpenFirstRun } from '../../src/settings/first-run';

describe('first-run page after install (issue 11)', () => {
  it('opens on an unmanaged install, and when the policy only sets the mode or the log', () => {
    expect(shouldOpenFirstRun(undefined)).toBe(true);
    expect(shouldOpenFirstRun({})).toBe(true);
    expect(shouldOpenFirstRun({ mode: 'block', eventLog: true })).toBe(true);
    expect(shouldOpenFirstRun({ enabledSites: { x: false } })).toBe(true);
  });

  it('does not open when the IT team supplies the pack', () => {
    expect(shouldOpenFirstRun({ schoolPack: { id: 'x' } })).toBe(false);
    expect(shouldOpenFirstRun({ schoolPackJson: '{}' })).toBe(false);
  });

  it('does not open when the IT team turns PostCheck off on every site', () => {
    expect(shouldOpenFirstRun({ enabledSites: { facebook: false, x: false, instagram: false, linkedin: false } })).toBe(false);
  });
});
