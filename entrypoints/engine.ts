import { checkPost, compilePack } from '~/src/rules';
import type { LazyEngine } from '~/src/content/engine';

/**
 * The rule engine as its own script, imported by the content script when the first composer
 * appears (src/content/engine.ts). Keeping compromise out of content.js spares every page
 * view on the four sites ~100 ms of script evaluation (bench: "content script").
 */
export default defineUnlistedScript(() => {
  const engine: LazyEngine = { compilePack, checkPost };
  globalThis.__postcheckEngine = engine;
});
