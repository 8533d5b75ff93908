import { useEffect, useState } from 'preact/hooks';
import { getEffectiveSettings, watchEffectiveSettings } from '../settings/active';
import type { EffectiveSettings } from '../settings/resolve';

/** The settings in force, kept current as local settings or the managed policy change. */
export function useEffectiveSettings(): EffectiveSettings | null {
  const [settings, setSettings] = useState<EffectiveSettings | null>(null);
  useEffect(() => {
    let live = true;
    void getEffectiveSettings().then((next) => live && setSettings(next));
    const unwatch = watchEffectiveSettings((next) => live && setSettings(next));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return settings;
}
