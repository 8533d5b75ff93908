import { runPostCheck } from '~/src/content';
import { CONTENT_SCRIPT_MATCHES } from '~/src/sites';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  // The card's CSS goes into its shadow root, never into the site's document.
  cssInjectionMode: 'ui',
  main(ctx) {
    return runPostCheck(ctx);
  },
});
