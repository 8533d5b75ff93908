import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIVE_CONFIG_STORAGE_KEY } from '../../src/settings/active';
import { MANAGED_CACHE_STORAGE_KEY } from '../../src/settings/managed';
import { DB_NAME } from '../../src/store/db';
import { EVENT_RETENTION_MS, EventReportSchema } from '../../src/store/events';
import { PACK_HISTORY } from '../../src/store/library';
import { EXTENSION_PAGES_CSP } from '../../wxt.config';

/**
 * Issue 6: the README, the options page and docs/privacy.md say what is stored, where and for how
 * long, and that nothing is sent anywhere. These keep what they say tied to the code that does it.
 */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const privacyDoc = flat(readFileSync('docs/privacy.md', 'utf8'));
const readme = flat(readFileSync('README.md', 'utf8'));
/** The options page's statement, as its source spells it (JSX text, whitespace collapsed). */
const optionsPage = flat(readFileSync('src/ui/options/PrivacySection.tsx', 'utf8'));

const DAY_MS = 24 * 60 * 60 * 1000;
const NUMBER_WORDS: Record<number, string> = { 5: 'five', 10: 'ten', 20: 'twenty' };

/** How each event log field is named in the DPIA statement and on the options page. */
const EVENT_FIELD_WORDS: Record<string, { doc: string; options: string }> = {
  time: { doc: 'time', options: 'time' },
  site: { doc: 'site', options: 'site' },
  category: { doc: 'kind of finding', options: 'kind of finding' },
  ruleId: { doc: 'rule id', options: 'rule' },
  severity: { doc: 'severity', options: 'severity' },
  action: { doc: 'what the user did', options: 'what you did' },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('what is stored, where and for how long', () => {
  it('names the storage keys and the database the code uses', () => {
    expect(privacyDoc).toContain(`\`${ACTIVE_CONFIG_STORAGE_KEY}\``);
    expect(privacyDoc).toContain(`\`${MANAGED_CACHE_STORAGE_KEY}\``);
    expect(privacyDoc).toContain(`database \`${DB_NAME}\``);
  });

  it('uses no storage area the documents do not describe', () => {
    const code = [...sourceFiles('src'), ...sourceFiles('entrypoints')].map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(code).toMatch(/storage\.local\b/);
    expect(code).not.toMatch(/storage\.(sync|session)\b/);
    expect(code).not.toMatch(/document\.cookie|localStorage|sessionStorage/);
    expect(privacyDoc).toMatch(/does not use `storage\.sync`.*or `storage\.session`/);
  });

  it('gives the event log retention the code enforces, in all three places', () => {
    const days = `${EVENT_RETENTION_MS / DAY_MS} days`;
    expect(EVENT_RETENTION_MS % DAY_MS).toBe(0);
    expect(privacyDoc).toContain(days);
    expect(optionsPage).toContain(days);
  });

  it('lists exactly the event log fields the log accepts', () => {
    const fields = [...Object.keys(EventReportSchema.shape), 'time'].sort();
    expect(fields).toEqual(Object.keys(EVENT_FIELD_WORDS).sort());
    const docRow = /\| Event log, off by default; if turned on [^:]*: ([^|]*)\|/.exec(privacyDoc)?.[1] ?? '';
    const optionsLine = /The event log<\/strong>, when on, keeps ([^—]*)—/.exec(optionsPage)?.[1] ?? '';
    for (const words of Object.values(EVENT_FIELD_WORDS)) {
      expect(docRow).toContain(words.doc);
      expect(optionsLine).toContain(words.options);
    }
    expect(optionsPage).toContain('never the text or the names');
    expect(privacyDoc).toContain('no field for post text or for the names matched');
  });

  it('says how many earlier packs are kept, as the code keeps them', () => {
    const count = NUMBER_WORDS[PACK_HISTORY];
    expect(count).toBeDefined();
    expect(privacyDoc).toContain(`last ${count} rule packs loaded`);
    expect(optionsPage).toContain(`last ${count} packs loaded`);
  });
});

describe('nothing is sent anywhere', () => {
  it('is said plainly in all three places', () => {
    expect(privacyDoc).toMatch(/## 4\. What is sent where \*\*Nothing\.\*\* PostCheck makes no network requests/);
    expect(optionsPage).toContain('PostCheck sends nothing anywhere');
    expect(readme).toContain('Post text never leaves the browser and is never stored');
  });

  it('quotes the content security policy the manifest sets', () => {
    expect(privacyDoc).toContain(`\`${EXTENSION_PAGES_CSP}\``);
    expect(readme).toContain(`\`${EXTENSION_PAGES_CSP}\``);
  });
});
