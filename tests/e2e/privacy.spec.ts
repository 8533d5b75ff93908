import { expect, test, type Page, type WebSocket } from '@playwright/test';
import { CHROMIUM_EXTENSION_ID } from '../../wxt.config';
import { launchWithExtension, postedTexts, TEST_PACK } from './harness';
import { SITE_FIXTURES, type ComposerFixture } from './sites';
import { readEverythingStored } from './stored';
import { badgesIn, confirmCard, typeInto } from './test';

/**
 * Issue 6, "Private": one browser session does what a member of staff and the person setting
 * PostCheck up do: load a pack, import a pupil list, try a post, look at the popup, and write
 * posts full of pupils' names and sensitive details in every composer. Every request from every
 * context (site pages with their content scripts, the service worker, extension pages) is
 * recorded, and afterwards everything PostCheck stores is read back.
 */

const ORIGIN = `chrome-extension://${CHROMIUM_EXTENSION_ID}`;
const OPTIONS_URL = `${ORIGIN}/options.html`;
const POPUP_URL = `${ORIGIN}/popup.html`;

/** Pupils that reach PostCheck only through the CSV import. */
const CSV_TEXT = 'Legal Forename,Legal Surname,Year\nZebedee,Marchbanks,5\nOlwen,Trevithick,5\nPerpetua,Ashdown,6\n';
const PUPILS = ['Grace Hetherington', 'Tobias Quennell', 'Amara Okonkwo-Reid', 'Zebedee Marchbanks', 'Olwen Trevithick', 'Perpetua Ashdown'];

/**
 * Sensitive details with words neither the pack nor the CSV holds: names may be stored (they are
 * the school's lists), these may not. Each composer also gets a marker of its own.
 */
const DETAILS = [
  'have a safeguarding referral open because their dad drinks',
  'are on the child protection register since the Larkspur Road incident',
  'missed the trip for chemotherapy at Pinchbeck ward',
  'were excluded after the fight behind the Quillfeather sports hall',
];
const TRY_POST = 'Olwen Trevithick told the class about her mum’s divorce hearing at Thistlecombe court';
const FRAGMENTS = ['safeguarding referral', 'dad drinks', 'protection register', 'Larkspur', 'chemotherapy', 'Pinchbeck', 'excluded after', 'Quillfeather', 'divorce hearing', 'Thistlecombe'];

/** Fields the admin issue allows in an event log entry (`id` is the log's own row key). */
const EVENT_FIELDS = ['action', 'category', 'id', 'ruleId', 'severity', 'site', 'time'];

interface Written {
  composer: ComposerFixture;
  site: string;
  text: string;
  marker: string;
}

function composersToWrite(): Written[] {
  return SITE_FIXTURES.flatMap((fixture, siteIndex) =>
    [fixture.primary, fixture.secondary].map((composer, composerIndex) => {
      const n = siteIndex * 2 + composerIndex;
      const marker = `marigold${n}vexillum`;
      return {
        composer,
        site: fixture.site,
        marker,
        // Two pupils a post: one from the pack, one only from the imported CSV.
        text: `${PUPILS[n % 3]} and ${PUPILS[3 + (n % 3)]} ${DETAILS[n % DETAILS.length]} ${marker}`,
      };
    }),
  );
}

/** Where in what PostCheck stores `fragment` occurs, as paths ("areas.local.postcheck.config.pack…"). */
function whereStored(value: unknown, fragment: string, path = ''): string[] {
  const needle = fragment.toLowerCase();
  if (typeof value === 'string') return value.toLowerCase().includes(needle) ? [path] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(key.toLowerCase().includes(needle) ? [`${path}.${key} (key)`] : []),
    ...whereStored(inner, fragment, `${path}.${key}`),
  ]);
}

