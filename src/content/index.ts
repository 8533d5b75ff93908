import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { answerWhichSite } from '../messaging';
import type { ActiveConfig } from '../settings/active';
import { isCheckingOn } from '../settings/checking';
import { adapterForHost } from '../sites';
import { fetchActiveConfig, watchActiveConfigFromBackground } from './config-client';
import { PostCheckPage } from './page';

/**
 * The content script's whole job: attach to this site's composers while PostCheck is on for
 * it, and attach nothing at all while it is off, snoozed or disabled for the site.
 */
export async function runPostCheck(ctx: ContentScriptContext): Promise<void> {
  const adapter = adapterForHost(location.hostname);
  if (!adapter) return;
  // The popup asks which site its tab is on (it has no `tabs` permission), on or off.
  ctx.onInvalidated(answerWhichSite(adapter.id));
  let config: ActiveConfig = await fetchActiveConfig();
  if (ctx.isInvalid) return;
  let page: PostCheckPage | null = null;
  let snoozeTimer: number | undefined;

  const apply = () => {
    if (ctx.isInvalid) return;
    const on = isCheckingOn(config, adapter.id);
    if (on && !page) page = new PostCheckPage(ctx, adapter, config);
    else if (!on && page) {
      page.dispose();
      page = null;
    } else page?.updateConfig(config);
    clearTimeout(snoozeTimer);
    if (config.snoozedUntil !== null && config.snoozedUntil > Date.now()) {
      snoozeTimer = ctx.setTimeout(apply, config.snoozedUntil - Date.now());
    }
  };
  apply();
  ctx.onInvalidated(
    watchActiveConfigFromBackground((next) => {
      config = next;
      apply();
    }),
  );
}
