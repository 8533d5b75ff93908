import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { highlightedInPage, postedInPage } from '../page-probes';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** POSTCHECK_OUTPUT_DIR: the build `scripts/e2e.mjs --output-dir` made (wxt.config.ts `outDir`). */
export const EXTENSION_DIR = join(resolve(ROOT, process.env.POSTCHECK_OUTPUT_DIR ?? '.output'), 'chrome-mv3');
export const FIXTURE_DIR = join(ROOT, 'tests/fixtures/sites');
export const CHROMIUM_PATH = process.env.POSTCHECK_CHROMIUM ?? '/usr/bin/chromium';

export type FixtureSite = 'x' | 'facebook' | 'instagram' | 'linkedin';

/** The real origins each fixture is served at, so the extension's `matches` apply unchanged. */
export const FIXTURE_ORIGINS: Record<FixtureSite, string[]> = {
  x: ['https://x.com', 'https://twitter.com'],
  facebook: ['https://www.facebook.com'],
  instagram: ['https://www.instagram.com'],
  linkedin: ['https://www.linkedin.com'],
};

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.json': 'application/json',
};

/** Serves the fixture for `site` at every path of `origin`: the pages are single-page apps. */
export async function routeFixtureAt(context: BrowserContext, site: FixtureSite, origin: string): Promise<void> {
  await context.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    let file = join(FIXTURE_DIR, `${site}.html`);
    if (url.pathname.startsWith('/__fixture__/')) file = join(FIXTURE_DIR, url.pathname.slice('/__fixture__/'.length));
    if (!file.startsWith(FIXTURE_DIR) || !existsSync(file)) {
      await route.fulfill({ status: 404, body: '' });
      return;
    }
    await route.fulfill({ status: 200, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
}

/** Serves each fixture at its site's real origins, so the extension's `matches` apply unchanged. */
export async function routeFixtures(context: BrowserContext): Promise<void> {
  for (const [site, origins] of Object.entries(FIXTURE_ORIGINS) as [FixtureSite, string[]][]) {
    for (const origin of origins) await routeFixtureAt(context, site, origin);
  }
}

const ALLOWED_ORIGINS = Object.values(FIXTURE_ORIGINS).flat();

export function isAllowedRequest(url: string): boolean {
  if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  return ALLOWED_ORIGINS.some((origin) => url.startsWith(`${origin}/`));
}

/**
 * Records every request from every context (pages, the service worker, extension pages) and
 * aborts anything not bound for a fixture, so a leak fails the test instead of going out.
 */
export class NetworkLedger {
  readonly disallowed: string[] = [];
  readonly all: string[] = [];

  async attach(context: BrowserContext): Promise<void> {
    // Registered first, so the fixture routes (registered after) take precedence. The
    // extension's own files (the lazily imported engine, the card's CSS) are not intercepted.
    await context.route((url) => url.protocol !== 'chrome-extension:', async (route) => {
      const url = route.request().url();
      if (!isAllowedRequest(url)) this.disallowed.push(url);
      await route.abort('blockedbyclient');
    });
    context.on('request', (request) => {
      this.all.push(request.url());
      if (!isAllowedRequest(request.url())) this.disallowed.push(request.url());
    });
  }

  reset(): void {
    this.disallowed.length = 0;
    this.all.length = 0;
  }
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** Replaced when a test reloads the extension. */
  serviceWorker: Worker;
  ledger: NetworkLedger;
  close(): Promise<void>;
}

export function chromiumArgs(extensionDir: string | null): string[] {
  return [
    '--headless=new',
    ...(extensionDir ? [`--load-extension=${extensionDir}`, `--disable-extensions-except=${extensionDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}

/**
 * The extension's service worker. Polls as well as listening: a worker that registered between
 * launch and the listener would otherwise be waited for forever.
 */
export async function extensionServiceWorker(context: BrowserContext, timeoutMs = 20_000): Promise<Worker> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [worker] = context.serviceWorkers();
    if (worker) return worker;
    const started = await context.waitForEvent('serviceworker', { timeout: 500 }).catch(() => null);
    if (started) return started;
  }
  throw new Error(`PostCheck's service worker did not start within ${timeoutMs} ms`);
}

export async function launchWithExtension(options: { extension?: boolean; headed?: boolean } = {}): Promise<ExtensionBrowser> {
  const withExtension = options.extension ?? true;
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\``);
  // Service-worker requests are only reported to the context with this switch.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const userDataDir = mkdtempSync(join(tmpdir(), 'postcheck-e2e-'));
  const args = chromiumArgs(withExtension ? EXTENSION_DIR : null).filter((arg) => !(options.headed && arg === '--headless=new'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    args,
    viewport: { width: 1280, height: 900 },
  });
  const ledger = new NetworkLedger();
  await ledger.attach(context);
  await routeFixtures(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const serviceWorker = withExtension ? await extensionServiceWorker(context) : (null as unknown as Worker);
  return {
    context,
    serviceWorker,
    ledger,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export const TEST_PACK: unknown = JSON.parse(readFileSync(join(ROOT, 'tests/e2e/harrowby-pack.json'), 'utf8'));

/** Writes the active config the content script reads (src/settings/active.ts). */
export async function setActiveConfig(serviceWorker: Worker, config: Record<string, unknown>): Promise<void> {
  await serviceWorker.evaluate(async (value) => {
    const extensionApi = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
    await extensionApi.storage.local.set({ 'postcheck.config': value });
  }, config);
}

/** What the fixture recorded as posted. */
export function postedTexts(page: Page): Promise<string[]> {
  return page.evaluate(postedInPage);
}

/** Ranges currently underlined by PostCheck, read from the page's highlight registry. */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(highlightedInPage);
}

/** Long tasks (≥ 50 ms) on the page's main thread from now on: content scripts share that thread. */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const durations: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
}
