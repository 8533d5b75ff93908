import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:net';
import { extname, join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../wxt.config';
import { FIXTURE_DIR, FIXTURE_ORIGINS, ROOT, TEST_PACK, type FixtureSite } from '../e2e/harness';
import { highlightedInPage, postedInPage } from '../page-probes';

/**
 * Firefox ESR driven by puppeteer-core over WebDriver BiDi, with PostCheck's Firefox build
 * installed as a temporary add-on. Nothing reaches the network:
 * - the fixtures are answered at their real origins by BiDi request interception, so the
 *   content script's `matches` apply unchanged;
 * - every other connection Firefox tries goes to a proxy on loopback that refuses it and
 *   records it (`leaks`), so a request that would have left the browser fails the test.
 */

export const FIREFOX = process.env.POSTCHECK_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, process.env.POSTCHECK_OUTPUT_DIR ?? '.output', 'firefox-mv2');
/** Where Debian's firefox-esr reads enterprise policies; written only under flock /tmp/postcheck-firefox-policy.lock. */
export const FIREFOX_POLICY_FILE = process.env.POSTCHECK_FIREFOX_POLICY_FILE ?? '/usr/lib/firefox-esr/distribution/policies.json';

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json' };

/**
 * An origin no content script matches, per site: the same fixture served there shows the
 * editor exactly as the site's own editor library leaves it, for comparison.
 */
export const uncheckedUrl = (site: FixtureSite, url: string): string => {
  const parsed = new URL(url);
  return `https://${site}.unchecked.postcheck.test${parsed.pathname}${parsed.search}`;
};
const UNCHECKED_HOST = /^([a-z]+)\.unchecked\.postcheck\.test$/;

/** The settings the Chromium suite writes to storage.local, pushed as managed policy (BiDi cannot open extension pages). */
const { people, ...packWithoutPeople } = TEST_PACK as { people?: { pupils?: unknown[]; staff?: unknown[] } } & Record<string, unknown>;
export const CORE_CASES_POLICY = {
  policies: {
    '3rdparty': {
      Extensions: {
        [GECKO_ID]: {
          schoolPack: packWithoutPeople,
          pupils: (people?.pupils ?? []).map((p) => (typeof p === 'string' ? p : (p as { name: string }).name)),
          staff: (people?.staff ?? []).map((p) => (typeof p === 'string' ? p : (p as { name: string }).name)),
          mode: 'warn',
          lock: false,
        },
      },
    },
  },
};

export interface FirefoxWithExtension {
  browser: Browser;
  /** Connections Firefox tried to make to anywhere but the fixtures (host and first line). */
  leaks: string[];
  /** Requests answered from the fixtures, and any other request seen by interception (aborted). */
  disallowed: string[];
  newSitePage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Firefox with `policies.json` holding `policy` (removed again by close()).
 * `localSettings` is what the user had already set on the options page (PostCheck's
 * storage.local `postcheck.config`), put in the new profile before Firefox starts: Firefox
 * reads an add-on's storage.local from browser-extension-data/<id>/storage.js when its
 * IndexedDB backend is off, which is the one way to set it without opening an extension page.
 */
export async function launchFirefox(policy: object, options: { localSettings?: object } = {}): Promise<FirefoxWithExtension> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox is missing at ${FIREFOX}: apt-get install firefox-esr (scripts/ensure-deps.mjs does it), or set POSTCHECK_FIREFOX`);
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run npm run build:firefox`);
  const leaks: string[] = [];
  const disallowed: string[] = [];
  const trap = await listenTrap(leaks);
  const port = (trap.address() as { port: number }).port;
  const hadPolicy = existsSync(FIREFOX_POLICY_FILE) ? readFileSync(FIREFOX_POLICY_FILE) : null;
  writeFileSync(FIREFOX_POLICY_FILE, JSON.stringify(policy, null, 2));
  const restorePolicy = () => {
    if (hadPolicy) writeFileSync(FIREFOX_POLICY_FILE, hadPolicy);
    else rmSync(FIREFOX_POLICY_FILE, { force: true });
  };
  const profile = mkdtempSync(join(tmpdir(), 'postcheck-firefox-profile-'));
  if (options.localSettings) {
    const dir = join(profile, 'browser-extension-data', GECKO_ID);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'storage.js'), JSON.stringify({ 'postcheck.config': options.localSettings }));
  }
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      userDataDir: profile,
      executablePath: FIREFOX,
      headless: true,
      // Lets the remote-settings server pref below apply (Firefox honours it only for automation or with this set).
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.dns.disablePrefetch': true,
        'network.http.speculative-parallel-limit': 0,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
        'extensions.getAddons.cache.enabled': false,
        'app.normandy.enabled': false,
        'browser.safebrowsing.provider.mozilla.updateURL': '',
        ...(options.localSettings ? { 'extensions.webextensions.ExtensionStorageIDB.enabled': false } : {}),
      },
    });
  } catch (error) {
    restorePolicy();
    trap.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    leaks,
    disallowed,
    async newSitePage() {
      const page = await browser.newPage();
      await serveFixtures(page, disallowed);
      return page;
    },
    async close() {
      try {
        await browser.close();
      } finally {
        restorePolicy();
        trap.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

function listenTrap(leaks: string[]): Promise<Server> {
  const server = createServer((socket) => {
    socket.once('data', (data) => {
      leaks.push(data.toString('latin1').split('\r\n')[0] ?? '(no request line)');
      socket.destroy();
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const SITE_BY_ORIGIN = new Map<string, FixtureSite>(
  (Object.entries(FIXTURE_ORIGINS) as [FixtureSite, string[]][]).flatMap(([site, origins]) => origins.map((origin) => [origin, site] as const)),
);

/** Answers each fixture at its real origins (and at its unchecked origin); aborts and records anything else. */
async function serveFixtures(page: Page, disallowed: string[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'moz-extension:' || url.protocol === 'data:' || url.protocol === 'blob:' || url.href === 'about:blank') {
      void request.continue();
      return;
    }
    const site = SITE_BY_ORIGIN.get(url.origin) ?? (UNCHECKED_HOST.exec(url.hostname)?.[1] as FixtureSite | undefined);
    const path = url.pathname;
    if (!site) {
      disallowed.push(request.url());
      void request.abort();
      return;
    }
    let file = join(FIXTURE_DIR, `${site}.html`);
    if (path.startsWith('/__fixture__/')) file = join(FIXTURE_DIR, path.slice('/__fixture__/'.length));
    if (!file.startsWith(FIXTURE_DIR) || !existsSync(file)) {
      void request.respond({ status: 404, body: '' });
      return;
    }
    void request.respond({ status: 200, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
}

/** Deep selector (through PostCheck's open shadow root). */
export const deep = (selector: string): string => `>>> ${selector}`;

export async function textOf(handle: ElementHandle): Promise<string> {
  return handle.evaluate((element) => element.textContent ?? '');
}

export function postedTexts(page: Page): Promise<string[]> {
  return page.evaluate(postedInPage);
}

export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(highlightedInPage);
}

/** Polls `read` until `accept` holds or the time runs out; returns the last value. */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
