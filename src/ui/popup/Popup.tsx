import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { toActiveConfig, isCheckingOn } from '../../settings/active';
import type { EffectiveSettings } from '../../settings/resolve';
import { SITE_IDS, SITE_LABELS, type SiteId } from '../../settings/schema';
import { askTabForSite } from '../../messaging';
import { adapterForHost } from '../../sites';
import { useEffectiveSettings } from '../use-settings';
import { eventLogStatus } from '../event-log-status';
import { GENERAL_POLICY_NOTE, LOAD_SCHOOL_PACK_HINT } from '../vocabulary';
import { stateOnSite, type TabState } from './state';

const STATE_TEXT: Record<TabState, string> = {
  checking: 'Checking your posts on this site',
  'not-checking-here': 'Not checking here: PostCheck only checks Facebook, X, Instagram and LinkedIn',
  snoozed: 'Snoozed',
  off: 'Off',
  'site-off': 'Not checking on this site (turned off in settings)',
  on: 'On',
};

/**
 * The current tab's site. PostCheck has no `tabs` permission, so the browser does not show it the
 * tab's URL; instead it asks the tab's PostCheck content script, which only runs on the four
 * sites. No answer means either another site (null) or a content script that predates the
 * question; both read as "not one of PostCheck's sites" except that an unknown tab (undefined)
 * falls back to listing the sites.
 */
function useCurrentSite(): SiteId | null | undefined {
  const [site, setSite] = useState<SiteId | null | undefined>(undefined);
  useEffect(() => {
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(async ([tab]) => {
        if (tab?.id === undefined) return setSite(undefined);
        const answer = await askTabForSite(tab.id);
        if (answer && (SITE_IDS as readonly string[]).includes(answer)) return setSite(answer);
        // With the URL visible (a browser that shows it), a non-matching host is "not here".
        setSite(tab.url ? (adapterForHost(new URL(tab.url).hostname)?.id ?? null) : undefined);
      })
      .catch(() => setSite(undefined));
  }, []);
  return site;
}

export function Popup() {
  const settings = useEffectiveSettings();
  const site = useCurrentSite();
  if (!settings) return null;
  const now = Date.now();
  const config = toActiveConfig(settings);
  const state = stateOnSite(settings, site, now);
  const label = config.packLabel;
  return (
    <main class="popup">
      <h1>PostCheck</h1>
      {settings.managedBy ? (
        <p class="managed" data-testid="popup-managed">
          Managed by {settings.managedBy}
        </p>
      ) : null}
      <p class={`state state-${state}`} data-testid="popup-state" data-state={state}>
        {STATE_TEXT[state]}
        {state === 'snoozed' ? ` until ${new Date(settings.snoozedUntil ?? 0).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}` : ''}
      </p>
      {state === 'on' ? (
        <ul class="sites" data-testid="popup-sites">
          {SITE_IDS.map((id) => (
            <li key={id} class={isCheckingOn(config, id, now) ? 'on' : 'off'}>
              {SITE_LABELS[id]}: {isCheckingOn(config, id, now) ? 'checking' : 'not checking'}
            </li>
          ))}
        </ul>
      ) : null}
      <p class="pack" data-testid="popup-pack">
        {label?.general ? (
          <>
            <span data-testid="popup-general">{GENERAL_POLICY_NOTE}</span>
            <br />
            <span class="muted">{LOAD_SCHOOL_PACK_HINT}</span>
          </>
        ) : label ? (
          <>
            {label.school}
            <br />
            <span class="muted">
              Pack {label.id}, version {label.version}
            </span>
          </>
        ) : (
          <span class="muted">{LOAD_SCHOOL_PACK_HINT}</span>
        )}
      </p>
      {settings.eventLog ? (
        <p class="event-log muted" data-testid="popup-event-log">
          A log of what PostCheck flags (never what you write) is kept on this computer. {eventLogStatus(settings)}
        </p>
      ) : null}
      <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>
        Settings and school pack
      </button>
    </main>
  );
}
