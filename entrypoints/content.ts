import { runPostCheck } from '~/src/content';
import { CONTENT_SCRIPT_MATCHES } from '~/src/sites';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  // The card's CSS goes into its shadow root, never into the site's document.
  cssInjectionMode: 'ui',
  // At document_idle Chrome holds the page's load event until the script has run, so the
  // site's own queued work lands before load too (bench: ~40 ms later load on the X fixture).
  // At document_start the load event moves only by the script's own ~9 ms; everything it
  // attaches waits for the load event anyway (src/content/page.ts).
  runAt: 'document_start',
  main(ctx) {
    return runPostCheck(ctx);
  },
});
