import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CHROMIUM_EXTENSION_ID, GECKO_ID } from '../../wxt.config';
import { checkPost, compilePack } from '../../src/rules';
import { readManagedPolicy } from '../../src/settings/managed';
import { buildManagedSchema, type ChromeSchema } from '../../src/settings/managed-schema';
import { resolveSettings } from '../../src/settings/resolve';

/**
 * Every worked example in docs/deploying.md, read the way each channel hands it to the browser,
 * checked against the generated managed schema (as Chrome would) and against PostCheck's own
 * reading of the policy (as Firefox relies on).
 */
const doc = readFileSync('docs/deploying.md', 'utf8');
const examples = [...doc.matchAll(/<!-- example: ([\w-]+) -->\n```(\w+)\n([\s\S]*?)\n```/g)].map(([, name, language, body]) => ({ name: name!, language: language!, body: body! }));
const schema = buildManagedSchema();

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Chrome's checks for the subset of JSON Schema it uses, strict about unknown keys. */
function schemaErrors(value: Json, node: ChromeSchema, path: string): string[] {
  const errors: string[] = [];
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
  const typeOk = actual === node.type || (node.type === 'number' && actual === 'integer');
  if (!typeOk) return [`${path}: expected ${node.type}, got ${actual}`];
  if (node.enum && !node.enum.includes(value as string | number)) errors.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(node.enum)}`);
  if (node.pattern && typeof value === 'string' && !new RegExp(node.pattern).test(value)) errors.push(`${path}: does not match ${node.pattern}`);
  if (node.type === 'array') (value as Json[]).forEach((item, i) => errors.push(...schemaErrors(item, node.items!, `${path}[${i}]`)));
  if (node.type === 'object') {
    const record = value as Record<string, Json>;
    for (const key of node.required ?? []) if (!(key in record)) errors.push(`${path}.${key}: required`);
    for (const [key, child] of Object.entries(record)) {
      const childSchema = node.properties?.[key] ?? node.additionalProperties;
      if (!childSchema) errors.push(`${path}.${key}: not in the schema (Chrome would drop it)`);
      else errors.push(...schemaErrors(child, childSchema, `${path}.${key}`));
    }
  }
  return errors;
}

/** A .reg file as Chrome's Windows loader reads it: subkeys are objects or (numbered) lists, DWORDs are booleans where the schema says so. */
function readRegistry(text: string): Map<string, Record<string, string | number>> {
  const keys = new Map<string, Record<string, string | number>>();
  let current: Record<string, string | number> | null = null;
  for (const line of text.split('\n')) {
    const key = /^\[(.+)\]$/.exec(line.trim());
    if (key) {
      current = {};
      keys.set(key[1]!, current);
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/i.exec(line.trim());
    if (value && current) current[value[1]!] = value[3] !== undefined ? parseInt(value[3], 16) : value[2]!.replace(/\\(.)/g, '$1');
  }
  return keys;
}

function policyFromRegistry(keys: Map<string, Record<string, string | number>>, root: string, node: ChromeSchema): Json {
  const values = keys.get(root) ?? {};
  if (node.type === 'array') {
    return Object.entries(values)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, v]) => v);
  }
  const out: Record<string, Json> = {};
  for (const [name, value] of Object.entries(values)) {
    out[name] = node.properties?.[name]?.type === 'boolean' ? value !== 0 : value;
  }
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    if (keys.has(`${root}\\${name}`)) out[name] = policyFromRegistry(keys, `${root}\\${name}`, child);
  }
  return out;
}

/** The plist subset a configuration profile uses. */
function readPlist(text: string): Json {
  const tokens = [...text.matchAll(/<(dict|\/dict|array|\/array|true\/|false\/)>|<(key|string|integer)>([\s\S]*?)<\/\2>/g)];
  let at = tokens.findIndex((t) => t[1] === 'dict');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const value = (): Json => {
    const token = tokens[at++]!;
    if (token[1] === 'true/') return true;
    if (token[1] === 'false/') return false;
    if (token[2] === 'string') return unescape(token[3]!);
    if (token[2] === 'integer') return Number(token[3]);
    if (token[1] === 'array') {
      const list: Json[] = [];
      while (tokens[at]![1] !== '/array') list.push(value());
      at++;
      return list;
    }
    if (token[1] === 'dict') {
      const dict: Record<string, Json> = {};
      while (tokens[at]![1] !== '/dict') {
        const key = tokens[at++]!;
        dict[unescape(key[3]!)] = value();
      }
      at++;
      return dict;
    }
    throw new Error(`unexpected ${token[0]}`);
  };
  return value();
}

const POLICY_READERS: Record<string, (body: string) => Json> = {
  linux: (body) => (JSON.parse(body) as { '3rdparty': { extensions: Record<string, Json> } })['3rdparty'].extensions[CHROMIUM_EXTENSION_ID]!,
  'admin-console': (body) => Object.fromEntries(Object.entries(JSON.parse(body) as Record<string, { Value: Json }>).map(([key, wrapped]) => [key, wrapped.Value])),
  windows: (body) => policyFromRegistry(readRegistry(body), `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROMIUM_EXTENSION_ID}\\policy`, schema),
  macos: (body) => {
    const profile = readPlist(body) as { PayloadContent: Record<string, Json>[] };
    const payload = profile.PayloadContent.find((p) => p.PayloadType === `com.google.Chrome.extensions.${CHROMIUM_EXTENSION_ID}`)!;
    return Object.fromEntries(Object.entries(payload).filter(([key]) => !key.startsWith('Payload')));
  },
  'edge-linux': (body) => (JSON.parse(body) as { '3rdparty': { extensions: Record<string, Json> } })['3rdparty'].extensions[CHROMIUM_EXTENSION_ID]!,
  'edge-windows': (body) => policyFromRegistry(readRegistry(body), `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${CHROMIUM_EXTENSION_ID}\\policy`, schema),
  'edge-macos': (body) => {
    const profile = readPlist(body) as { PayloadContent: Record<string, Json>[] };
    const payload = profile.PayloadContent.find((p) => p.PayloadType === `com.microsoft.Edge.extensions.${CHROMIUM_EXTENSION_ID}`)!;
    return Object.fromEntries(Object.entries(payload).filter(([key]) => !key.startsWith('Payload')));
  },
  firefox: (body) => (JSON.parse(body) as { policies: { '3rdparty': { Extensions: Record<string, Json> } } }).policies['3rdparty'].Extensions[GECKO_ID]!,
};

const INSTALL_CHECKS: Record<string, (body: string) => void> = {
  'install-firefox': (body) => {
    const settings = (JSON.parse(body) as { ExtensionSettings: Record<string, { installation_mode: string; install_url: string }> }).ExtensionSettings[GECKO_ID];
    expect(settings).toMatchObject({ installation_mode: 'force_installed', install_url: expect.stringMatching(/^https:\/\/.*\.xpi$/) });
  },
  'install-linux': (body) => {
    const settings = (JSON.parse(body) as { ExtensionSettings: Record<string, { installation_mode: string; toolbar_pin: string; update_url: string }> }).ExtensionSettings[CHROMIUM_EXTENSION_ID];
    expect(settings).toMatchObject({ installation_mode: 'force_installed', toolbar_pin: 'force_pinned', update_url: expect.stringMatching(/^https:\/\//) });
  },
  'install-forcelist': (body) => {
    expect((JSON.parse(body) as { ExtensionInstallForcelist: string[] }).ExtensionInstallForcelist).toEqual([expect.stringMatching(new RegExp(`^${CHROMIUM_EXTENSION_ID};https://`))]);
  },
  'install-windows': (body) => {
    const list = readRegistry(body).get('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist');
    expect(list?.['1']).toMatch(new RegExp(`^${CHROMIUM_EXTENSION_ID};https://`));
  },
};

