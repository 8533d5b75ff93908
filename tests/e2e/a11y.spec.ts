import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CHROMIUM_EXTENSION_ID } from '../../wxt.config';
import { SITE_FIXTURES, type ComposerFixture } from './sites';
import { card, confirmCard, expect, PUPIL_POST, test, typeInto } from './test';

const EXTENSION = `chrome-extension://${CHROMIUM_EXTENSION_ID}`;
const COMPOSERS: ComposerFixture[] = [...SITE_FIXTURES.map((fixture) => fixture.primary), SITE_FIXTURES[1]!.secondary];

/** Serious and critical axe violations only, as "rule: target" lines a failure can be read from. */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`));
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    for (const composer of COMPOSERS) {
      test(`${composer.name}: the card and the hold dialog have no serious or critical axe violations`, async ({ sitePage: page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(composer.url);
        if (scheme === 'dark') await page.addStyleTag({ content: 'html, body { background: #000 !important; color: #e7e9ea !important; }' });
        await composer.open?.(page);
        await typeInto(page, composer.editor(page), PUPIL_POST);
        await expect(card(page)).toBeVisible();
        expect(await seriousViolations(page, 'postcheck-layer')).toEqual([]);
        await composer.postButton(page).click();
        await expect(confirmCard(page)).toBeVisible();
        expect(await seriousViolations(page, 'postcheck-layer')).toEqual([]);
      });
    }

    for (const path of ['popup.html', 'options.html', 'welcome.html']) {
      test(`${path} has no serious or critical axe violations`, async ({ extensionBrowser }) => {
        const page = await extensionBrowser.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${EXTENSION}/${path}`);
        await expect(page.locator('h1').first()).toBeVisible();
        // Every section of the options page open, so hidden parts are checked too.
        for (const details of await page.locator('details').all()) await details.evaluate((element) => element.setAttribute('open', ''));
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      });
    }
  });
}
