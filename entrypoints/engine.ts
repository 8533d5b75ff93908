// From their own modules, not src/rules/index.ts: the index also brings the CSV reader (papaparse)
// and the logo matcher, which this script never calls but a bundler must keep (issue 10: bundle size).
import { checkPost } from '~/src/rules/check';
import { compilePack } from '~/src/rules/compile';
import { loadNlp } from '~/src/rules/document/nlp';
import { loadJudgementModel } from '~/src/rules/judgement';
import type { LazyEngine } from '~/src/content/engine';

/**
 * The rule engine as its own script, imported by the content script when the first composer
 * appears (src/content/engine.ts). Keeping compromise out of content.js spares every page
 * view on the four sites ~100 ms of script evaluation (bench: "content script").
 */
export default defineUnlistedScript(() => {
  const engine: LazyEngine = { compilePack, checkPost, loadNlp, loadJudgementModel };
  globalThis.__postcheckEngine = engine;
});
