import { LockIcon } from './LockNote';
import type { EffectiveSettings } from '../../settings/resolve';
import { updateLocalSettings } from '../../settings/local';
import { eventLogStatus } from '../event-log-status';
import { SITE_IDS, SITE_LABELS, SNOOZE_MS, type EnabledSites, type Mode } from '../../settings/schema';

/** Said once per group of controls, under its heading, rather than beside every box. */
function LockReason(props: { reason: string | null }) {
  return props.reason ? (
    <p class="lock-reason">
      <LockIcon />
      {props.reason}
    </p>
  ) : null;
}

function Toggle(props: { label: string; checked: boolean; lockReason: string | null; onChange: (checked: boolean) => void; testId: string }) {
  return (
    <label class={`toggle ${props.lockReason ? 'locked' : ''}`} title={props.lockReason ?? undefined}>
      <input type="checkbox" data-testid={props.testId} checked={props.checked} disabled={props.lockReason !== null} onChange={(event) => props.onChange(event.currentTarget.checked)} />
      <span>{props.label}</span>
    </label>
  );
}

export function SettingsSection(props: { settings: EffectiveSettings; now: number }) {
  const { settings } = props;
  const { lockReasons } = settings;
  const snoozed = settings.snoozedUntil !== null && settings.snoozedUntil > props.now;
  const setSite = (site: keyof EnabledSites, on: boolean) => void updateLocalSettings({ enabledSites: { ...settings.enabledSites, [site]: on } });
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <fieldset>
        <legend>PostCheck</legend>
        <LockReason reason={lockReasons.on ?? lockReasons.snooze} />
        <Toggle label="Check my posts" testId="setting-on" checked={settings.on} lockReason={lockReasons.on} onChange={(on) => void updateLocalSettings({ on })} />
        <div class="snooze">
          {snoozed ? (
            <>
              <span data-testid="snoozed-until">Snoozed until {new Date(settings.snoozedUntil ?? 0).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.</span>{' '}
              <button type="button" disabled={lockReasons.snooze !== null} onClick={() => void updateLocalSettings({ snoozedUntil: null })}>
                Resume now
              </button>
            </>
          ) : (
            <button type="button" data-testid="snooze" disabled={lockReasons.snooze !== null || !settings.on} onClick={() => void updateLocalSettings({ snoozedUntil: Date.now() + SNOOZE_MS })}>
              Snooze for 1 hour
            </button>
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>Sites checked</legend>
        <LockReason reason={lockReasons.sites} />
        {SITE_IDS.map((site) => (
          <Toggle key={site} label={SITE_LABELS[site]} testId={`site-${site}`} checked={settings.enabledSites[site]} lockReason={lockReasons.sites} onChange={(on) => setSite(site, on)} />
        ))}
      </fieldset>
      <fieldset>
        <legend>When a post breaks the policy</legend>
        <LockReason reason={lockReasons.mode} />
        {(['warn', 'block'] as Mode[]).map((mode) => (
          <label key={mode} class={`toggle ${lockReasons.mode ? 'locked' : ''}`}>
            <input type="radio" name="mode" value={mode} data-testid={`mode-${mode}`} checked={settings.mode === mode} disabled={lockReasons.mode !== null} onChange={() => void updateLocalSettings({ mode })} />
            <span>{mode === 'warn' ? 'Warn me, and let me post anyway' : 'Stop posts the pack marks “not allowed” until I change them'}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Event log</legend>
        <LockReason reason={lockReasons.eventLog} />
        <Toggle label="Keep a log on this computer of what PostCheck flagged and what I did" testId="setting-event-log" checked={settings.eventLog} lockReason={lockReasons.eventLog} onChange={(eventLogChoice) => void updateLocalSettings({ eventLogChoice })} />
        <p class="muted" data-testid="event-log-source" data-source={settings.eventLogSource}>
          {eventLogStatus(settings)}
        </p>
      </fieldset>
    </section>
  );
}