test('nothing leaves the browser and nothing PostCheck stores holds what was typed', async () => {
  test.setTimeout(240_000);
  const browser = await launchWithExtension();
  const { context, ledger } = browser;
  const webSockets: string[] = [];
  const pageErrors: string[] = [];
  const watch = (page: Page) => {
    page.on('websocket', (socket: WebSocket) => webSockets.push(socket.url()));
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  };
  context.on('page', watch);
  try {
    // The recorder is live for each kind of context: a request from the service worker and one
    // from an extension page are both caught (and aborted) before the session starts.
    const canaryFromWorker = await browser.serviceWorker.evaluate(() => fetch('https://canary.postcheck.invalid/worker').then(() => 'sent', () => 'blocked'));
    const canaryPage = await context.newPage();
    await canaryPage.goto(POPUP_URL);
    const canaryFromPage = await canaryPage.evaluate(() => fetch('https://canary.postcheck.invalid/page').then(() => 'sent', () => 'blocked'));
    await canaryPage.close();
    expect([canaryFromWorker, canaryFromPage]).toEqual(['blocked', 'blocked']);
    expect(ledger.disallowed).toEqual(expect.arrayContaining(['https://canary.postcheck.invalid/worker', 'https://canary.postcheck.invalid/page']));
    ledger.reset();

    // Setting up, as a school does: the pack, a pupil list from the MIS, a post tried out.
    for (const fragment of FRAGMENTS) expect(JSON.stringify(TEST_PACK) + CSV_TEXT).not.toContain(fragment);
    const options = await context.newPage();
    await options.goto(OPTIONS_URL);
    await options.getByTestId('pack-file').setInputFiles({ name: 'harrowby.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(TEST_PACK), 'utf8') });
    await expect(options.getByTestId('pack-school')).toHaveText('Harrowby Fields Primary School');
    await options.getByTestId('pupils-file').setInputFiles({ name: 'pupils.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV_TEXT, 'utf8') });
    await options.getByRole('button', { name: 'Replace the list (3)' }).click();
    await expect(options.getByTestId('pupils-current')).toContainText('3 names imported');
    await options.getByTestId('try-post').fill(TRY_POST);
    await expect(options.getByTestId('try-findings')).toContainText('4.2');
    // The event log is off by default (issue 11); the school turns it on to see what it keeps.
    await options.getByTestId('setting-event-log').check();
    await options.close();

    // Writing, as staff do: every composer, a pupil named with something sensitive, posted anyway.
    const written = composersToWrite();
    let popupChecked = false;
    for (const { composer, text } of written) {
      const page = await context.newPage();
      await page.goto(composer.url);
      await composer.open?.(page);
      await typeInto(page, composer.editor(page), text);
      await expect(badgesIn(page, 'issues')).toHaveCount(1);
      if (!popupChecked) {
        // The popup, asked about the tab with the composer open.
        const popup = await context.newPage();
        await popup.goto(POPUP_URL);
        await page.bringToFront();
        await popup.reload();
        await expect(popup.getByTestId('popup-state')).toHaveAttribute('data-state', 'checking');
        await expect(popup.getByTestId('popup-pack')).toContainText('Harrowby Fields Primary School');
        await popup.close();
        popupChecked = true;
      }
      await composer.postButton(page).click();
      await confirmCard(page).getByRole('button', { name: 'Post anyway' }).click();
      await expect.poll(() => postedTexts(page)).toEqual([text]);
      await page.close();
    }

    // The content scripts' own requests (the lazily imported engine, the card's CSS) were seen
    // by the same recorder, so a request to anywhere else from a content script would be too.
    expect(ledger.all.some((url) => url.startsWith(`${ORIGIN}/engine.js`))).toBe(true);

    // Reading back everything PostCheck stores.
    const reader = await context.newPage();
    await reader.goto(OPTIONS_URL);
    const stored = await readEverythingStored(reader);
    await reader.close();
    // The setup really was stored (so the search below looks in the right places)…
    expect(whereStored(stored, 'Harrowby Fields Primary School')).not.toEqual([]);
    expect(whereStored(stored, 'Zebedee')).not.toEqual([]);
    // …and none of what was typed is, whole or in part (case ignored).
    for (const fragment of [...FRAGMENTS, ...written.map((w) => w.marker), ...DETAILS, TRY_POST.slice(TRY_POST.indexOf('told'))]) {
      expect(whereStored(stored, fragment), `where "${fragment}" is stored`).toEqual([]);
    }

    // The event log: one entry per post sent anyway, each with only the allowed fields.
    const events = stored.databases.find((db) => db.name === 'postcheck')?.stores.events ?? [];
    expect(events.length).toBeGreaterThanOrEqual(written.length);
    for (const event of events) {
      expect(typeof event === 'object' && event !== null).toBe(true);
      expect(Object.keys(event as object).sort()).toEqual(EVENT_FIELDS);
    }
    const entries = events as { site: string; action: string; category: string; ruleId: string }[];
    expect(new Set(entries.map((entry) => entry.site))).toEqual(new Set(SITE_FIXTURES.map((fixture) => fixture.site)));
    expect(entries.filter((entry) => entry.action === 'posted-anyway').length).toBeGreaterThanOrEqual(written.length);
    expect(entries.map((entry) => entry.category)).toContain('pupil');
    for (const entry of entries) expect(entry.ruleId).toMatch(/^[a-z0-9-]+$/);

    // Nothing left the browser, from any context, during the whole session.
    expect(ledger.disallowed, 'requests that would have left the browser').toEqual([]);
    expect(webSockets).toEqual([]);
    expect(pageErrors).toEqual([]);
  } finally {
    await browser.close();
  }
});
