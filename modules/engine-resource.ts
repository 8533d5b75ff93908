import { defineWxtModule } from 'wxt/modules';
import { CONTENT_SCRIPT_MATCHES } from '../src/sites';
import { ENGINE_SCRIPT_PATH } from '../src/content/engine-path';

/**
 * Lets the content script import the lazily loaded engine (entrypoints/engine.ts) on the four
 * sites only. `use_dynamic_url` keeps the URL per-session so pages cannot fingerprint PostCheck.
 */
export default defineWxtModule((wxt) => {
  wxt.hook('build:manifestGenerated', (_wxt, manifest) => {
    manifest.web_accessible_resources ??= [];
    (manifest.web_accessible_resources as { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[]).push({
      resources: [ENGINE_SCRIPT_PATH.replace(/^\//, '')],
      matches: CONTENT_SCRIPT_MATCHES,
      use_dynamic_url: true,
    });
  });
});
