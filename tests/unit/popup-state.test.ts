import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/settings/resolve';
import { stateOnSite } from '../../src/ui/popup/state';

const NOW = 1_000_000;

describe('what the popup says about the current tab', () => {
  it('checking, site off, not here, snoozed, off', () => {
    const settings = resolveSettings({ enabledSites: { linkedin: false } }, null);
    expect(stateOnSite(settings, 'x', NOW)).toBe('checking');
    expect(stateOnSite(settings, 'linkedin', NOW)).toBe('site-off');
    expect(stateOnSite(settings, null, NOW)).toBe('not-checking-here');
    expect(stateOnSite(settings, undefined, NOW)).toBe('on');
    expect(stateOnSite(resolveSettings({ snoozedUntil: NOW + 1 }, null), 'x', NOW)).toBe('snoozed');
    expect(stateOnSite(resolveSettings({ snoozedUntil: NOW - 1 }, null), 'x', NOW)).toBe('checking');
    expect(stateOnSite(resolveSettings({ on: false }, null), 'x', NOW)).toBe('off');
  });

  it('a lock overrides the user turning PostCheck off or snoozing it', () => {
    const settings = resolveSettings({ on: false, snoozedUntil: NOW + 1 }, { policy: { lock: true }, problems: [], savedAt: 0 });
    expect(stateOnSite(settings, 'facebook', NOW)).toBe('checking');
  });
});
