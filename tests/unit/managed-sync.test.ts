import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for `browser.storage`: a managed area the test sets, and a local area. */
const storage = vi.hoisted(() => {
  const state = { managed: {} as Record<string, unknown>, local: {} as Record<string, unknown> };
  return {
    state,
    api: {
      managed: { get: async () => structuredClone(state.managed) },
      local: {
        get: async (key: string | string[]) => Object.fromEntries((Array.isArray(key) ? key : [key]).filter((k) => k in state.local).map((k) => [k, structuredClone(state.local[k])])),
        set: async (items: Record<string, unknown>) => void Object.assign(state.local, structuredClone(items)),
        remove: async (key: string) => void delete state.local[key],
      },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
  };
});
vi.mock('wxt/browser', () => ({ browser: { storage: storage.api } }));

const { syncManagedPolicy, EMPTY_POLICY_GRACE_MS } = await import('../../src/settings/managed-sync');
const { getEffectiveSettings } = await import('../../src/settings/active');

const locked = { lock: true, mode: 'block' };

describe('the managed-policy cache at browser start', () => {
  beforeEach(() => {
    storage.state.managed = {};
    storage.state.local = {};
  });

  it('keeps a locked install locked while storage.managed still reads {} after a restart', async () => {
    storage.state.managed = locked;
    await syncManagedPolicy({ startedAt: 0, now: () => 1 });
    // Browser restarts: the policy has not loaded yet.
    storage.state.managed = {};
    await syncManagedPolicy({ startedAt: 1000, now: () => 1000 + EMPTY_POLICY_GRACE_MS - 1 });
    expect((await getEffectiveSettings()).locked).toBe(true);
    // Still empty once the grace has passed: the policy really was removed.
    await syncManagedPolicy({ startedAt: 1000, now: () => 1000 + EMPTY_POLICY_GRACE_MS + 1 });
    const settings = await getEffectiveSettings();
    expect(settings.locked).toBe(false);
    expect(settings.managedBy).toBeNull();
  });

  it('keeps the last good value of a key that turns bad, and names the key', async () => {
    storage.state.managed = { ...locked, pupils: ['Grace Hetherington'] };
    await syncManagedPolicy({ startedAt: 0 });
    storage.state.managed = { ...locked, pupils: 'Grace Hetherington, Tobias Quennell' };
    await syncManagedPolicy({ startedAt: 0 });
    const settings = await getEffectiveSettings();
    expect(settings.pupils).toEqual(['Grace Hetherington']);
    expect(settings.managedProblems).toEqual([{ field: 'pupils', message: 'pupils must be a list of names (got text)' }]);
  });

  it('reports a policy whose every value is bad, without inventing a managed state', async () => {
    storage.state.managed = { lock: 'true' };
    await syncManagedPolicy({ startedAt: 0 });
    const settings = await getEffectiveSettings();
    expect(settings.locked).toBe(false);
    expect(settings.managedBy).toBeNull();
    expect(settings.managedProblems[0]?.field).toBe('lock');
  });
});
