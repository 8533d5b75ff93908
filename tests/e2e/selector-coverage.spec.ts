import type { Page } from '@playwright/test';
import { SITE_ADAPTERS, type SiteAdapter } from '../../src/sites';
import { SITE_FIXTURES, type ComposerFixture } from './sites';
import { BENIGN_POST, expect, test, typeInto } from './test';

/**
 * Issue 12: every selector in a site's adapter is exercised by a fixture. Each surface of the
 * site is opened as a user would (text typed, a photo attached where it takes one) and the
 * adapter's selectors are run against the rendered DOM, the shadow hosts' open roots included.
 * A selector no fixture matches is either dead or has no fixture to prove it: both fail here.
 */

/** A 1×1 PNG, enough for the sites' previews to appear. */
const PHOTO = {
  name: 'photo.png',
  mimeType: 'image/png',
  buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
};

interface SelectorUse {
  where: string;
  selector: string;
}

function selectorsOf(adapter: SiteAdapter): SelectorUse[] {
  return [
    ...adapter.shadowHosts.map((selector) => ({ where: 'shadowHosts', selector })),
    ...adapter.composers.flatMap((kind) =>
      (['markerSelectors', 'postButtonSelectors', 'attachInputSelectors', 'attachPreviewSelectors'] as const).flatMap((field) =>
        kind[field].map((selector) => ({ where: `${kind.id}.${field}`, selector })),
      ),
    ),
  ];
}

/** Which of `selectors` match anything in the page or in the shadow hosts' open roots. */
function matchedIn(page: Page, selectors: string[], shadowHosts: readonly string[]): Promise<string[]> {
  return page.evaluate(
    ({ selectors, shadowHosts }) => {
      const roots: ParentNode[] = [document];
      for (const host of shadowHosts) for (const element of document.querySelectorAll(host)) if (element.shadowRoot) roots.push(element.shadowRoot);
      return selectors.filter((selector) => roots.some((root) => root.querySelector(selector)));
    },
    { selectors, shadowHosts: [...shadowHosts] },
  );
}

async function useSurface(page: Page, composer: ComposerFixture): Promise<string> {
  await page.goto(composer.url);
  await composer.open?.(page);
  await typeInto(page, composer.editor(page), BENIGN_POST);
  // Some post controls only appear once there is text; previews once there is a photo.
  const fileInput = page.locator('input[type="file"]').first();
  if ((await fileInput.count()) > 0) await fileInput.setInputFiles(PHOTO);
  const button = composer.postButton(page);
  await expect(button).toBeVisible();
  return button.evaluate((element) => (element.getAttribute('aria-label') ?? element.textContent ?? '').trim());
}

for (const fixture of SITE_FIXTURES) {
  test(`${fixture.site}: every selector and post-button label in the adapter is matched by a fixture`, async ({ sitePage: page }) => {
    test.setTimeout(30_000 + fixture.surfaces.length * 15_000);
    const adapter = SITE_ADAPTERS.find((candidate) => candidate.id === fixture.site)!;
    const uses = selectorsOf(adapter);
    const selectors = [...new Set(uses.map((use) => use.selector))];
    const matched = new Set<string>();
    const labels = new Set<string>();
    for (const composer of fixture.surfaces) {
      labels.add(await useSurface(page, composer));
      for (const selector of await matchedIn(page, selectors, adapter.shadowHosts)) matched.add(selector);
    }
    const unmatched = uses.filter((use) => !matched.has(use.selector)).map((use) => `${use.where}: ${use.selector}`);
    expect(unmatched, `selectors no ${fixture.site} fixture matches`).toEqual([]);
    const unusedLabels = adapter.composers.flatMap((kind) => kind.postButtonLabels.filter((label) => !labels.has(label)).map((label) => `${kind.id}.postButtonLabels: ${label}`));
    expect(unusedLabels, `post-button labels no ${fixture.site} fixture's post button carries`).toEqual([]);
  });
}
