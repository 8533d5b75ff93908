import { useEffect, useMemo, useState } from 'preact/hooks';
import { compilePack, runPackTests, type CompiledPack, type PackProblem, type PackTestFailure } from '../../rules';
import { GENERAL_PACK } from '../../settings/active';
import type { EffectiveSettings } from '../../settings/resolve';
import { useEffectiveSettings } from '../use-settings';
import { eventLogStatus } from '../event-log-status';
import { EventLogSection } from './EventLogSection';
import { NamesSection } from './NamesSection';
import { PackSection } from './PackSection';
import { PrivacySection } from './PrivacySection';
import { SettingsSection } from './SettingsSection';
import { TryPost } from './TryPost';

interface Compiled {
  compiled: CompiledPack | null;
  problems: PackProblem[];
  failures: PackTestFailure[];
  packNames: { pupils: number; staff: number };
}

/**
 * Compiled once per change of pack or names, never per keystroke nor per settings toggle: with
 * 50,000 names a compile takes most of a second, while serialising them to compare takes ~10 ms.
 */
function useCompiledPack(settings: EffectiveSettings | null): Compiled {
  const signature = useMemo(() => (settings ? JSON.stringify([settings.pack, settings.pupils, settings.staff]) : ''), [settings]);
  return useMemo(() => {
    if (!settings) return { compiled: null, problems: [], failures: [], packNames: { pupils: 0, staff: 0 } };
    // With no school pack, the general pack is what the composers check against: show and try that.
    const result = compilePack(settings.pack ?? GENERAL_PACK, { pupils: settings.pupils, staff: settings.staff });
    if (!result.ok) return { compiled: null, problems: result.error.problems, failures: [], packNames: { pupils: 0, staff: 0 } };
    const { people } = result.compiled.pack;
    return { compiled: result.compiled, problems: [], failures: runPackTests(result.compiled), packNames: { pupils: people.pupils.length, staff: people.staff.length } };
    // `signature` stands for the pack and both name lists.
  }, [signature]);
}

function ManagedBanner(props: { settings: EffectiveSettings }) {
  const { managedBy, managedProblems, locked, managedReadAt } = props.settings;
  return (
    <>
      {managedBy ? (
        <p class="managed-banner" data-testid="managed-by">
          Managed by {managedBy}
          {locked ? '. Your IT team has locked PostCheck’s settings.' : '. Settings your IT team sets are greyed out.'}
          {managedReadAt ? <span class="banner-detail">Policy last read {new Date(managedReadAt).toLocaleString('en-GB')}.</span> : null}
        </p>
      ) : null}
      {managedProblems.length ? (
        <div class="problems" role="alert" data-testid="managed-problems">
          <p>
            <strong>Part of your IT team’s policy could not be used</strong>; the rest applies, and anything already loaded stays in use. Tell your IT team:
          </p>
          <ul>
            {managedProblems.map((problem, index) => (
              <li key={index} data-field={problem.field}>
                {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

export function OptionsApp() {
  const settings = useEffectiveSettings();
  const compiled = useCompiledPack(settings);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    // Snooze ends on its own: re-render each minute so the page says so.
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!settings) return <p class="muted">Loading…</p>;
  return (
    <main>
      <header class="page-head">
        <h1>PostCheck</h1>
        <p class="muted">Checks your posts against your school’s social media policy, on this computer, before they go out.</p>
      </header>
      <ManagedBanner settings={settings} />
      <PackSection settings={settings} compiled={compiled.compiled} compileProblems={compiled.problems} failures={compiled.failures} />
      <NamesSection settings={settings} packNames={compiled.packNames} />
      <TryPost compiled={compiled.compiled} />
      <SettingsSection settings={settings} now={now} />
      <EventLogSection enabled={settings.eventLog} status={eventLogStatus(settings)} />
      <PrivacySection />
    </main>
  );
}