describe('docs/deploying.md', () => {
  it('gives Edge\'s own policy paths for Windows, macOS and Linux, each with a checked example', () => {
    const edge = doc.slice(doc.indexOf('### Microsoft Edge'), doc.indexOf('### Firefox'));
    expect(edge).toContain(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\<ID>\\policy`);
    expect(edge).toContain('com.microsoft.Edge.extensions.<ID>');
    expect(edge).toContain('/etc/opt/edge/policies/managed/');
    // The examples are Edge's, not Chrome's copied: every path in them is Edge's.
    for (const name of ['edge-linux', 'edge-windows', 'edge-macos']) {
      const body = examples.find((e) => e.name === name)?.body;
      expect(body, name).toBeDefined();
      expect(body).not.toMatch(/Google|com\.google/);
    }
  });

  it('has an example for every channel, each one checked here', () => {
    expect(examples.map((e) => e.name).sort()).toEqual([...Object.keys(POLICY_READERS), ...Object.keys(INSTALL_CHECKS)].sort());
  });

  for (const example of examples.filter((e) => e.name in INSTALL_CHECKS)) {
    it(`force-install example "${example.name}" targets PostCheck's ID`, () => INSTALL_CHECKS[example.name]!(example.body));
  }

  for (const example of examples.filter((e) => e.name in POLICY_READERS)) {
    it(`policy example "${example.name}" matches the schema and applies as documented`, () => {
      const policy = POLICY_READERS[example.name]!(example.body);
      expect(schemaErrors(policy, schema, example.name)).toEqual([]);
      const read = readManagedPolicy(policy);
      expect(read.problems).toEqual([]);
      const settings = resolveSettings({ on: false }, { policy: read.policy, problems: [], savedAt: 0 });
      expect(settings).toMatchObject({ on: true, mode: 'block', locked: true, eventLog: true, managedBy: 'Harrowby Fields Primary School', pupils: ['Grace Hetherington', 'Tobias Quennell'], staff: ['Margaret Ashworth'] });
      expect(settings.enabledSites).toEqual({ facebook: true, x: true, instagram: true, linkedin: false });
      const compiled = compilePack(settings.pack, { pupils: settings.pupils, staff: settings.staff });
      if (!compiled.ok) throw new Error(compiled.error.message);
      const findings = checkPost(compiled.compiled, { text: 'So proud of Tobias Quennell in the school play' });
      expect(findings.find((f) => f.category === 'pupil')?.clause.ref).toBe('4.2');
    });
  }
});
